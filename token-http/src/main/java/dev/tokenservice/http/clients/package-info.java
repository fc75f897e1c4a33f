/**
 * The client administration API under {@code /auth/clients} and the account-link administration under
 * {@code /auth/users/{username}/links}: their servlets and the parsers of their paths and bodies.
 */
package dev.tokenservice.http.clients;
