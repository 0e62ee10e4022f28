package io.github.quantfolio.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class RandomSourceTest {

  private static final int N = 200_000;

  @Test
  void seedingAndOutputFollowTheReferenceAlgorithms() {
    // SplitMix64 from seed 0 gives 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, ... (reference
    // outputs); xoshiro256**'s first output is rotl(s1 * 5, 7) * 9.
    assertEquals(Long.rotateLeft(0x6e789e6aa1b965f4L * 5, 7) * 9, new RandomSource(0).nextLong());
  }

  @Test
  void sameSeedSameSequenceDifferentSeedDifferentSequence() {
    RandomSource a = new RandomSource(123);
    RandomSource b = new RandomSource(123);
    RandomSource c = new RandomSource(124);
    boolean differs = false;
    for (int i = 0; i < 100; i++) {
      long x = a.nextLong();
      assertEquals(x, b.nextLong());
      differs |= x != c.nextLong();
    }
    assertTrue(differs);
  }

  @Test
  void splitContinuesTheSequenceAndMovesTheParentAway() {
    RandomSource parent = new RandomSource(5);
    RandomSource reference = new RandomSource(5);
    RandomSource child = parent.split();
    long[] fromParent = new long[8];
    for (int i = 0; i < 8; i++) {
      assertEquals(reference.nextLong(), child.nextLong());
      fromParent[i] = parent.nextLong();
    }
    RandomSource again = new RandomSource(5);
    again.split();
    for (int i = 0; i < 8; i++) {
      assertEquals(fromParent[i], again.nextLong());
    }
    assertNotEquals(fromParent[0], new RandomSource(5).nextLong());
  }

  // Tolerances below are about 4 to 5 standard errors of the estimate over N = 200,000 draws.

  @Test
  void uniformsLieInTheUnitIntervalWithMeanOneHalf() {
    RandomSource r = new RandomSource(1);
    double sum = 0;
    for (int i = 0; i < N; i++) {
      double u = r.nextDouble();
      assertTrue(u >= 0 && u < 1, "u = " + u);
      sum += u;
    }
    assertEquals(0.5, sum / N, 0.003); // SE = sqrt(1/12 / N) = 0.00065
  }

  @Test
  void gaussianHasMeanZeroAndUnitVariance() {
    double[] m = moments(new RandomSource(2)::nextGaussian);
    assertEquals(0, m[0], 0.01); // SE 0.0022
    assertEquals(1, m[1], 0.015); // SE sqrt(2 / N) = 0.0032
  }

  @Test
  void gammaHasMeanAndVarianceEqualToShape() {
    RandomSource r = new RandomSource(3);
    double[] m = moments(() -> r.nextGamma(2.5));
    assertEquals(2.5, m[0], 0.015); // SE sqrt(2.5 / N) = 0.0035
    assertEquals(2.5, m[1], 0.05); // SE sqrt((mu4 - var^2) / N) = sqrt(27.5 / N) = 0.012
    double[] e = moments(() -> r.nextGamma(1)); // exponential
    assertEquals(1, e[0], 0.01);
  }

  @Test
  void studentTIsStandardizedToUnitVariance() {
    RandomSource r = new RandomSource(4);
    double[] m = moments(() -> r.nextStudentT(5));
    assertEquals(0, m[0], 0.01);
    assertEquals(1, m[1], 0.03); // SE sqrt((kurtosis 9 - 1) / N) = 0.0063
  }

  @Test
  void infiniteDegreesOfFreedomGiveTheNormal() {
    RandomSource a = new RandomSource(9);
    RandomSource b = new RandomSource(9);
    for (int i = 0; i < 10; i++) {
      assertEquals(a.nextGaussian(), b.nextStudentT(Double.POSITIVE_INFINITY));
    }
  }

  @Test
  void rejectsParametersOutsideTheSupportedRange() {
    RandomSource r = new RandomSource(0);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> r.nextStudentT(2))
        .getMessage().contains("nu > 2, but found 2.0"));
    assertThrows(IllegalArgumentException.class, () -> r.nextStudentT(Double.NaN));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> r.nextGamma(0.5))
        .getMessage().contains("shape >= 1, but found 0.5"));
  }

  /** Mean and (population) variance of N draws. */
  private static double[] moments(DoubleSupplier draw) {
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < N; i++) {
      double x = draw.getAsDouble();
      sum += x;
      sumSq += x * x;
    }
    double mean = sum / N;
    return new double[] {mean, sumSq / N - mean * mean};
  }
}
