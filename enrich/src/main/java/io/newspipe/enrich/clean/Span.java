package io.newspipe.enrich.clean;

/** A fragment of one line to remove: {@code [start, end)} of the line's text, and the rule that found it. */
record Span(int start, int end, String rule, String kind) {
}
