/**
 * The audit log: one structured line per security event of the core, through SLF4J on the logger
 * {@value dev.tokenservice.http.audit.AuditLog#LOGGER_NAME}, as {@code key=value} text or as JSON lines.
 */
package dev.tokenservice.http.audit;
