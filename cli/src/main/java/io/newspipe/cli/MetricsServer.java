package io.newspipe.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint of a long-running stage: {@code GET /metrics} (Prometheus text), {@code GET /health/ready} (200
 * only while the stage is processing, 503 otherwise — docker compose healthchecks use it) and {@code GET
 * /health/live} (200 while the process runs).
 */
final class MetricsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;
    private volatile BooleanSupplier ready = () -> false;
    private JvmGcMetrics gc;

    private MetricsServer(HttpServer server, String stage) {
        this.server = server;
        registry.config().commonTags("stage", stage);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape()));
        server.createContext("/health/ready", ex -> {
            boolean ok = ready.getAsBoolean();
            respond(ex, ok ? 200 : 503, "application/json", "{\"status\":\"" + (ok ? "UP" : "DOWN") + "\"}");
        });
        server.createContext("/health/live", ex -> respond(ex, 200, "application/json", "{\"status\":\"UP\"}"));
    }

    /** Starts the endpoint on host:port; port 0 (or negative) means no endpoint, but meters are still kept. */
    static MetricsServer start(String stage, String host, int port) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(host, Math.max(port, 0)), 16);
            MetricsServer m = new MetricsServer(s, stage);
            if (port > 0) {
                s.start();
                LOG.info("{} metrics at http://{}:{}/metrics, readiness at /health/ready", stage, host, port);
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the metrics endpoint on " + host + ":" + port
                    + " — choose another with --metrics-port or NEWSPIPE_METRICS_PORT", e);
        }
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    void readyWhen(BooleanSupplier supplier) {
        this.ready = supplier;
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        gc.close();
        registry.close();
    }
}
