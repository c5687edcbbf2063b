package io.newspipe.ingest;

/**
 * Input that cannot become an article. {@link #reason()} is a short machine-readable code (it becomes the
 * dead letter's reason); the message names the file and, where it helps, the line.
 */
public class BadInputException extends Exception {

    private final String reason;
    private final String origin;

    public BadInputException(String reason, String origin, String message) {
        super(origin + ": " + message);
        this.reason = reason;
        this.origin = origin;
    }

    public BadInputException(String reason, String origin, String message, Throwable cause) {
        super(origin + ": " + message, cause);
        this.reason = reason;
        this.origin = origin;
    }

    public String reason() {
        return reason;
    }

    public String origin() {
        return origin;
    }
}
