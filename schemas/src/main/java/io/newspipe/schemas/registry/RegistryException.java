package io.newspipe.schemas.registry;

/**
 * A registry answered with an error, or could not be reached. Carries the HTTP status and the Confluent error code
 * ({@code 40401} unknown subject, {@code 40403} unknown schema, {@code 42201} invalid schema, {@code 409}
 * incompatible), or status 0 when no answer came.
 */
public class RegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public RegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorCode = 0;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
