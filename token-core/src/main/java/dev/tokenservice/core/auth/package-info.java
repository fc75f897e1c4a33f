/**
 * Authentication of clients (RFC 6749 §2.3) and of resource owners against stored accounts, with equal cost for unknown names and wrong secrets; and the linking of accounts at identity providers to local users for the third-party grants.
 */
@NullMarked
package dev.tokenservice.core.auth;

import org.jspecify.annotations.NullMarked;
