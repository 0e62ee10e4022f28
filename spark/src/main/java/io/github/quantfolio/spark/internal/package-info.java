/**
 * Internals of the Spark executor: cost-balanced partitioning, the wire format of batches and
 * results, and the task function. May change without notice.
 */
package io.github.quantfolio.spark.internal;
