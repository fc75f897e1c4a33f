/**
 * Value records of the core: identifiers, secrets that never print themselves, stored tokens, requests and responses, administration queries.
 */
package dev.tokenservice.core.model;
