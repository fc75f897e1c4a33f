package dev.tokenservice.http.audit;

/** How an audit line is written. */
public enum AuditFormat {
    /** {@code event=token_issued client_id=web.app ...}: for people reading a console. */
    TEXT,
    /** One JSON object per line: for log shippers. */
    JSON
}
