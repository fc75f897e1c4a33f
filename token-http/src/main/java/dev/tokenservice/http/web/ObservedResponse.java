package dev.tokenservice.http.web;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that remembers what its request came to beyond the status, for the request metrics: the error code
 * written ({@link ErrorResponses#write} records it) and the grant type asked for (the token endpoint records it).
 * Endpoints record through the static methods, which do nothing when no metrics wrap the response. One per request,
 * used by its thread only.
 */
public final class ObservedResponse extends HttpServletResponseWrapper {
    private String error;
    private String grantType;

    public ObservedResponse(HttpServletResponse response) {
        super(response);
    }

    /** Records the error code of the answer written to {@code response}, when an observed response wraps it. */
    public static void recordError(ServletResponse response, String code) {
        ObservedResponse observed = find(response);
        if (observed != null) {
            observed.error = code;
        }
    }

    /** Records the {@code grant_type} a token request asked for, when an observed response wraps it. */
    public static void recordGrantType(ServletResponse response, String grantType) {
        ObservedResponse observed = find(response);
        if (observed != null) {
            observed.grantType = grantType;
        }
    }

    /** The error code written, or {@code null} when none was. */
    public String error() {
        return error;
    }

    /** The grant type asked for, or {@code null} when the request named none that could be read. */
    public String grantType() {
        return grantType;
    }

    private static ObservedResponse find(ServletResponse response) {
        ServletResponse current = response;
        while (current instanceof ServletResponseWrapper wrapper) {
            if (wrapper instanceof ObservedResponse observed) {
                return observed;
            }
            current = wrapper.getResponse();
        }
        return null;
    }
}
