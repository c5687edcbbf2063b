package io.newspipe.cli;

import picocli.CommandLine.Option;

/** Where a long-running stage serves /metrics and /health. */
public final class MetricsOptions {

    @Option(names = "--metrics-port", defaultValue = "${env:NEWSPIPE_METRICS_PORT:-9400}",
            description = "Port of the /metrics and /health endpoints, 0 for none (env NEWSPIPE_METRICS_PORT; "
                    + "default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--metrics-host", defaultValue = "${env:NEWSPIPE_METRICS_HOST:-0.0.0.0}",
            description = "Address the endpoint binds (env NEWSPIPE_METRICS_HOST; default ${DEFAULT-VALUE}).")
    String host;

    MetricsServer start(String stage) {
        return MetricsServer.start(stage, host, port);
    }
}
