/**
 * Quantfolio on Apache Spark: {@link io.github.quantfolio.spark.SparkJobExecutor} runs the jobs
 * of parameter sweeps, walk-forward optimisations and universe sweeps as pure Spark tasks, with
 * the local runner's results bit for bit. Spark is a {@code provided} dependency. See
 * {@code docs/distributed.md} for building the job jar and submitting it to a cluster.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.spark;
