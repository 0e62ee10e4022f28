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
    JobBatch<?> b = Wire.batch(batch.value());
    Object[] results = new Object[jobs.length];
    boolean arrays = true;
    for (int i = 0; i < jobs.length; i++) {
      results[i] = b.run(jobs[i]);
      arrays &= results[i] instanceof double[];
    }
    return Wire.toBytes(arrays ? Packed.of(jobs, results) : new Slice(jobs, results),
        "The results of the jobs");
  }

  /** The results of a slice's jobs, in the slice's order. */
  public record Slice(int[] jobs, Object[] results) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Results that are all {@code double[]} (the sweeps' metric rows), packed into one array: Java
   * serialization then writes a few bulk arrays instead of one object per job.
   */
  public record Packed(int[] jobs, int[] lengths, double[] values) implements Serializable {
    private static final long serialVersionUID = 1L;

    static Packed of(int[] jobs, Object[] results) {
      int[] lengths = new int[results.length];
      int total = 0;
      for (int i = 0; i < results.length; i++) {
        lengths[i] = ((double[]) results[i]).length;
        total = Math.addExact(total, lengths[i]);
      }
      double[] values = new double[total];
      int at = 0;
      for (int i = 0; i < results.length; i++) {
        System.arraycopy((double[]) results[i], 0, values, at, lengths[i]);
        at += lengths[i];
      }
      return new Packed(jobs, lengths, values);
    }

    /** The results, one array per job, in the slice's order. */
    public Slice unpack() {
      Object[] results = new Object[jobs.length];
      int at = 0;
      for (int i = 0; i < jobs.length; i++) {
        results[i] = java.util.Arrays.copyOfRange(values, at, at + lengths[i]);
        at += lengths[i];
      }
      return new Slice(jobs, results);
    }
  }
}
