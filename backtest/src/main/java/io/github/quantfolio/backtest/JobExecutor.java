package io.github.quantfolio.backtest;

import java.util.List;

/**
 * Runs every job of a {@link JobBatch} and returns the results in job order: the seam between
 * what a sweep computes and where it runs. {@link #local()} (threads of this JVM) is the default
 * of {@link ParameterSweep}, {@link WalkForwardOptimization} and {@link UniverseSweep}; the
 * {@code quantfolio-spark} module provides an executor on an Apache Spark cluster.
 *
 * <p>Every executor returns equal results for the same batch (jobs are pure), whatever its
 * number of threads, partitions or retries. Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
public interface JobExecutor {

  /**
   * Runs jobs {@code 0 .. batch.size() - 1}, each to completion once in the result (a
   * distributed executor may run a job again after a failure; the job is pure, so that cannot
   * change its result).
   *
   * @param <R> the type of one job's result
   * @param batch the jobs, not null
   * @return the results, element {@code k} being job {@code k}'s; empty for an empty batch
   * @throws RuntimeException the first failure of a job (executors may wrap it, keeping its
   *     message)
   */
  <R> List<R> runAll(JobBatch<R> batch);

  /**
   * The local executor on all available processors.
   *
   * @return an executor running jobs on {@code Runtime.availableProcessors()} threads
   */
  static JobExecutor local() {
    return local(Runtime.getRuntime().availableProcessors());
  }

  /**
   * The local executor on {@code threads} threads (the calling thread included). Jobs are taken
   * in order from a shared counter; each result lands in its own slot, so results do not depend
   * on the thread count. The first failure stops the remaining jobs and is rethrown unchanged.
   *
   * @param threads the number of threads, &gt;= 1
   * @return the executor
   */
  static JobExecutor local(int threads) {
    return new LocalJobExecutor(threads);
  }
}
