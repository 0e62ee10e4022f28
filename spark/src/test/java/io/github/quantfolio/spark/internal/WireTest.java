package io.github.quantfolio.spark.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.backtest.JobBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire format: batches deserialized once per byte array, results packed per task. */
class WireTest {

  /** A batch whose job k returns {k, k / 2}. */
  record Halves(int size) implements JobBatch<double[]> {
    @Override
    public double[] run(int job) {
      return new double[] {job, job / 2.0};
    }
  }

  @Test
  void aBatchIsDeserializedOncePerByteArrayAndNeverSharedAcrossArrays() {
    byte[] bytes = Wire.toBytes(new Halves(3), "halves");
    JobBatch<?> first = Wire.batch(bytes);
    assertSame(first, Wire.batch(bytes));
    // equal bytes in another array (e.g. a later Spark context's broadcast) get their own batch
    JobBatch<?> other = Wire.batch(bytes.clone());
    assertNotSame(first, other);
    assertEquals(new Halves(3), first);
  }

  @Test
  void packedResultsUnpackToTheJobsArrays() {
    int[] jobs = {4, 7, 9};
    Object[] results = {new double[] {1, 2}, new double[0], new double[] {Double.NaN, -0.0, 3}};
    RunSlice.Slice s = ((RunSlice.Packed) Wire.fromBytes(Wire.toBytes(
        RunSlice.Packed.of(jobs, results), "packed"))).unpack();
    assertArrayEquals(jobs, s.jobs());
    for (int i = 0; i < results.length; i++) {
      // assertArrayEquals on double[] compares bits: -0.0 stays -0.0, NaN stays NaN
      assertArrayEquals((double[]) results[i], (double[]) s.results()[i]);
    }
  }

  @Test
  void somethingThatCannotTravelIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Wire.toBytes((java.io.Serializable) List.of(new Object()), "the grid"));
    assertTrue(e.getMessage().startsWith("the grid cannot be sent to Spark executors: "
        + "java.lang.Object is not java.io.Serializable"), e.getMessage());
  }
}
