package io.github.quantfolio.backtest;

import io.github.quantfolio.backtest.internal.Parallel;
import io.github.quantfolio.core.internal.Checks;
import java.util.Arrays;
import java.util.List;

/** {@link JobExecutor#local(int)}: the batch's jobs on threads of this JVM, via {@link Parallel}. */
final class LocalJobExecutor implements JobExecutor {

  private final int threads;

  LocalJobExecutor(int threads) {
    Checks.positive(threads, "threads");
    this.threads = threads;
  }

  int threads() {
    return threads;
  }

  @Override
  public <R> List<R> runAll(JobBatch<R> batch) {
    Checks.notNull(batch, "batch");
    int n = batch.size();
    Object[] out = new Object[n];
    Parallel.forEach(n, threads, "quantfolio-jobs", k -> out[k] = batch.run(k));
    @SuppressWarnings("unchecked")
    List<R> results = (List<R>) Arrays.asList(out);
    return results;
  }

  /** {@code local executor, N threads}. */
  @Override
  public String toString() {
    return threads + " threads";
  }
}
