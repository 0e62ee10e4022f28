package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.backtest.TradeStatistics.OpenTrades;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The histogram medians of {@link TradeStatsKernel} against the medians of a sorted copy
 * ({@link Arrays#sort(double[])}: -0.0 below 0.0), compared bit for bit.
 */
class TradeStatsKernelTest {

  /** Kinds of data: ties, signed zeros, infinities, one bucket, bucket edges, any magnitude. */
  private static double draw(SplittableRandom rnd, int kind, int distinct) {
    switch (kind) {
      case 0: // a small alphabet of integers: many ties, zero in the middle
        return rnd.nextInt(distinct) - distinct / 2;
      case 1: // signed zeros and infinities among ordinary values
        switch (rnd.nextInt(6)) {
          case 0:
            return -0.0;
          case 1:
            return 0.0;
          case 2:
            return Double.POSITIVE_INFINITY;
          case 3:
            return Double.NEGATIVE_INFINITY;
          default:
            return rnd.nextInt(7) - 3;
        }
      case 2: // all in one bucket (1 .. 1 + 2^-5, one binade): the selection does the work
        return 1 + Math.ulp(1.0) * rnd.nextInt(distinct) * 1e9;
      case 3: // straddling bucket edges: powers of two and their neighbours, both signs
        double p = Math.scalb(1.0, rnd.nextInt(8) - 4) * (rnd.nextBoolean() ? 1 : -1);
        return rnd.nextBoolean() ? p : Math.nextAfter(p, rnd.nextBoolean() ? 0 : 2 * p);
      case 4: // normal P&L, as in the benchmark, rounded to cents
        return Math.rint(100 * (5 + 100 * gaussian(rnd))) / 100;
      default: // any finite or infinite bit pattern (NaN excluded), subnormals included
        double v;
        do {
          v = Double.longBitsToDouble(rnd.nextLong());
        } while (Double.isNaN(v));
        return v;
    }
  }

  private static double gaussian(SplittableRandom rnd) {
    return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI
        * rnd.nextDouble());
  }

  private static double[] data(int n, int kind, int distinct, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      // mostly one kind, some values of any other
      a[i] = draw(rnd, rnd.nextInt(10) == 0 ? rnd.nextInt(6) : kind, distinct);
    }
    return a;
  }

  static double sortedMedian(double[] a, int from, int to) {
    double[] s = Arrays.copyOfRange(a, from, to);
    Arrays.sort(s);
    int n = s.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? s[n / 2] : 0.5 * s[n / 2 - 1] + 0.5 * s[n / 2];
  }

  private static void assertSame(double expected, double actual, String what) {
    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
        what + ": expected " + expected + " but was " + actual);
  }

  @Property(tries = 400)
  void histogramMedianIsTheSortedMedianBitForBit(@ForAll @IntRange(min = 1, max = 5000) int n,
      @ForAll @IntRange(min = 0, max = 5) int kind,
      @ForAll @IntRange(min = 1, max = 200) int distinct, @ForAll long seed) {
    double[] a = data(n, kind, distinct, seed);
    double[] copy = a.clone();
    double expected = sortedMedian(a, 0, n);
    assertSame(expected, TradeStatsKernel.median(a, 0, n, 0), "histogram");
    assertSame(expected, TradeStatsKernel.median(a, 0, n), "default");
    assertTrue(Arrays.equals(copy, a), "the input is not modified");
  }

  @Property(tries = 300)
  void allLongAndShortMediansShareTheHistograms(@ForAll @IntRange(min = 1, max = 5000) int n,
      @ForAll @IntRange(min = 0, max = 5000) int splitAt,
      @ForAll @IntRange(min = 0, max = 5) int kind,
      @ForAll @IntRange(min = 1, max = 200) int distinct, @ForAll long seed) {
    double[] a = data(n, kind, distinct, seed);
    int mid = Math.min(splitAt, n);
    int[] first = histogram(a, 0, mid);
    int[] second = histogram(a, mid, n);
    double[] m = TradeStatsKernel.medians(a, 0, mid, n, mid == 0 ? null : first,
        mid == n ? null : second);
    assertSame(sortedMedian(a, 0, n), m[0], "all");
    assertSame(sortedMedian(a, 0, mid), m[1], "first " + mid);
    assertSame(sortedMedian(a, mid, n), m[2], "second " + (n - mid));
  }

  private static int[] histogram(double[] a, int from, int to) {
    int[] h = new int[1 << TradeStatsKernel.BUCKET_BITS];
    for (int i = from; i < to; i++) {
      h[TradeStatsKernel.bucket(a[i])]++;
    }
    return h;
  }

  @Test
  void keysSortAsArraysSortDoes() {
    double[] v = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.5, -1, -Double.MIN_NORMAL,
        -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1, 1.5,
        Double.MAX_VALUE, Double.POSITIVE_INFINITY};
    for (int i = 1; i < v.length; i++) {
      assertTrue(TradeStatsKernel.key(v[i - 1]) < TradeStatsKernel.key(v[i]), v[i] + " above "
          + v[i - 1]);
      assertTrue(TradeStatsKernel.bucket(v[i - 1]) <= TradeStatsKernel.bucket(v[i]));
    }
    assertTrue(TradeStatsKernel.bucket(-0.0) < TradeStatsKernel.bucket(0.0),
        "the signed zeros never share a bucket");
    // every value, the infinities included, has a bucket of the histogram (the statistics
    // only see finite values; an infinity shares the outermost bucket with the NaN patterns)
    assertEquals(0, TradeStatsKernel.bucket(Double.NEGATIVE_INFINITY));
    assertEquals((1 << TradeStatsKernel.BUCKET_BITS) - 1,
        TradeStatsKernel.bucket(Double.POSITIVE_INFINITY));
    // a bucket is one binade of one sign: [1, 2) shares one, 2 starts the next
    assertEquals(TradeStatsKernel.bucket(1.0), TradeStatsKernel.bucket(Math.nextDown(2.0)));
    assertEquals(TradeStatsKernel.bucket(1.0) + 1, TradeStatsKernel.bucket(2.0));
  }

  /** Lists above the sorting threshold go through the histograms the caller's pass fills. */
  @Property(tries = 12)
  void largeTradeListsHaveTheSortedMedians(
      @ForAll @IntRange(min = TradeStatsKernel.SORT_UP_TO + 1, max = 12_000) int n,
      @ForAll @IntRange(min = 0, max = 4) int kind, @ForAll long seed, @ForAll boolean include) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double longShare = rnd.nextDouble();
    List<Trade> trades = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double p = draw(rnd, kind == 1 ? 0 : kind, 50); // finite values only
      double r = draw(rnd, kind == 1 ? 0 : kind, 50) / 1000;
      trades.add(TradeStatisticsTest.trade("A", rnd.nextDouble() < longShare ? 1 : -1, 0, 1,
          p, r, rnd.nextInt(50) == 0 ? ExitReason.END_OF_DATA : ExitReason.SIGNAL));
    }
    TradeStatistics ts = TradeStatistics.of(trades, include ? OpenTrades.INCLUDE
        : OpenTrades.EXCLUDE);
    for (int g = 0; g < 3; g++) {
      TradeSummary s = g == 0 ? ts.all() : g == 1 ? ts.longs() : ts.shorts();
      List<Double> p = new ArrayList<>();
      List<Double> r = new ArrayList<>();
      for (Trade t : trades) {
        if ((include || !t.isOpen()) && (g == 0 || (g == 1) == (t.side() > 0))) {
          p.add(t.pnl());
          r.add(t.returnFraction());
        }
      }
      double[] pa = p.stream().mapToDouble(Double::doubleValue).toArray();
      double[] ra = r.stream().mapToDouble(Double::doubleValue).toArray();
      assertEquals(pa.length, s.trades());
      assertSame(sortedMedian(pa, 0, pa.length), s.medianPnl(), "P&L of group " + g);
      assertSame(sortedMedian(ra, 0, ra.length), s.medianReturn(), "return of group " + g);
    }
  }

  /**
   * Several chunks: streaks that cross chunk boundaries or fill a whole chunk, and the same
   * numbers from the parallel pass (random-access list) and the sequential one (linked list).
   */
  @Test
  void chunksJoinStreaksAndDoNotChangeAnyNumber() {
    int c = TradeStatsKernel.CHUNK;
    int n = 3 * c + 777;
    SplittableRandom rnd = new SplittableRandom(7);
    List<Trade> trades = new ArrayList<>(n);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      // wins from c - 100 through all of chunk 1 to 2c + 50 (a run of 100 + c + 51); losses
      // across the next boundary, 3c - 10 .. 3c + 20; elsewhere random signs
      p[i] = i >= c - 100 && i <= 2 * c + 50 ? 1 + rnd.nextInt(5)
          : i >= 3 * c - 10 && i <= 3 * c + 20 ? -1 - rnd.nextInt(5)
          : i == c - 101 || i == 2 * c + 51 || i == 3 * c - 11 || i == 3 * c + 21 ? 0 // ends
          : rnd.nextInt(3) - 1;
      trades.add(TradeStatisticsTest.trade("A", rnd.nextInt(3) == 0 ? -1 : 1, 0, 1, p[i],
          p[i] / 100, ExitReason.SIGNAL));
    }
    TradeStatistics par = TradeStatistics.of(trades, OpenTrades.EXCLUDE);
    TradeStatistics seq = TradeStatistics.of(new LinkedList<>(trades), OpenTrades.EXCLUDE);
    assertEquals(c + 151, par.all().longestWinningStreak());
    assertEquals(31, par.all().longestLosingStreak());
    assertEquals(par.all(), seq.all()); // record equality: every double bit for bit
    assertEquals(par.longs(), seq.longs());
    assertEquals(par.shorts(), seq.shorts());
    assertSame(sortedMedian(p, 0, n), par.all().medianPnl(), "median");
    double total = 0;
    for (double v : p) {
      total += v;
    }
    assertEquals(total, par.all().totalPnl(), 0); // small integers: exact in any order
  }

  /**
   * Returns far from zero against their spread (longs 6 %, shorts 2 %, each +- 5e-7), where raw
   * sums of squares would lose most digits (relative error about 5e-6), alone and with a first
   * return per chunk that is an outlier (the worst shift for the deviations): SQN as an exact
   * two-pass computation in {@code BigDecimal} gives it, to 1e-9.
   */
  @Test
  void theVarianceOfReturnsFarFromZeroDoesNotCancel() {
    for (boolean outliers : new boolean[] {false, true}) {
      int n = 3 * TradeStatsKernel.CHUNK + 999;
      SplittableRandom rnd = new SplittableRandom(11);
      List<Trade> trades = new ArrayList<>(n);
      double[] r = new double[n];
      int[] sides = new int[n];
      for (int i = 0; i < n; i++) {
        sides[i] = i % 3 == 0 ? -1 : 1;
        boolean outlier = outliers && i % TradeStatsKernel.CHUNK < 2; // a chunk's first ones
        r[i] = outlier ? 0.5 : (sides[i] > 0 ? 0.06 : 0.02) + 1e-6 * (rnd.nextDouble() - 0.5);
        trades.add(TradeStatisticsTest.trade("A", sides[i], 0, 1, 1000 * r[i], r[i],
            ExitReason.SIGNAL));
      }
      TradeStatistics ts = TradeStatistics.of(trades, OpenTrades.EXCLUDE);
      assertEquals(exactSqn(r, sides, 0), ts.all().sqn(), 1e-9 * ts.all().sqn());
      assertEquals(exactSqn(r, sides, 1), ts.longs().sqn(), 1e-9 * ts.longs().sqn());
      assertEquals(exactSqn(r, sides, -1), ts.shorts().sqn(), 1e-9 * ts.shorts().sqn());
      assertTrue(outliers || ts.longs().sqn() > 1e7, "the spread is as small as described");
    }
  }

  /** sqrt(n) mean / sd (n - 1) of the returns of one side (0: all), in exact decimals. */
  private static double exactSqn(double[] r, int[] sides, int side) {
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    int n = 0;
    for (int i = 0; i < r.length; i++) {
      if (side == 0 || sides[i] == side) {
        sum = sum.add(new java.math.BigDecimal(r[i]));
        n++;
      }
    }
    java.math.MathContext mc = new java.math.MathContext(40);
    java.math.BigDecimal mean = sum.divide(java.math.BigDecimal.valueOf(n), mc);
    java.math.BigDecimal ss = java.math.BigDecimal.ZERO;
    for (int i = 0; i < r.length; i++) {
      if (side == 0 || sides[i] == side) {
        java.math.BigDecimal d = new java.math.BigDecimal(r[i]).subtract(mean);
        ss = ss.add(d.multiply(d));
      }
    }
    double sd = Math.sqrt(ss.divide(java.math.BigDecimal.valueOf(n - 1), mc).doubleValue());
    return Math.sqrt(n) * mean.doubleValue() / sd;
  }

  /** The first invalid trade in list order is named, whichever chunk finds one first. */
  @Test
  void theFirstInvalidTradeIsReportedAcrossChunks() {
    int c = TradeStatsKernel.CHUNK;
    List<Trade> trades = new ArrayList<>();
    for (int i = 0; i < 3 * c; i++) {
      trades.add(TradeStatisticsTest.trade("A", 1, 0, 1, 1, 0.01, ExitReason.SIGNAL));
    }
    trades.set(2 * c + 5, TradeStatisticsTest.trade("Z", 1, 0, 1, Double.NaN, 0,
        ExitReason.SIGNAL));
    trades.set(c + 3, TradeStatisticsTest.trade("Y", 0, 0, 1, 1, 0, ExitReason.SIGNAL));
    String m = assertThrows(IllegalArgumentException.class,
        () -> TradeStatistics.of(trades, OpenTrades.EXCLUDE)).getMessage();
    assertTrue(m.contains("trades[" + (c + 3) + "] ('Y'") && m.contains("found 0"), m);
    trades.set(c + 1, null);
    String npe = assertThrows(NullPointerException.class,
        () -> TradeStatistics.of(new LinkedList<>(trades), OpenTrades.EXCLUDE)).getMessage();
    assertEquals("trades[" + (c + 1) + "] is null", npe);
  }
}
