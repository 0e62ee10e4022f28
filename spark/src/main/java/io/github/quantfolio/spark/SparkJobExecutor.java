package io.github.quantfolio.spark;

import io.github.quantfolio.backtest.JobBatch;
import io.github.quantfolio.backtest.JobExecutor;
import io.github.quantfolio.spark.internal.CostPartitioner;
import io.github.quantfolio.spark.internal.RunSlice;
import io.github.quantfolio.spark.internal.Wire;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A {@link JobExecutor} on an Apache Spark cluster: hands the jobs of a
 * {@link io.github.quantfolio.backtest.ParameterSweep}, a
 * {@link io.github.quantfolio.backtest.WalkForwardOptimization} or a
 * {@link io.github.quantfolio.backtest.UniverseSweep} to Spark tasks, with the local runner's
 * results bit for bit, for any partition count.
 *
 * <pre>{@code
 * JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("sweep"));
 * SweepResult<Pair> r = ParameterSweep.of(backtest, grid, STRATEGY)
 *     .withExecutor(SparkJobExecutor.of(sc))
 *     .run();
 * }</pre>
 *
 * <p><b>How a batch runs.</b> The batch (bars, settings, grid, strategy builder) is serialized
 * once on the driver with Java serialization and broadcast as bytes; each executor JVM
 * deserializes it once. The jobs are split into partitions of near-equal estimated cost
 * ({@link JobBatch#cost(int)}, longest-processing-time first), one Spark task per partition.
 * A task runs its jobs and returns their results as one byte array, so only compact rows (the
 * metrics, plus equity curves if the sweep keeps them) travel back. Tasks read nothing but the
 * batch and their list of jobs (never the partition id, the attempt number or a clock), and jobs
 * seed any randomness from their job number ({@link JobBatch#seed(long, int)}): a task retried
 * by Spark returns the same bytes. Because Spark only moves bytes, the results do not depend on
 * the cluster's {@code spark.serializer}.
 *
 * <p><b>Requirements.</b> Everything in the batch must be {@link java.io.Serializable}: the
 * parameter sets (e.g. a record that implements {@code Serializable}, or {@code int[]}) and the
 * function that builds a strategy (e.g. a lambda cast to
 * {@code (Function<P, Strategy> & Serializable)}); otherwise {@link #runAll} throws an
 * {@link IllegalArgumentException} naming the class, before any task runs. The executors need
 * the job jar (quantfolio-spark with its quantfolio dependencies and the user's classes) on
 * their class path, as {@code spark-submit} arranges; see {@code docs/distributed.md}.
 *
 * <p>Immutable and thread-safe; it does not own the context (the caller stops it).
 *
 * @since 0.1.0
 */
public final class SparkJobExecutor implements JobExecutor {

  /** Partitions per default-parallelism slot when none are set: some slack for balancing. */
  private static final int PARTITIONS_PER_CORE = 4;

  private final JavaSparkContext sc;
  private final int partitions; // 0 = PARTITIONS_PER_CORE x the context's default parallelism

  private SparkJobExecutor(JavaSparkContext sc, int partitions) {
    this.sc = sc;
    this.partitions = partitions;
  }

  /**
   * An executor on {@code sc} with {@code 4 x sc.defaultParallelism()} partitions per batch (at
   * most one per job).
   *
   * @param sc a running Spark context, not null
   * @return the executor
   */
  public static SparkJobExecutor of(JavaSparkContext sc) {
    return new SparkJobExecutor(Objects.requireNonNull(sc, "sc"), 0);
  }

  /**
   * A copy splitting each batch into {@code n} partitions (at most one per job); results do not
   * depend on it.
   *
   * @param n the number of partitions (Spark tasks) per batch, &gt;= 1
   * @return a copy with {@code n} partitions
   */
  public SparkJobExecutor withPartitions(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Expected partitions >= 1, but found " + n);
    }
    return new SparkJobExecutor(sc, n);
  }

  /**
   * The number of partitions a batch of {@code jobs} jobs is split into.
   *
   * @param jobs the number of jobs, &gt;= 0
   * @return the partitions: the configured number (or 4 x the default parallelism), at most
   *     {@code jobs}; 0 for no jobs
   */
  public int partitionsFor(int jobs) {
    if (jobs < 0) {
      throw new IllegalArgumentException("Expected jobs >= 0, but found " + jobs);
    }
    int p = partitions > 0 ? partitions : PARTITIONS_PER_CORE * sc.defaultParallelism();
    return Math.min(p, jobs);
  }

  /**
   * Runs every job of {@code batch} as Spark tasks (see the class comment).
   *
   * @param <R> the type of one job's result (must be serializable)
   * @param batch the jobs, not null
   * @return the results in job order; an empty list, without a Spark job, for an empty batch
   * @throws IllegalArgumentException if the batch or a result is not serializable (the class is
   *     named), or a job failed with an IllegalArgumentException (same message) after Spark's
   *     retries
   * @throws IllegalStateException if a job failed otherwise (its message included)
   */
  @Override
  public <R> List<R> runAll(JobBatch<R> batch) {
    Objects.requireNonNull(batch, "batch");
    int n = batch.size();
    if (n == 0) {
      return List.of();
    }
    double[] costs = new double[n];
    for (int k = 0; k < n; k++) {
      costs[k] = batch.cost(k);
    }
    int[][] slices = CostPartitioner.split(costs, partitionsFor(n));
    byte[] bytes = Wire.toBytes(batch, "The batch (" + batch.describe(0) + ", ...)");
    Broadcast<byte[]> shared = sc.broadcast(bytes);
    try {
      List<byte[]> parts = sc.parallelize(Arrays.asList(slices), slices.length)
          .map(new RunSlice(shared)).collect();
      Object[] out = new Object[n];
      for (byte[] part : parts) {
        Object o = Wire.fromBytes(part);
        RunSlice.Slice s = o instanceof RunSlice.Packed p ? p.unpack() : (RunSlice.Slice) o;
        for (int i = 0; i < s.jobs().length; i++) {
          out[s.jobs()[i]] = s.results()[i];
        }
      }
      @SuppressWarnings("unchecked")
      List<R> results = (List<R>) Arrays.asList(out);
      return results;
    } catch (Exception e) { // Scala code throws the checked SparkException undeclared
      if (e instanceof SparkException s) {
        throw failure(s);
      }
      if (e.getCause() instanceof SparkException s) {
        throw failure(s);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("Spark failed: " + e.getMessage(), e);
    } finally {
      shared.destroy();
    }
  }

  /** The job's own failure if Spark kept it, else Spark's, with the task's message. */
  private static RuntimeException failure(SparkException e) {
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof IllegalArgumentException) {
        return new IllegalArgumentException(c.getMessage(), e);
      }
    }
    String m = e.getMessage();
    int at = m == null ? -1 : m.indexOf("IllegalArgumentException: ");
    if (at >= 0) { // the task's exception travels as text when it cannot be deserialized
      String msg = m.substring(at + "IllegalArgumentException: ".length());
      int eol = msg.indexOf('\n');
      return new IllegalArgumentException(eol < 0 ? msg : msg.substring(0, eol), e);
    }
    return new IllegalStateException("A Spark task failed: " + m, e);
  }

  /** {@code Spark executor on <master> (<n> partitions per batch)}. */
  @Override
  public String toString() {
    return "Spark executor on " + sc.master() + " (" + (partitions > 0 ? partitions + " partitions"
        : PARTITIONS_PER_CORE + " x default parallelism partitions") + " per batch)";
  }
}
