/**
 * Authentication of clients (RFC 6749 §2.3) and of resource owners against stored accounts, with equal cost for unknown names and wrong secrets.
 */
package dev.tokenservice.core.auth;
