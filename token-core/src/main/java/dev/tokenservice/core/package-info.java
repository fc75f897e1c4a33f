/**
 * The core's application services: {@link dev.tokenservice.core.TokenService} (issue, revoke, introspect, verify), {@link dev.tokenservice.core.TokenAdministration}, and {@link dev.tokenservice.core.TokenServices}, the one way to assemble them. Depends on the JDK only.
 */
@NullMarked
package dev.tokenservice.core;

import org.jspecify.annotations.NullMarked;
