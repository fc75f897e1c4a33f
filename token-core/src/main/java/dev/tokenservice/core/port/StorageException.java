package dev.tokenservice.core.port;

/** A storage adapter could not do its work; it wraps the driver's failure so that no driver type crosses a port. */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
