package io.newspipe.cli;

import io.newspipe.localstack.LocalStack;

/** Points the command options at the local stack an integration test runs against. */
final class StackOptions {

    private StackOptions() {
    }

    /** The stack's broker and registry, with the given topics. */
    static void point(ConnectionOptions options, LocalStack stack, String raw, String enriched, String dlq) {
        options.pointAt(stack.bootstrapServers(), stack.schemaRegistryUrl(), raw, enriched, dlq);
    }

    /** The stack's PostgreSQL. */
    static void point(DatabaseOptions options, LocalStack stack) {
        options.pointAt(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
    }
}
