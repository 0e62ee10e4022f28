package io.github.quantfolio.backtest;

import java.io.Serializable;

/**
 * A batch of independent, pure jobs numbered {@code 0 .. size() - 1}: what a sweep, a
 * walk-forward optimisation or a {@link UniverseSweep} hands to a {@link JobExecutor}.
 *
 * <p><b>Contract.</b> {@link #run(int)} is a pure function of the job number and the batch's
 * data: it reads no clock, no mutable shared state and no unseeded random source, so running a
 * job twice, on another thread or on another machine gives an equal result. A job that needs
 * randomness derives its seed from the job number (e.g. {@link #seed(long, int)}), never from the
 * thread, the partition or the attempt. That is what makes results independent of the thread
 * count, of the partitioning, and of a distributed executor's retries of a failed task.
 *
 * <p><b>Shipping.</b> The batch is {@link Serializable} so that a distributed executor can send
 * it once to every worker (e.g. as a Spark broadcast); the batches built by this module write
 * their market data in a compact form. Everything a batch holds — parameter sets, the function
 * that builds a strategy from them, user data — must then be serializable too; a local executor
 * never serializes anything. Results of {@link #run(int)} must be serializable for distributed
 * executors.
 *
 * @param <R> the type of one job's result
 * @since 0.1.0
 */
public interface JobBatch<R> extends Serializable {

  /**
   * The number of jobs.
   *
   * @return the number of jobs, &gt;= 0
   */
  int size();

  /**
   * Runs job {@code job}: pure and thread-safe (see the class comment).
   *
   * @param job the job number, in {@code [0, size())}
   * @return the job's result, not null
   * @throws RuntimeException if the job fails; executors stop and rethrow the first failure
   */
  R run(int job);

  /**
   * The estimated cost of job {@code job} in arbitrary units (e.g. bars to simulate), used only
   * to balance work between workers: it never changes a result. The default is 1 for every job.
   *
   * @param job the job number, in {@code [0, size())}
   * @return the estimated cost, finite and &gt; 0
   */
  default double cost(int job) {
    return 1;
  }

  /**
   * Job {@code job} in words, for error messages (e.g. its parameter set and asset).
   *
   * @param job the job number, in {@code [0, size())}
   * @return a short description
   */
  default String describe(int job) {
    return "job " + job;
  }

  /**
   * A seed for job {@code job} of a batch seeded with {@code base}: the SplitMix64 finaliser of
   * {@code base + (job + 1) * 0x9E3779B97F4A7C15} (Steele, Lea &amp; Flood 2014), so that
   * neighbouring jobs get unrelated seeds and the seed depends on nothing but the two numbers.
   *
   * @param base the batch's seed
   * @param job the job number, &gt;= 0
   * @return the job's seed
   */
  static long seed(long base, int job) {
    if (job < 0) {
      throw new IllegalArgumentException("Expected job >= 0, but found " + job);
    }
    long z = base + (job + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
