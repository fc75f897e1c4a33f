package dev.tokenservice.http.web;

/** A request body over its limit; answered with {@code 413}. */
public final class PayloadTooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    PayloadTooLargeException() {
        super("request body over the limit", null, false, false);
    }
}
