/**
 * Value records of the core: identifiers, secrets that never print themselves, stored tokens, requests and responses, administration queries.
 */
@NullMarked
package dev.tokenservice.core.model;

import org.jspecify.annotations.NullMarked;
