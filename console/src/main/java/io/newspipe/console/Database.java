package io.newspipe.console;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the sink's {@code articles} table is: a JDBC URL, user and password. The console only reads it, one short
 * connection per request (the console is for a few people, not for traffic).
 */
public record Database(String jdbcUrl, String user, String password) {

    /** Opens a read-only connection. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl, user, password == null ? "" : password);
        c.setReadOnly(true);
        return c;
    }
}
