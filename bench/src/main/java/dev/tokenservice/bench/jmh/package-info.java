/**
 * JMH micro-benchmarks of the token service's hot paths, in process, on the core as the stand-alone server assembles
 * it ({@link dev.tokenservice.bench.jmh.ServerCore}): token issuance per grant, the per-token cryptography, bearer
 * verification and introspection, each over the in-memory stores and over an H2 file database. Run from
 * {@code bench/target/benchmarks.jar}; see {@code docs/BENCHMARKS.md}.
 */
package dev.tokenservice.bench.jmh;
