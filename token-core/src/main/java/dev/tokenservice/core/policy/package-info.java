/**
 * Issuance, revocation and scope policies: final classes configured by records that decide and do no I/O.
 */
package dev.tokenservice.core.policy;
