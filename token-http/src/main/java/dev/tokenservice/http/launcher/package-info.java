/**
 * The stand-alone server: {@link dev.tokenservice.http.launcher.Launcher} (main),
 * {@link dev.tokenservice.http.launcher.ServerConfig} (environment variables and system properties), and
 * {@link dev.tokenservice.http.launcher.TokenServer}, which owns the lifecycle: migrate, wire, start Jetty, clean up
 * expired tokens, and shut down gracefully.
 */
package dev.tokenservice.http.launcher;
