package io.newspipe.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL (zonky's embedded binaries, version from the build's BOM) on a free loopback port, database
 * {@code postgres}, user {@code postgres}, no password. Runs with fsync off: fine for tests and the demo, not for
 * data you care about. Can be stopped and started again on the same data directory and port.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres pg;
    private boolean firstStart = true;

    public EmbeddedPostgresServer(Path dataDir) {
        this.dataDir = dataDir;
        this.port = Ports.free();
    }

    public synchronized EmbeddedPostgresServer start() {
        if (pg != null) {
            return this;
        }
        long t0 = System.nanoTime();
        try {
            pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
        LOG.info("PostgreSQL up at {} in {} ms{}", jdbcUrl(), (System.nanoTime() - t0) / 1_000_000,
                firstStart ? "" : " (restart)");
        firstStart = false;
        return this;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "";
    }

    public synchronized boolean isRunning() {
        return pg != null;
    }

    /** Stops the server, keeping its data; {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (pg == null) {
            return;
        }
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        } finally {
            pg = null;
        }
        LOG.info("PostgreSQL at port {} stopped", port);
    }

    @Override
    public void close() {
        stop();
    }
}
