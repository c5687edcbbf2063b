package io.newspipe.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newspipe.enrich.EnrichTopology;
import io.newspipe.enrich.Enricher;
import io.newspipe.enrich.dedup.DedupSettings;
import java.nio.file.Path;

/**
 * How one enrich app runs, besides its connection: built from {@code enrich}'s parsed options ({@link
 * EnrichOptions#stageSettings()}), or by a command or test that runs enrich itself ({@link #of}, then the {@code
 * with…} changes). {@link Stages#enrichApp} wires the app from it.
 *
 * @param routePrefix per-label topics' prefix; null for none (a blank one is made null)
 * @param window the replay window; null for the live app (every record)
 * @param enricher what enriches one article; null for the bundled rules, taxonomy and languages
 */
public record EnrichStageSettings(String applicationId, String processingGuarantee, long commitIntervalMs,
                                  Path stateDir, DedupSettings dedup, String routePrefix,
                                  EnrichTopology.Window window, Enricher enricher, MeterRegistry registry) {

    public EnrichStageSettings {
        routePrefix = routePrefix == null || routePrefix.isBlank() ? null : routePrefix;
    }

    /** The defaults of {@code newspipe enrich} under this application id and state folder. */
    public static EnrichStageSettings of(String applicationId, Path stateDir) {
        return new EnrichStageSettings(applicationId, EnrichOptions.PROCESSING_GUARANTEE.defaultValue(),
                EnrichOptions.COMMIT_INTERVAL_MS.defaultValue(), stateDir, DedupSettings.DEFAULTS, null, null, null,
                new SimpleMeterRegistry());
    }

    /** The default application id of {@code newspipe enrich}. */
    public static String defaultApplicationId() {
        return EnrichOptions.APPLICATION_ID.defaultValue();
    }

    /**
     * Another commit interval: under exactly-once each commit ends a transaction, so a shorter one means lower
     * latency and fewer articles/s.
     */
    public EnrichStageSettings withCommitIntervalMs(long millis) {
        return new EnrichStageSettings(applicationId, processingGuarantee, millis, stateDir, dedup, routePrefix,
                window, enricher, registry);
    }

    /** Duplicate detection with its default settings, or none. */
    public EnrichStageSettings withDedup(boolean enabled) {
        DedupSettings settings = enabled ? DedupSettings.DEFAULTS : DedupSettings.DISABLED;
        return new EnrichStageSettings(applicationId, processingGuarantee, commitIntervalMs, stateDir, settings,
                routePrefix, window, enricher, registry);
    }

    /** Also write each article to {@code <prefix><label>} for each of its topic labels; null or blank: off. */
    public EnrichStageSettings withRoutePrefix(String prefix) {
        return new EnrichStageSettings(applicationId, processingGuarantee, commitIntervalMs, stateDir, dedup,
                prefix, window, enricher, registry);
    }

    /**
     * Enrich only the raw records published inside {@code replayWindow}, skipping its taken-down ids: a replay
     * under its own application id.
     */
    public EnrichStageSettings withWindow(EnrichTopology.Window replayWindow) {
        return new EnrichStageSettings(applicationId, processingGuarantee, commitIntervalMs, stateDir, dedup,
                routePrefix, replayWindow, enricher, registry);
    }

    /** Enrich with these rule packs, taxonomy and languages instead of the bundled ones. */
    public EnrichStageSettings withEnricher(Enricher articleEnricher) {
        return new EnrichStageSettings(applicationId, processingGuarantee, commitIntervalMs, stateDir, dedup,
                routePrefix, window, articleEnricher, registry);
    }

    /**
     * Count into {@code meters}, e.g. the registry a stage serves on {@code /metrics}, rather than into a registry
     * of its own nobody reads.
     */
    public EnrichStageSettings withRegistry(MeterRegistry meters) {
        return new EnrichStageSettings(applicationId, processingGuarantee, commitIntervalMs, stateDir, dedup,
                routePrefix, window, enricher, meters);
    }
}
