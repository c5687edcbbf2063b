package io.newspipe.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks a stage's HTTP endpoint how it is: {@code /health/ready} (200 while it processes) and a few counters of
 * its Prometheus {@code /metrics} text.
 */
final class StageProbe {

    /** The counters shown beside a stage's health, by Prometheus name, with the label the page gives them. */
    private static final Map<String, String> COUNTERS = Map.of(
            "newspipe_enrich_records_in_total", "in",
            "newspipe_enrich_records_out_total", "out",
            "newspipe_sink_records_written_total", "written",
            "newspipe_dead_letters_total", "dead letters");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The stage's health, from the endpoint at {@code baseUrl}. */
    FlowSnapshot.StageStatus probe(String stage, String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            int ready = get(base + "/health/ready").statusCode();
            HttpResponse<String> metrics = get(base + "/metrics");
            String counters = metrics.statusCode() == 200 ? counters(metrics.body()) : "";
            String detail = (ready == 200 ? "ready" : "not ready (" + ready + ")")
                    + (counters.isEmpty() ? "" : "; " + counters) + " — " + base;
            return new FlowSnapshot.StageStatus(stage, ready == 200 ? "UP" : "DOWN", detail);
        } catch (java.io.IOException e) {
            return new FlowSnapshot.StageStatus(stage, "DOWN", "unreachable: " + base + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FlowSnapshot.StageStatus(stage, "UNKNOWN", "interrupted");
        }
    }

    private HttpResponse<String> get(String url) throws java.io.IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sums of the known counters over all their label sets, e.g. {@code in 12, out 12}. */
    static String counters(String prometheusText) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int nameEnd = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
            if (nameEnd <= 0) {
                continue;
            }
            String label = COUNTERS.get(line.substring(0, nameEnd));
            if (label == null) {
                continue;
            }
            try {
                double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                sums.merge(label, v, Double::sum);
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        StringBuilder s = new StringBuilder();
        sums.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(Math.round(v)));
        return s.toString();
    }
}
