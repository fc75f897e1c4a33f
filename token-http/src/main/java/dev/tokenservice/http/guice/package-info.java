/**
 * Guice wiring, one module per feature ({@link dev.tokenservice.http.guice.TokenCoreModule},
 * {@link dev.tokenservice.http.guice.PersistenceModule}, {@link dev.tokenservice.http.guice.HttpModule},
 * {@link dev.tokenservice.http.guice.MetadataModule}, {@link dev.tokenservice.http.guice.ServerModule},
 * {@link dev.tokenservice.http.guice.ThirdPartyGrantsModule}), each holding bindings only, and the qualifiers they bind.
 */
package dev.tokenservice.http.guice;
