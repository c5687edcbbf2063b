package io.newspipe.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * How one PostgreSQL sink runs, besides its connections: built from {@code sink}'s parsed options ({@link
 * SinkOptions#stageSettings()}), or by a command or test that runs the sink itself ({@link #of}, then the {@code
 * with…} changes). {@link Stages#sinkApp} wires the sink from it.
 */
public record SinkStageSettings(String groupId, int batchSize, boolean fullTextIndex, MeterRegistry registry) {

    /** The defaults of {@code newspipe sink} (full-text index on) with this group and batch size. */
    public static SinkStageSettings of(String groupId, int batchSize) {
        return new SinkStageSettings(groupId, batchSize, SinkOptions.FULL_TEXT_INDEX.defaultValue(),
                new SimpleMeterRegistry());
    }

    /** The default consumer group and batch size of {@code newspipe sink}. */
    public static SinkStageSettings defaults() {
        return of(defaultGroupId(), SinkOptions.BATCH_SIZE.defaultValue());
    }

    /** The default consumer group of {@code newspipe sink}. */
    public static String defaultGroupId() {
        return SinkOptions.GROUP_ID.defaultValue();
    }

    /** With or without the full-text search documents (and their queue and indexer). */
    public SinkStageSettings withFullTextIndex(boolean index) {
        return new SinkStageSettings(groupId, batchSize, index, registry);
    }

    /** Count into {@code meters}, e.g. the registry the sink serves on {@code /metrics}. */
    public SinkStageSettings withRegistry(MeterRegistry meters) {
        return new SinkStageSettings(groupId, batchSize, fullTextIndex, meters);
    }
}
