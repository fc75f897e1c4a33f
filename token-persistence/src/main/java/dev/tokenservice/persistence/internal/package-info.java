/**
 * Row mappers, SQL and the H2/PostgreSQL dialect behind the adapters of {@code dev.tokenservice.persistence}. Not
 * API: used only from that package.
 */
package dev.tokenservice.persistence.internal;
