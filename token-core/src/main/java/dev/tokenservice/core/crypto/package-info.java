/**
 * The core's default cryptography, on the JDK alone: token values from SecureRandom, SHA-256 and PBKDF2 secret hashing, AES-256-GCM sealing.
 */
@NullMarked
package dev.tokenservice.core.crypto;

import org.jspecify.annotations.NullMarked;
