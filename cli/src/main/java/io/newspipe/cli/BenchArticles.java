package io.newspipe.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options benchmarks over generated articles share, and how they print their figures. */
final class BenchArticles {

    @Option(names = "--samples", defaultValue = "${sys:newspipe.home:-.}/samples",
            description = "Samples and corpus to generate articles from (default ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--json", description = "Print one JSON object with the figures instead of a table.")
    boolean json;

    ArticleGenerator generator(long seed) {
        return new ArticleGenerator(samples, seed);
    }

    /** One JSON line with {@code --json}, else a table of name and value. */
    void print(ObjectNode figures) {
        if (json) {
            System.out.println(figures);
            return;
        }
        System.out.println();
        figures.fields().forEachRemaining(e -> System.out.printf(Locale.ROOT, "%-32s %s%n", e.getKey(),
                e.getValue()));
    }
}
