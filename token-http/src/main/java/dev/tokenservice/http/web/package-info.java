/**
 * What the endpoint packages share: {@link dev.tokenservice.http.web.ErrorResponses} (the one place that maps errors
 * to status codes and bodies), JSON writing, bounded body reading, strict form decoding, media types, headers, bearer
 * authorization and the paths of the HTTP contract.
 */
package dev.tokenservice.http.web;
