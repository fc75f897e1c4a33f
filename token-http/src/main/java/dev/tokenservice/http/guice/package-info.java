/**
 * Guice wiring, one module per feature ({@link dev.tokenservice.http.guice.TokenCoreModule},
 * {@link dev.tokenservice.http.guice.PersistenceModule}, {@link dev.tokenservice.http.guice.HttpModule},
 * {@link dev.tokenservice.http.guice.MetadataModule}) and the
 * qualifiers they bind. Modules hold bindings only: no state, no {@code if}, no I/O.
 */
package dev.tokenservice.http.guice;
