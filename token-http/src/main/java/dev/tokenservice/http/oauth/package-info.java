/**
 * The OAuth 2 form endpoints, token (RFC 6749 §3.2), revocation (RFC 7009) and introspection (RFC 7662), with the
 * strict parsers of their form bodies, HTTP Basic and client credentials, each testable without a container.
 */
package dev.tokenservice.http.oauth;
