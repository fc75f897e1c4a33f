/**
 * Issuance, revocation and scope policies: final classes configured by records that decide and do no I/O.
 */
@NullMarked
package dev.tokenservice.core.policy;

import org.jspecify.annotations.NullMarked;
