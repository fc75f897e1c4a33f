package dev.tokenservice.http.json;

/**
 * A signing key of JWT access tokens as the rotation call answers it: its key id ({@code kid}), algorithm, and when it
 * starts signing (seconds since the epoch, like the token times of the administration API). Never the key itself.
 */
public record SigningKeyJson(String kid, String alg, long signsFrom) { }
