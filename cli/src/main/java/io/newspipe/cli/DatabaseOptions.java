package io.newspipe.cli;

import picocli.CommandLine.Option;

/** PostgreSQL connection options, each with its {@code NEWSPIPE_JDBC_…} environment variable. */
public final class DatabaseOptions {

    @Option(names = "--jdbc-url", defaultValue = "${env:NEWSPIPE_JDBC_URL:-jdbc:postgresql://localhost:5432/newspipe}",
            description = "PostgreSQL JDBC URL (env NEWSPIPE_JDBC_URL; default ${DEFAULT-VALUE}).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "${env:NEWSPIPE_JDBC_USER:-newspipe}",
            description = "Database user (env NEWSPIPE_JDBC_USER; default ${DEFAULT-VALUE}).")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "${env:NEWSPIPE_JDBC_PASSWORD:-}", arity = "0..1",
            description = "Database password (env NEWSPIPE_JDBC_PASSWORD; never logged).")
    String jdbcPassword;

    /** Points these options at a running PostgreSQL (a local stack's, a test's). */
    public void pointAt(String jdbcUrl, String jdbcUser, String jdbcPassword) {
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
    }
}
