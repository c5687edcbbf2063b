package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import java.util.List;

/** PostgreSQL connection settings, each with its {@code NEWSPIPE_JDBC_…} environment variable. */
public final class DatabaseOptions extends SettingGroup {

    public static final Setting<String> JDBC_URL = Setting.text("--jdbc-url", "NEWSPIPE_JDBC_URL",
            "jdbc:postgresql://localhost:5432/newspipe", "PostgreSQL JDBC URL");
    public static final Setting<String> JDBC_USER = Setting.text("--jdbc-user", "NEWSPIPE_JDBC_USER", "newspipe",
            "Database user");
    public static final Setting<String> JDBC_PASSWORD = Setting.text("--jdbc-password", "NEWSPIPE_JDBC_PASSWORD", "",
            "Database password, never logged");

    public DatabaseOptions() {
        super(List.of(JDBC_URL, JDBC_USER, JDBC_PASSWORD));
    }

    public String jdbcUrl() {
        return value(JDBC_URL);
    }

    public String jdbcUser() {
        return value(JDBC_USER);
    }

    /** The password; "" when none is set. */
    public String jdbcPassword() {
        String password = value(JDBC_PASSWORD);
        return password == null ? "" : password;
    }

    /** Points these options at a running PostgreSQL (a local stack's, a test's). */
    public void pointAt(String jdbcUrl, String jdbcUser, String jdbcPassword) {
        set(JDBC_URL, jdbcUrl);
        set(JDBC_USER, jdbcUser);
        set(JDBC_PASSWORD, jdbcPassword);
    }
}
