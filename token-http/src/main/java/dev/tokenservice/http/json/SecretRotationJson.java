package dev.tokenservice.http.json;

/** The body of a secret rotation: how many seconds the replaced secret is still accepted (absent: none). */
public record SecretRotationJson(Long gracePeriod) {
}
