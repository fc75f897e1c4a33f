/**
 * Contract suites: abstract JUnit 5 classes that specify each storage port. Extend one with a factory for your implementation to prove it behaves like the others.
 */
package dev.tokenservice.testkit.contract;
