/**
 * Runnable example programs. Each has a {@code main} that runs on the built-in simulated market
 * or on small files bundled with the examples, and {@code ExamplesTest} runs every one of them so
 * that they cannot rot. The README's code is copied verbatim from {@link
 * io.github.quantfolio.examples.Quickstart} (a test checks it).
 */
package io.github.quantfolio.examples;
