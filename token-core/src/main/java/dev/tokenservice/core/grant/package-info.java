/**
 * Grant strategies, one per grant type (RFC 6749 §4), and the decision they return. Extension grants implement {@link dev.tokenservice.core.grant.GrantStrategy}.
 */
@NullMarked
package dev.tokenservice.core.grant;

import org.jspecify.annotations.NullMarked;
