package io.github.quantfolio.risk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The risk kernels against naive implementations written here (full sorts, plain loops, direct
 * two-pass regressions) and hand values, on the inputs that reach their special paths: samples
 * whose histogram buckets hold many values or whose range is too narrow to bucket, wealth that
 * leaves [2^-512, 2^512], more than one 1024-point block, column counts around the 64-wide panels.
 */
class KernelsTest {

  // ------------------------------------------------------------------ TailQuantiles

  /** numpy's type-7 quantile of sorted values. */
  static double quantile(double[] v, double q) {
    double pos = q * (v.length - 1);
    int k = (int) Math.floor(pos);
    return v[k] + (pos - k) * (v[Math.min(k + 1, v.length - 1)] - v[k]);
  }

  static void assertTails(double[] a, double q, String what) {
    double[] v = Arrays.stream(a).filter(x -> x == x).sorted().toArray();
    int n = v.length;
    TailQuantiles.Result r = TailQuantiles.of(a, n, q);
    int k = (int) Math.floor(q * (n - 1));
    double sum = 0;
    for (int i = 0; i <= k; i++) {
      sum += v[i];
    }
    double scale = Math.max(Math.abs(v[0]), Math.abs(v[n - 1]));
    assertEquals(quantile(v, q), r.lower(), 1e-14 * scale, what + " lower");
    assertEquals(quantile(v, 1 - q), r.upper(), 1e-14 * scale, what + " upper");
    assertEquals(sum / (k + 1), r.lowerTailMean(), 1e-13 * scale, what + " tail mean");
  }

  @Test
  void tailQuantilesAgreeWithAFullSort() {
    Random rnd = new Random(3);
    for (int n : new int[] {2, 3, 10, 101, 5000, 20_000}) {
      for (double q : new double[] {0.01, 0.05, 0.1, 0.25, 0.4}) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
          // heavy tails and clusters: many values share a bucket near the middle
          a[i] = rnd.nextInt(7) == 0 ? Double.NaN
              : rnd.nextInt(3) == 0 ? 0.001 * rnd.nextInt(4) : 0.01 * rnd.nextGaussian()
                  / Math.max(0.05, rnd.nextDouble());
        }
        if (Arrays.stream(a).filter(x -> x == x).count() > 0) {
          assertTails(a, q, "n " + n + " q " + q);
        }
      }
    }
  }

  @Test
  void tailQuantilesOfRangesTooNarrowToBucketUseTheSortedPath() {
    // max - min = 5e-307: 4096 / 5e-307 overflows, so the values are sorted instead.
    double[] tiny = {3e-307, 1e-307, 0, 5e-307, 2e-307, Double.NaN, 4e-307};
    // sorted 0, 1, 2, 3, 4, 5 (x 1e-307); q = 0.3: position 1.5 -> 1.5e-307; upper position 3.5
    // -> 3.5e-307; tail mean of the 2 smallest: 0.5e-307
    TailQuantiles.Result r = TailQuantiles.of(tiny, 6, 0.3);
    assertEquals(1.5e-307, r.lower(), 1e-322);
    assertEquals(3.5e-307, r.upper(), 1e-322);
    assertEquals(0.5e-307, r.lowerTailMean(), 1e-322);
    assertTails(tiny, 0.1, "tiny");
    // a constant sample: every statistic is the constant
    TailQuantiles.Result c = TailQuantiles.of(new double[] {0.02, Double.NaN, 0.02, 0.02}, 3, 0.05);
    assertEquals(0.02, c.lower());
    assertEquals(0.02, c.upper());
    assertEquals(0.02, c.lowerTailMean());
  }

  @Test
  void interpolationStartsFromTheNearerEnd() {
    // numpy's _lerp: a + (b - a) t below t = 0.5, b - (b - a)(1 - t) from 0.5 on; both are the
    // straight line, exact at the ends
    assertEquals(1.0, TailQuantiles.lerp(1, 3, 0), 0);
    assertEquals(3.0, TailQuantiles.lerp(1, 3, 1), 0);
    assertEquals(1.5, TailQuantiles.lerp(1, 3, 0.25), 0);
    assertEquals(2.0, TailQuantiles.lerp(1, 3, 0.5), 0);
    assertEquals(2.5, TailQuantiles.lerp(1, 3, 0.75), 0);
  }

  // ------------------------------------------------------------------ WealthPath

  @Test
  void wealthBeyondTheDoubleRangeKeepsItsLogAndDrawdowns() {
    // 2,000 doublings: wealth 2^2000 (beyond Double.MAX_VALUE), log = 2000 ln 2; then -50%:
    // drawdown -0.5 against the (rescaled) peak.
    double[] r = new double[2001];
    Arrays.fill(r, 0, 2000, 1.0);
    r[2000] = -0.5;
    double[] under = new double[r.length];
    WealthPath p = WealthPath.walk(r, under);
    assertEquals(1999 * Math.log(2), p.logWealth, 1e-12 * 2000);
    assertEquals(-0.5, p.maxDrawdown, 0);
    assertEquals(0.25, p.sumSquaredDrawdown, 0);
    assertEquals(-0.5, under[2000], 0);
    assertEquals(0, under[1999], 0);
    assertEquals(2001, p.periods);
  }

  @Test
  void wealthBelowTheDoubleRangeKeepsItsLogAndDrawdowns() {
    // 1,100 halvings then 1,000 doublings: wealth 2^-100 at the end; the drawdown from the
    // starting peak 1 is 2^-k - 1 after k halvings (deepest 2^-1100 - 1, i.e. -1 in doubles),
    // and 2^-100 - 1 at the end: the peak was rescaled with the wealth.
    double[] r = new double[2100];
    Arrays.fill(r, 0, 1100, -0.5);
    Arrays.fill(r, 1100, 2100, 1.0);
    double[] under = new double[r.length];
    WealthPath p = WealthPath.walk(r, under);
    assertEquals(-100 * Math.log(2), p.logWealth, 1e-12 * 1100);
    assertEquals(-1.0, p.maxDrawdown, 0);
    assertEquals(Math.scalb(1.0, -100) - 1, under[2099], 0);
    assertEquals(-0.5, under[0], 0);
    assertEquals(Math.scalb(1.0, -600) - 1, under[599], 0);
    // NaN periods leave wealth unchanged; a total loss stays at zero
    WealthPath z = WealthPath.walk(new double[] {0.1, Double.NaN, -1, 0.5}, null);
    assertEquals(Double.NEGATIVE_INFINITY, z.logWealth);
    assertEquals(-1, z.maxDrawdown, 0);
    assertEquals(0 + 0 + 1 + 1, z.sumSquaredDrawdown, 0);
  }

  /** R^2 of log-wealth on the index of the valid periods, by two passes. */
  static double naiveStability(double[] r) {
    int n = 0;
    double[] y = new double[r.length];
    double acc = 0;
    for (double v : r) {
      if (v == v) {
        acc += Math.log1p(v);
        y[n++] = acc;
      }
    }
    double mx = (n - 1) / 2.0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      my += y[i] / n;
    }
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (i - mx) * (i - mx);
      syy += (y[i] - my) * (y[i] - my);
      sxy += (i - mx) * (y[i] - my);
    }
    return sxy * sxy / (sxx * syy);
  }

  @Test
  void stabilityOverSeveralBlocksIsTheTwoPassRSquared() {
    Random rnd = new Random(9);
    for (int n : new int[] {3, 1023, 1024, 1025, 3000}) {
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        r[i] = rnd.nextInt(10) == 0 ? Double.NaN : 0.0004 + 0.01 * rnd.nextGaussian();
      }
      r[0] = 0.01; // at least two valid returns
      r[n - 1] = -0.01;
      assertEquals(naiveStability(r), WealthPath.stability(r), 1e-10, "n " + n);
    }
    // a straight log-wealth line: R^2 = 1
    double[] line = new double[2500];
    Arrays.fill(line, 0.001);
    assertEquals(1.0, WealthPath.stability(line), 1e-10);
    assertTrue(Double.isNaN(WealthPath.stability(new double[] {0.01, Double.NaN})), "one return");
  }

  // ------------------------------------------------------------------ Eigen

  @Test
  void eigenvaluesAscendWithTheirVectors() {
    // diag(3, 1, 2) with a coupling between assets 0 and 2: eigenvalues of [[3, 1], [1, 2]] are
    // (5 -+ sqrt 5) / 2; asset 1 keeps 1 with vector e1.
    double[][] a = {{3, 0, 1}, {0, 1, 0}, {1, 0, 2}};
    Eigen.Result e = Eigen.symmetric(a);
    assertArrayEquals(new double[] {1, (5 - Math.sqrt(5)) / 2, (5 + Math.sqrt(5)) / 2},
        e.values(), 1e-14);
    assertArrayEquals(e.values(), Eigen.values(a), 1e-14);
    for (int k = 0; k < 3; k++) {
      double[] v = e.vectors()[k];
      for (int i = 0; i < 3; i++) {
        double av = 0;
        for (int j = 0; j < 3; j++) {
          av += a[i][j] * v[j];
        }
        assertEquals(e.values()[k] * v[i], av, 1e-14, "A v = lambda v, pair " + k);
      }
    }
    assertEquals(1.0, Math.abs(e.vectors()[0][1]), 1e-14);
  }

  @Test
  void choleskyTellsPositiveDefiniteFromTheRest() {
    assertTrue(Eigen.choleskySucceeds(new double[][] {{4, 2}, {2, 3}}));
    assertFalse(Eigen.choleskySucceeds(new double[][] {{1, 1}, {1, 1}}), "singular");
    assertFalse(Eigen.choleskySucceeds(new double[][] {{1, 2}, {2, 1}}), "indefinite");
    assertFalse(Eigen.choleskySucceeds(new double[][] {{0, 0}, {0, 1}}), "zero pivot");
    assertFalse(Eigen.choleskySucceeds(new double[][] {{-1, 0}, {0, 1}}), "negative pivot");
  }

  // ------------------------------------------------------------------ Normal

  @Test
  void normalCdfAtTabulatedPoints() {
    // Phi(0) = 1/2; Phi(1.959963984540054) = 0.975 and Phi(-1) = 0.15865525393145707 (tables of
    // the standard normal, e.g. Abramowitz and Stegun 26.2)
    assertEquals(0.5, Normal.cdf(0), 1e-15);
    assertEquals(0.975, Normal.cdf(1.959963984540054), 1e-12);
    assertEquals(0.15865525393145707, Normal.cdf(-1), 1e-12);
    assertEquals(0.05, Normal.cdf(Normal.quantile(0.05)), 1e-12, "inverse of the quantile");
  }

  // ------------------------------------------------------------------ CrossProduct

  @Test
  void crossProductsAroundThePanelWidth() {
    Random rnd = new Random(13);
    for (int n : new int[] {1, 63, 64, 65, 127, 128, 129}) {
      for (int rows : new int[] {1, 3, 4, 7}) {
        double[][] a = new double[n][rows];
        double[][] b = new double[2][rows];
        for (double[] c : a) {
          for (int t = 0; t < rows; t++) {
            c[t] = rnd.nextGaussian();
          }
        }
        for (double[] c : b) {
          for (int t = 0; t < rows; t++) {
            c[t] = rnd.nextGaussian();
          }
        }
        double[][] g = CrossProduct.gram(a);
        double[][] x = CrossProduct.cross(a, b);
        double[][] y = CrossProduct.cross(b, a);
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            assertEquals(dot(a[i], a[j]), g[i][j], 1e-12, "gram " + n + "x" + rows);
          }
          for (int j = 0; j < 2; j++) {
            assertEquals(dot(a[i], b[j]), x[i][j], 1e-12, "cross " + n + "x" + rows);
            assertEquals(dot(b[j], a[i]), y[j][i], 1e-12, "cross transposed");
          }
        }
      }
    }
    assertEquals(0, CrossProduct.gram(new double[0][]).length);
    assertThrows(IllegalArgumentException.class,
        () -> CrossProduct.cross(new double[][] {{1, 2}}, new double[][] {{1, 2, 3}}));
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int t = 0; t < a.length; t++) {
      s += a[t] * b[t];
    }
    return s;
  }
}
