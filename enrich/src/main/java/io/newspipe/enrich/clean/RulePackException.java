package io.newspipe.enrich.clean;

/**
 * A rule pack that cannot be used: not JSON, not valid against {@code rules/rule-pack.schema.json}, a bad regular
 * expression, or packs that contradict each other. The message names the file, the rule id and the key of each
 * problem, one per line.
 */
public final class RulePackException extends IllegalArgumentException {

    public RulePackException(String message) {
        super(message);
    }

    public RulePackException(String message, Throwable cause) {
        super(message, cause);
    }
}
