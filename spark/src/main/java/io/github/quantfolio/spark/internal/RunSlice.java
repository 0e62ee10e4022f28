package io.github.quantfolio.spark.internal;

import io.github.quantfolio.backtest.JobBatch;
import java.io.Serializable;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * The task function: runs the jobs of one partition's slice on the broadcast batch and returns
 * their results as one byte array ({@link Slice}). It reads nothing but the batch and the slice
 * (no partition id, attempt number or clock), so a retried task returns the same bytes.
 */
public final class RunSlice implements Function<int[], byte[]> {

  private static final long serialVersionUID = 1L;

  private final Broadcast<byte[]> batch;

  public RunSlice(Broadcast<byte[]> batch) {
    this.batch = batch;
  }

  @Override
  public byte[] call(int[] jobs) {
    JobBatch<?> b = Wire.batch(batch.id(), batch.value());
    Object[] results = new Object[jobs.length];
    for (int i = 0; i < jobs.length; i++) {
      results[i] = b.run(jobs[i]);
    }
    return Wire.toBytes(new Slice(jobs, results), "The results of the jobs");
  }

  /** The results of a slice's jobs, in the slice's order. */
  public record Slice(int[] jobs, Object[] results) implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
