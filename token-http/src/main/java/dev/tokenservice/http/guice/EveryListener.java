package dev.tokenservice.http.guice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * The {@code TokenEventListener} that tells every listener of the {@code Multibinder<TokenEventListener>} (audit log,
 * metrics, an embedder's own): the default listener of {@link TokenCoreModule}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.FIELD})
public @interface EveryListener { }
