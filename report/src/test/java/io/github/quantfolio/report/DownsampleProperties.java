package io.github.quantfolio.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DownsampleProperties {

  @Property(tries = 200)
  void keepsTheExtremesOfEveryPixelColumn(@ForAll @IntRange(min = 1, max = 5000) int n,
      @ForAll @IntRange(min = 1, max = 400) int columns, @ForAll long seed) {
    Random r = new Random(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    double level = 100;
    for (int i = 0; i < n; i++) {
      x[i] = i;
      level *= 1 + 0.02 * r.nextGaussian();
      y[i] = level;
    }
    int[] keep = Downsample.minMax(x, y, columns);
    assertTrue(keep.length <= n && (n <= 2 * columns + 2 || keep.length <= 2 * columns + 2),
        keep.length + " kept");
    for (int i = 1; i < keep.length; i++) {
      assertTrue(keep[i] > keep[i - 1], "increasing positions");
    }
    // the global extremes, the first and the last point survive
    int min = 0;
    int max = 0;
    for (int i = 0; i < n; i++) {
      min = y[i] < y[min] ? i : min;
      max = y[i] > y[max] ? i : max;
    }
    assertTrue(contains(keep, min) && contains(keep, max) && keep[0] == 0
        && keep[keep.length - 1] == n - 1);
    // each column's min and max among the kept points equal those of the full series
    if (n > 2 * columns + 2) {
      double[] fullMin = new double[columns];
      double[] fullMax = new double[columns];
      double[] keptMin = new double[columns];
      double[] keptMax = new double[columns];
      java.util.Arrays.fill(fullMin, Double.POSITIVE_INFINITY);
      java.util.Arrays.fill(keptMin, Double.POSITIVE_INFINITY);
      java.util.Arrays.fill(fullMax, Double.NEGATIVE_INFINITY);
      java.util.Arrays.fill(keptMax, Double.NEGATIVE_INFINITY);
      for (int i = 0; i < n; i++) {
        int c = (int) Math.min(columns - 1, (long) (i / (double) (n - 1) * columns));
        fullMin[c] = Math.min(fullMin[c], y[i]);
        fullMax[c] = Math.max(fullMax[c], y[i]);
      }
      for (int i : keep) {
        int c = (int) Math.min(columns - 1, (long) (i / (double) (n - 1) * columns));
        keptMin[c] = Math.min(keptMin[c], y[i]);
        keptMax[c] = Math.max(keptMax[c], y[i]);
      }
      assertArrayEquals(fullMin, keptMin);
      assertArrayEquals(fullMax, keptMax);
    }
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aGapIsKeptAsOneMarker() {
    int n = 1000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = i >= 400 && i < 600 ? Double.NaN : Math.sin(i / 10.0);
    }
    int[] keep = Downsample.minMax(x, y, 20);
    int gaps = 0;
    for (int i : keep) {
      gaps += Double.isNaN(y[i]) ? 1 : 0;
    }
    assertEquals(1, gaps, "one NaN marker breaks the line");
    assertTrue(keep.length < 200);
  }
}
