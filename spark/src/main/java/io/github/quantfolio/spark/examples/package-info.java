/**
 * A runnable example on Spark: {@link io.github.quantfolio.spark.examples.SparkSweep}. It lives
 * here, not in the examples module, so that the examples (and the README's demo) never download
 * Spark.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.spark.examples;
