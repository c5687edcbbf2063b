package io.newspipe.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One benchmark: runs and returns its figures (name to number), so {@code newspipe bench} can run every benchmark
 * and report them together, and each subcommand prints the same figures as a table or as JSON.
 */
interface Benchmark {

    /** Runs the benchmark with the options it was given; progress goes to stderr, the result is returned. */
    ObjectNode measure() throws Exception;
}
