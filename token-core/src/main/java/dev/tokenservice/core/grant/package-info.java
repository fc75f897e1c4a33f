/**
 * Grant strategies, one per grant type (RFC 6749 §4), and the decision they return. Extension grants implement {@link dev.tokenservice.core.grant.GrantStrategy}.
 */
package dev.tokenservice.core.grant;
