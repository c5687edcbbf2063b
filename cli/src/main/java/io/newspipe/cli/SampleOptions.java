package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import java.nio.file.Path;

/**
 * Where the bundled sample articles and corpus are: what the commands of this machine (the demo, {@code up}, the
 * benchmarks) ingest or generate articles from. The launcher sets {@code newspipe.home} to the project's folder.
 */
public final class SampleOptions {

    public static final Setting<Path> SAMPLES = Setting.path("--samples", null, "${sys:newspipe.home:-.}/samples",
            "Folder of the sample articles and corpus");

    private SampleOptions() {
    }
}
