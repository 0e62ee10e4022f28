package io.github.quantfolio.backtest;

import java.util.Arrays;

/**
 * The arithmetic of {@link TradeStatistics} on primitive arrays ({@link Input}, filled by the
 * caller's one pass over its list, which also counts the streaks of all trades in order): one
 * pass over each side's sums, streaks and bucket histograms (the "all" group adds the two), one
 * for the squared deviations of the returns (all groups at once), then one pass per array to
 * pick out the values of each median's histogram bucket, which a Floyd-Rivest selection
 * finishes. The inputs are already validated (finite, sides +1 / -1).
 *
 * <p>Medians select in the order of {@link Arrays#sort(double[])} (-0.0 below 0.0), so that they
 * equal the median of a sorted copy bit for bit: the histogram buckets are the top
 * {@value #BUCKET_BITS} bits of the IEEE 754 bit pattern made sortable ({@link #key(double)}:
 * sign, exponent and the top mantissa bits), and one bucket never holds values of both signs, so
 * within a bucket the numeric comparisons of the selection give that order.
 */
final class TradeStatsKernel {

  /** Above this partition depth quickselect falls back to sorting (guards against O(n^2)). */
  private static final int MAX_DEPTH = 64;

  /** Bits of the sortable key that choose a histogram bucket: sign, 11 exponent, 4 mantissa. */
  static final int BUCKET_BITS = 16;

  private static final int BUCKETS = 1 << BUCKET_BITS;

  /** Up to this many values, medians sort a copy instead of building histograms. */
  static final int SORT_UP_TO = 1 << 12;

  private TradeStatsKernel() {
  }

  /** The sums of one group. */
  private static final class Acc {
    int n;
    int wins;
    int losses;
    double pnl;
    double profit;
    double loss; // positive
    double maxWin = Double.NaN;
    double minLoss = Double.NaN;
    double sumR;
    double meanR;
    double m2; // sum of squared deviations of the returns from their mean (second pass)
    double bars;
    double days;
    int bestWin;
    int bestLoss;
  }

  /**
   * The counted trades, added by the caller in one pass over its list ({@link #add}): P&amp;L and
   * returns split by side (longs from the front in order, shorts from the back, so in reverse
   * order, which leaves their longest runs unchanged), the holding periods summed by side and the
   * streaks of all trades in order.
   */
  static final class Input {
    private final double[] pnl; // longs [0, front), shorts (back, capacity); compacted by compute
    private final double[] ret;
    private final long[] bars = new long[2]; // by side: [0] short, [1] long
    private final double[] days = new double[2];
    private final boolean hasDays;
    private int front;
    private int back;
    private int curWin;
    private int curLoss;
    private int bestWin;
    private int bestLoss;

    Input(int capacity, boolean hasDays) {
      pnl = new double[capacity];
      ret = new double[capacity];
      this.hasDays = hasDays;
      back = capacity - 1;
    }

    /**
     * Adds the next counted trade (at most the capacity in all). No branch on the side: in a
     * random mix of longs and shorts it would be mispredicted every other trade.
     *
     * @param side +1 long, -1 short
     * @param p the P&amp;L (finite)
     * @param r the return (finite)
     * @param held the holding period in bars
     * @param heldDays the holding period in days (0 without an index)
     */
    void add(int side, double p, double r, int held, double heldDays) {
      int win = p > 0 ? 1 : 0; // a conditional move; "p > 0 ? run + 1 : 0" compiles to a branch
      int lose = p < 0 ? 1 : 0;
      curWin = (curWin + 1) * win;
      curLoss = (curLoss + 1) * lose;
      bestWin = Math.max(bestWin, curWin);
      bestLoss = Math.max(bestLoss, curLoss);
      int isLong = (side + 1) >> 1; // 1 long, 0 short
      int slot = back + isLong * (front - back);
      front += isLong;
      back -= 1 - isLong;
      pnl[slot] = p;
      ret[slot] = r;
      bars[isLong] += held;
      days[isLong] += heldDays;
    }
  }

  /**
   * The all / long / short summaries.
   *
   * @param in the trades (its arrays are compacted)
   * @param years the span of the data in years, or NaN when unknown
   * @param inMarket time in market for all, long, short, or null when unknown
   * @return the summaries of all, long and short trades
   */
  static TradeSummary[] compute(Input in, double years, double[] inMarket) {
    int capacity = in.pnl.length;
    int nl = in.front;
    int ns = capacity - 1 - in.back;
    int n = nl + ns;
    double[] mp = in.pnl;
    double[] mr = in.ret;
    if (n < capacity) { // excluded open trades left a gap between the longs and the shorts
      System.arraycopy(mp, in.back + 1, mp, nl, ns);
      System.arraycopy(mr, in.back + 1, mr, nl, ns);
    }
    // bucket histograms for the medians of P&L and returns, per side ("all" adds them)
    boolean hist = n > SORT_UP_TO;
    int[] pnlLong = hist ? new int[BUCKETS] : null;
    int[] retLong = hist ? new int[BUCKETS] : null;
    int[] pnlShort = hist ? new int[BUCKETS] : null;
    int[] retShort = hist ? new int[BUCKETS] : null;
    Acc lo = range(mp, mr, 0, nl, pnlLong, retLong);
    Acc sh = range(mp, mr, nl, n, pnlShort, retShort);
    lo.bars = in.bars[1];
    sh.bars = in.bars[0];
    lo.days = in.days[1];
    sh.days = in.days[0];
    Acc all = combine(lo, sh);
    all.bestWin = in.bestWin;
    all.bestLoss = in.bestLoss;
    // Two-pass variance (exact mean first), the three groups in one pass over the returns.
    deviations(lo, sh, all, mr, nl, n);
    double[] tim = inMarket == null ? new double[] {Double.NaN, Double.NaN, Double.NaN} : inMarket;
    double[] medP = hist ? medians(mp, 0, nl, n, pnlLong, pnlShort)
        : sortedMedians(mp, 0, nl, n);
    double[] medR = hist ? medians(mr, 0, nl, n, retLong, retShort)
        : sortedMedians(mr, 0, nl, n);
    boolean d = in.hasDays;
    TradeSummary a = summary(all, medP[0], medR[0], d, years, tim[0]);
    TradeSummary l = summary(lo, medP[1], medR[1], d, years, tim[1]);
    TradeSummary s = summary(sh, medP[2], medR[2], d, years, tim[2]);
    return new TradeSummary[] {a, l, s};
  }

  /**
   * The sums and streaks of {@code p[from, to)} in local variables (kept in registers), and the
   * bucket histograms of {@code p} and {@code r} unless they are null. Written without branches
   * on the sign of a trade, which a random mix would mispredict every other trade: a conditional
   * of doubles compiles to a branch, {@code Math.max} does not ({@code max(v, 0.0)} adds +0.0 for
   * v &lt;= 0 as {@code v > 0 ? v : 0} does), and the streaks multiply by 0 or 1.
   */
  private static Acc range(double[] p, double[] r, int from, int to, int[] hp, int[] hr) {
    int wins = 0;
    int losses = 0;
    double sum = 0;
    double profit = 0;
    double loss = 0;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    double sumR = 0;
    int curWin = 0;
    int curLoss = 0;
    int bestWin = 0;
    int bestLoss = 0;
    boolean hist = hp != null;
    for (int i = from; i < to; i++) {
      double v = p[i];
      double w = r[i];
      sum += v;
      profit += Math.max(v, 0.0); // +0.0 for v <= 0, as v > 0 ? v : 0
      loss += Math.max(-v, 0.0);
      int win = v > 0 ? 1 : 0; // conditional moves, no branch
      int lose = v < 0 ? 1 : 0;
      wins += win;
      losses += lose;
      max = v > max ? v : max; // branches, but a new extreme is rare
      min = v < min ? v : min;
      sumR += w;
      curWin = (curWin + 1) * win;
      curLoss = (curLoss + 1) * lose;
      bestWin = Math.max(bestWin, curWin);
      bestLoss = Math.max(bestLoss, curLoss);
      if (hist) {
        hp[bucket(v)]++;
        hr[bucket(w)]++;
      }
    }
    Acc a = new Acc();
    a.n = to - from;
    a.wins = wins;
    a.losses = losses;
    a.pnl = sum;
    a.profit = profit;
    a.loss = loss;
    a.maxWin = wins > 0 ? max : Double.NaN; // the largest P&L is a win if any trade won
    a.minLoss = losses > 0 ? min : Double.NaN;
    a.sumR = sumR;
    a.bestWin = bestWin;
    a.bestLoss = bestLoss;
    return a;
  }

  /**
   * The squared deviations of the returns from each group's mean: the longs {@code r[0, nl)}, the
   * shorts {@code r[nl, n)} and all of them, each summed in array order.
   */
  private static void deviations(Acc lo, Acc sh, Acc all, double[] r, int nl, int n) {
    lo.meanR = lo.n == 0 ? 0 : lo.sumR / lo.n;
    sh.meanR = sh.n == 0 ? 0 : sh.sumR / sh.n;
    all.meanR = all.n == 0 ? 0 : all.sumR / all.n;
    double ml = lo.meanR;
    double ms = sh.meanR;
    double ma = all.meanR;
    double sl = 0;
    double ss = 0;
    double sa = 0;
    for (int i = 0; i < nl; i++) {
      double v = r[i];
      double d = v - ml;
      double e = v - ma;
      sl += d * d;
      sa += e * e;
    }
    for (int i = nl; i < n; i++) {
      double v = r[i];
      double d = v - ms;
      double e = v - ma;
      ss += d * d;
      sa += e * e;
    }
    lo.m2 = sl;
    sh.m2 = ss;
    all.m2 = sa;
  }

  /** Adds two groups' sums (streaks and moments excepted: computed separately). */
  private static Acc combine(Acc a, Acc b) {
    Acc out = new Acc();
    out.n = a.n + b.n;
    out.wins = a.wins + b.wins;
    out.losses = a.losses + b.losses;
    out.pnl = a.pnl + b.pnl;
    out.profit = a.profit + b.profit;
    out.loss = a.loss + b.loss;
    out.maxWin = a.wins == 0 ? b.maxWin : b.wins == 0 ? a.maxWin : Math.max(a.maxWin, b.maxWin);
    out.minLoss = a.losses == 0 ? b.minLoss
        : b.losses == 0 ? a.minLoss : Math.min(a.minLoss, b.minLoss);
    out.sumR = a.sumR + b.sumR;
    out.bars = a.bars + b.bars;
    out.days = a.days + b.days;
    return out;
  }

  private static TradeSummary summary(Acc a, double medPnl, double medRet, boolean days,
      double years, double timeInMarket) {
    int n = a.n;
    double nan = Double.NaN;
    double winRate = n == 0 ? nan : (double) a.wins / n;
    double profitFactor = a.losses > 0 ? a.profit / a.loss
        : a.wins > 0 ? Double.POSITIVE_INFINITY : nan;
    double avgWin = a.wins == 0 ? nan : a.profit / a.wins;
    double avgLoss = a.losses == 0 ? nan : -a.loss / a.losses;
    double payoff = a.wins == 0 ? nan : a.losses == 0 ? Double.POSITIVE_INFINITY
        : avgWin / -avgLoss;
    double expectancy = n == 0 ? nan
        : (a.wins == 0 ? 0 : winRate * avgWin) + (a.losses == 0 ? 0 : (double) a.losses / n
            * avgLoss);
    double sd = n < 2 ? nan : Math.sqrt(a.m2 / (n - 1));
    double sqn = n < 2 || !(sd > 0) ? nan : Math.sqrt(n) * a.meanR / sd;
    double kelly = payoff != payoff ? nan : winRate - (1 - winRate) / payoff;
    return new TradeSummary(n, a.wins, a.losses, n - a.wins - a.losses, winRate, a.pnl, a.profit,
        a.loss, profitFactor, n == 0 ? nan : a.pnl / n, medPnl, n == 0 ? nan : a.meanR, medRet,
        avgWin, avgLoss, payoff, expectancy, a.maxWin, a.minLoss, a.bestWin, a.bestLoss,
        n == 0 ? nan : a.bars / n, n == 0 || !days ? nan : a.days / n, n / years,
        timeInMarket, sqn, kelly);
  }

  /**
   * The sortable key of a double: signed {@code long} comparison of keys is the order of
   * {@link Double#compare} (-0.0 below 0.0; NaN is not expected). Negative numbers flip all bits
   * but the sign, so that a larger magnitude gives a smaller key.
   */
  static long key(double v) {
    long bits = Double.doubleToRawLongBits(v);
    return bits ^ ((bits >> 63) >>> 1);
  }

  /** The histogram bucket of a value: the top bits of its key, from 0 (most negative) up. */
  static int bucket(double v) {
    return (int) (key(v) >> (64 - BUCKET_BITS)) + BUCKETS / 2;
  }

  /**
   * The median of {@code a[from, to)} (of an even count the mean of the two middle values); NaN
   * if the range is empty. Does not modify {@code a}.
   *
   * @param sortUpTo up to this many values the median sorts a copy, above it it uses the
   *     histogram (tests pass 0 to exercise the histogram on small arrays)
   */
  static double median(double[] a, int from, int to, int sortUpTo) {
    if (to - from <= sortUpTo) {
      return sortedMedian(a, from, to);
    }
    int[] h = new int[BUCKETS];
    for (int i = from; i < to; i++) {
      h[bucket(a[i])]++;
    }
    return medians(a, from, to, to, h, null)[0];
  }

  /** As {@link #median(double[], int, int, int)}, sorting up to {@link #SORT_UP_TO} values. */
  static double median(double[] a, int from, int to) {
    return median(a, from, to, SORT_UP_TO);
  }

  /**
   * The medians of {@code a[from, to)}, {@code a[from, mid)} and {@code a[mid, to)}, from the
   * bucket histograms of the two parts (null for an empty part): the sum of the two histograms
   * locates the overall median's bucket, so "all" costs no histogram of its own. One pass over
   * the array then keeps each median's bucket (a Floyd-Rivest selection finds the rank inside it)
   * or, when the two middle values of an even count fall in two buckets, the largest value of the
   * lower and the smallest of the upper one.
   */
  static double[] medians(double[] a, int from, int mid, int to, int[] first, int[] second) {
    Window all = new Window(first, second, to - from);
    Window lo = new Window(first, null, mid - from);
    Window hi = new Window(null, second, to - mid);
    for (int i = from; i < mid; i++) {
      double v = a[i];
      int b = bucket(v);
      lo.offer(b, v);
      all.offer(b, v);
    }
    for (int i = mid; i < to; i++) {
      double v = a[i];
      int b = bucket(v);
      hi.offer(b, v);
      all.offer(b, v);
    }
    return new double[] {all.median(), lo.median(), hi.median()};
  }

  /** The sorted-copy medians of {@code a[from, to)}, {@code a[from, mid)}, {@code a[mid, to)}. */
  private static double[] sortedMedians(double[] a, int from, int mid, int to) {
    return new double[] {sortedMedian(a, from, to), sortedMedian(a, from, mid),
        sortedMedian(a, mid, to)};
  }

  private static double sortedMedian(double[] a, int from, int to) {
    int m = to - from;
    if (m == 0) {
      return Double.NaN;
    }
    double[] c = Arrays.copyOfRange(a, from, to);
    Arrays.sort(c);
    int k = (m - 1) / 2;
    return (m & 1) == 1 ? c[k] : 0.5 * c[k] + 0.5 * c[k + 1];
  }

  /**
   * Where the median of one group lies: the bucket of the lower middle rank k and of the upper
   * one k2 (k2 = k for an odd count), and what one pass over the group's values keeps of them.
   */
  private static final class Window {
    private final int m;
    private final int k;
    private final int k2;
    private final int lo; // bucket of rank k, -1 for an empty group (matches no bucket)
    private final int hi; // bucket of rank k2
    private final int below; // values in buckets below lo
    private final double[] buf; // the values of bucket lo when lo == hi, else null
    private int size;
    private double maxLo = Double.NEGATIVE_INFINITY; // lo != hi: the largest value in bucket lo
    private double minHi = Double.POSITIVE_INFINITY; // and the smallest in bucket hi

    Window(int[] h1, int[] h2, int m) {
      this.m = m;
      k = (m - 1) / 2;
      k2 = m / 2;
      if (m == 0) {
        lo = -1;
        hi = -1;
        below = 0;
        buf = null;
        return;
      }
      int b = 0;
      int cum = 0;
      while (cum + count(h1, h2, b) <= k) {
        cum += count(h1, h2, b++);
      }
      lo = b;
      below = cum;
      while (cum + count(h1, h2, b) <= k2) {
        cum += count(h1, h2, b++);
      }
      hi = b;
      buf = lo == hi ? new double[count(h1, h2, lo)] : null;
    }

    private static int count(int[] h1, int[] h2, int b) {
      return (h1 == null ? 0 : h1[b]) + (h2 == null ? 0 : h2[b]);
    }

    void offer(int b, double v) {
      if (b == lo) {
        if (buf != null) {
          buf[size++] = v;
        } else if (v > maxLo) {
          maxLo = v;
        }
      } else if (b == hi && v < minHi) {
        minHi = v;
      }
    }

    /** Within one bucket all values have one sign, so numeric comparison is the sort order. */
    double median() {
      if (m == 0) {
        return Double.NaN;
      }
      if (buf == null) { // even count, the middle values in two buckets
        return 0.5 * maxLo + 0.5 * minHi;
      }
      int r = k - below;
      double lower = select(buf, 0, size - 1, r);
      if (k2 == k) {
        return lower;
      }
      double upper = Double.POSITIVE_INFINITY; // the smallest above the lower middle
      for (int i = r + 1; i < size; i++) {
        upper = Math.min(upper, buf[i]);
      }
      return 0.5 * lower + 0.5 * upper;
    }
  }

  /**
   * Floyd and Rivest's SELECT (CACM 18(3), 1975, algorithm 489): rearranges {@code a[lo..hi]} so
   * that {@code a[k]} holds the value it would hold if sorted, everything before it &lt;= and
   * everything after it &gt;= it. Ranges above 600 first select within a small sample around the
   * expected rank, so that the partitioning element lands close to k (about n + min(k, n - k)
   * comparisons instead of quickselect's ~3.4 n). Falls back to sorting past a depth limit.
   */
  static double select(double[] a, int lo, int hi, int k) {
    select(a, lo, hi, k, 0);
    return a[k];
  }

  private static void select(double[] a, int left, int right, int k, int depth) {
    while (right > left) {
      if (++depth > MAX_DEPTH) {
        Arrays.sort(a, left, right + 1);
        return;
      }
      if (right - left > 600) {
        double n = right - left + 1;
        double i = k - left + 1;
        double z = Math.log(n);
        double s = 0.5 * Math.exp(2 * z / 3);
        double sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * Math.signum(i - n / 2);
        int newLeft = (int) Math.max(left, Math.floor(k - i * s / n + sd));
        int newRight = (int) Math.min(right, Math.floor(k + (n - i) * s / n + sd));
        select(a, newLeft, newRight, k, depth);
      }
      double t = a[k];
      int i = left;
      int j = right;
      swap(a, left, k);
      if (a[right] > t) {
        swap(a, right, left);
      }
      while (i < j) {
        swap(a, i, j);
        i++;
        j--;
        while (a[i] < t) {
          i++;
        }
        while (a[j] > t) {
          j--;
        }
      }
      if (a[left] == t) {
        swap(a, left, j);
      } else {
        j++;
        swap(a, j, right);
      }
      if (j <= k) {
        left = j + 1;
      }
      if (k <= j) {
        right = j - 1;
      }
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
