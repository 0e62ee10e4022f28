package io.github.quantfolio.backtest;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The arithmetic of {@link TradeStatistics} on primitive arrays. The caller reads its list in
 * fixed chunks of {@link #CHUNK} trades ({@link Chunk}, in parallel for a random-access list),
 * each laying out its P&amp;L and returns in two arrays of its own and, right after, while they
 * are in cache, summing each side (sums, streaks, deviations of the returns from the part's
 * first one, bucket histograms: {@link Chunk#summarise}). {@link #compute} joins the chunks in
 * list order, then makes one pass per kind of value (P&amp;L, returns; in parallel) to pick out
 * the values of each median's histogram bucket, which a Floyd-Rivest selection finishes. The
 * inputs are already validated (finite, sides +1 / -1).
 *
 * <p>Bit for bit independent of the number of threads: the chunks are fixed by the list's size,
 * every sum runs in one fixed order (a chunk's longs in list order, its shorts, laid out from the
 * back, in reverse list order; the chunks' sums joined forwards for the longs and backwards for
 * the shorts, which is how the streaks of a side are counted too, unchanged by the reversal),
 * and the medians are order statistics.
 *
 * <p>Medians select in the order of {@link Arrays#sort(double[])} (-0.0 below 0.0), so that they
 * equal the median of a sorted copy bit for bit: the histogram buckets are the top
 * {@value #BUCKET_BITS} bits of the IEEE 754 bit pattern made sortable ({@link #key(double)}:
 * sign and exponent, one bucket per binade and sign), and one bucket never holds values of both
 * signs, so within a bucket the numeric comparisons of the selection give that order. Twelve
 * bits keep a histogram at 16 KB, in the core's first-level cache beside its twin (16 bits, 256
 * KB each, measured 13 % slower overall), and leave about 1.5 % of normally spread P&amp;L in
 * the median's bucket. Data that all falls in one binade (e.g. every return within [1 %, 2 %))
 * costs one Floyd-Rivest selection of everything, as before the histograms; exact either way.
 */
final class TradeStatsKernel {

  /** Above this partition depth quickselect falls back to sorting (guards against O(n^2)). */
  private static final int MAX_DEPTH = 64;

  /** Bits of the sortable key that choose a histogram bucket: the sign and 11 exponent bits. */
  static final int BUCKET_BITS = 12;

  private static final int BUCKETS = 1 << BUCKET_BITS;

  /** Up to this many values, medians sort a copy instead of building histograms. */
  static final int SORT_UP_TO = 1 << 12;

  /** Trades per chunk of the caller's pass (the last chunk may be shorter). */
  static final int CHUNK = 1 << 15;

  private TradeStatsKernel() {
  }

  /** The sums of one group; {@link #scan} continues them over the next part of its values. */
  private static final class Acc {
    int n;
    int wins;
    int losses;
    double pnl;
    double profit;
    double loss; // positive
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    double maxWin = Double.NaN;
    double minLoss = Double.NaN;
    double sumR;
    double shift = Double.NaN; // a chunk part's first return: its deviations are taken from it
    double dev; // sum of (r - shift)
    double dev2; // sum of (r - shift)^2
    double meanR;
    double m2; // sum of squared deviations of the returns from their mean
    double bars;
    double days;
    int curWin;
    int curLoss;
    int bestWin;
    int bestLoss;
    int winPrefix; // the run of wins from the start of a chunk's part (streak joining)
    int lossPrefix;

    /**
     * Continues the sums and streaks over {@code p[from, to)} in local variables (kept in
     * registers), and the bucket histograms of {@code p} and {@code r} unless they are null.
     * Written without branches on the sign of a trade, which a random mix would mispredict every
     * other trade: a conditional of doubles compiles to a branch, {@code Math.max} does not
     * ({@code max(v, 0.0)} adds +0.0 for v &lt;= 0 as {@code v > 0 ? v : 0} does), and the streaks
     * multiply by 0 or 1.
     */
    void scan(double[] p, double[] r, int from, int to, int[] hp, int[] hr) {
      int wins = this.wins;
      int losses = this.losses;
      double sum = this.pnl;
      double profit = this.profit;
      double loss = this.loss;
      double max = this.max;
      double min = this.min;
      double sumR = this.sumR;
      if (shift != shift && to > from) {
        shift = r[from];
      }
      double c = shift;
      double dev = this.dev;
      double dev2 = this.dev2;
      int curWin = this.curWin;
      int curLoss = this.curLoss;
      int bestWin = this.bestWin;
      int bestLoss = this.bestLoss;
      boolean hist = hp != null;
      for (int i = from; i < to; i++) {
        double v = p[i];
        double w = r[i];
        sum += v;
        profit += Math.max(v, 0.0);
        loss += Math.max(-v, 0.0);
        int win = v > 0 ? 1 : 0; // conditional moves, no branch
        int lose = v < 0 ? 1 : 0;
        wins += win;
        losses += lose;
        max = v > max ? v : max; // branches, but a new extreme is rare
        min = v < min ? v : min;
        sumR += w;
        double d = w - c;
        dev += d;
        dev2 += d * d;
        curWin = (curWin + 1) * win;
        curLoss = (curLoss + 1) * lose;
        bestWin = Math.max(bestWin, curWin);
        bestLoss = Math.max(bestLoss, curLoss);
        if (hist) {
          hp[bucket(v)]++;
          hr[bucket(w)]++;
        }
      }
      this.n += to - from;
      this.wins = wins;
      this.losses = losses;
      this.pnl = sum;
      this.profit = profit;
      this.loss = loss;
      this.max = max;
      this.min = min;
      this.sumR = sumR;
      this.dev = dev;
      this.dev2 = dev2;
      this.curWin = curWin;
      this.curLoss = curLoss;
      this.bestWin = bestWin;
      this.bestLoss = bestLoss;
      maxWin = wins > 0 ? max : Double.NaN; // the largest P&L is a win if any trade won
      minLoss = losses > 0 ? min : Double.NaN;
    }

    /** The runs of wins and of losses at the start of {@code p[from, to)}. */
    void prefixes(double[] p, int from, int to) {
      int i = from;
      while (i < to && p[i] > 0) {
        i++;
      }
      winPrefix = i - from;
      i = from;
      while (i < to && p[i] < 0) {
        i++;
      }
      lossPrefix = i - from;
    }

    /** Continues these sums and streaks with those of the next part ({@code b}, summed alone). */
    void append(Acc b) {
      n += b.n;
      wins += b.wins;
      losses += b.losses;
      pnl += b.pnl;
      profit += b.profit;
      loss += b.loss;
      max = Math.max(max, b.max);
      min = Math.min(min, b.min);
      sumR += b.sumR;
      bestWin = Math.max(bestWin, Math.max(b.bestWin, curWin + b.winPrefix));
      bestLoss = Math.max(bestLoss, Math.max(b.bestLoss, curLoss + b.lossPrefix));
      curWin = b.winPrefix == b.n ? curWin + b.n : b.curWin;
      curLoss = b.lossPrefix == b.n ? curLoss + b.n : b.curLoss;
      maxWin = wins > 0 ? max : Double.NaN;
      minLoss = losses > 0 ? min : Double.NaN;
    }
  }

  /**
   * The counted trades of one chunk of the caller's list, {@code [start, end)}, added in list
   * order ({@link #add}): P&amp;L and returns in the chunk's own two arrays (longs from the front
   * in order, shorts from the back, so in reverse order), holding periods summed
   * by side, the streaks of all its trades, and the first invalid trade, if any, for the caller
   * to report. Filled by one thread; create it in that thread (its fields then lie in that
   * thread's allocation buffer, away from the other chunks').
   */
  static final class Chunk {
    private final double[] pnl; // longs [0, front), shorts (back, length)
    private final double[] ret;
    private final int start;
    private final int end;
    private int front; // next long slot
    private int back; // next short slot
    private final long[] bars = new long[2]; // by side: [0] short, [1] long
    private final long[] millis = new long[2];
    private int count;
    private int open;
    private int invalid = -1;
    private final Acc longs = new Acc(); // this chunk's longs in list order
    private final Acc shorts = new Acc(); // its shorts in reverse list order
    private int[][] hist; // P&L long, return long, P&L short, return short; null if not needed
    private int curWin;
    private int curLoss;
    private int bestWin;
    private int bestLoss;
    private int winPrefix; // the run of wins from the chunk's start
    private int lossPrefix;
    private int inWinPrefix = 1;
    private int inLossPrefix = 1;

    private Chunk(Input in, int c) {
      start = c * CHUNK;
      end = Math.min(in.capacity, start + CHUNK);
      pnl = new double[end - start]; // allocated (and zeroed) by the thread that fills them
      ret = new double[end - start];
      front = 0;
      back = end - start - 1;
    }

    /**
     * Sums each side of the chunk and, with {@code histograms}, fills its bucket histograms; call
     * it from the thread that filled the chunk, right after, while its arrays are in cache.
     */
    void summarise(boolean histograms) {
      if (histograms) {
        hist = new int[4][BUCKETS];
      }
      int[][] h = histograms ? hist : new int[4][];
      longs.scan(pnl, ret, 0, front, h[0], h[1]);
      longs.prefixes(pnl, 0, front);
      shorts.scan(pnl, ret, back + 1, pnl.length, h[2], h[3]);
      shorts.prefixes(pnl, back + 1, pnl.length);
    }

    /** The first position in the caller's list. */
    int start() {
      return start;
    }

    /** The end (exclusive) in the caller's list. */
    int end() {
      return end;
    }

    /** Counts an open trade of the input (counted or not). */
    void open() {
      open++;
    }

    /** Records the invalid (or null) trade at list position {@code i}; the caller stops. */
    void invalid(int i) {
      invalid = i;
    }

    /**
     * Adds the next counted trade. No branch on the side: in a random mix of longs and shorts it
     * would be mispredicted every other trade.
     *
     * @param side +1 long, -1 short
     * @param p the P&amp;L (finite)
     * @param r the return (finite)
     * @param held the holding period in bars
     * @param heldMillis the holding period in milliseconds (0 without an index)
     */
    void add(int side, double p, double r, int held, long heldMillis) {
      int win = p > 0 ? 1 : 0; // a conditional move; "p > 0 ? run + 1 : 0" compiles to a branch
      int lose = p < 0 ? 1 : 0;
      curWin = (curWin + 1) * win;
      curLoss = (curLoss + 1) * lose;
      bestWin = Math.max(bestWin, curWin);
      bestLoss = Math.max(bestLoss, curLoss);
      inWinPrefix &= win;
      inLossPrefix &= lose;
      winPrefix += inWinPrefix;
      lossPrefix += inLossPrefix;
      count++;
      int isLong = (side + 1) >> 1; // 1 long, 0 short
      int slot = back + isLong * (front - back);
      front += isLong;
      back -= 1 - isLong;
      pnl[slot] = p;
      ret[slot] = r;
      bars[isLong] += held;
      millis[isLong] += heldMillis;
    }
  }

  /** The trades of one call, in chunks. */
  static final class Input {
    private final int capacity;
    private final boolean hasDays;
    private final Chunk[] chunks;

    /**
     * @param capacity the number of trades in the list
     * @param hasDays whether holding periods in days are known
     */
    Input(int capacity, boolean hasDays) {
      this.capacity = capacity;
      this.hasDays = hasDays;
      chunks = new Chunk[(capacity + CHUNK - 1) / CHUNK];
    }

    /** The number of chunks. */
    int chunks() {
      return chunks.length;
    }

    /** Creates chunk {@code c}; call it from the thread that fills the chunk. */
    Chunk chunk(int c) {
      Chunk k = new Chunk(this, c);
      chunks[c] = k;
      return k;
    }

    /** The open trades in the input, counted or not. */
    int open() {
      int open = 0;
      for (Chunk c : chunks) {
        open += c == null ? 0 : c.open;
      }
      return open;
    }

    /** The list position of the first invalid trade, or -1. */
    int firstInvalid() {
      for (Chunk c : chunks) { // a chunk after an invalid trade may be missing
        if (c == null || c.invalid >= 0) {
          return c == null ? -1 : c.invalid;
        }
      }
      return -1;
    }
  }

  /**
   * The all / long / short summaries.
   *
   * @param in the trades, every chunk filled
   * @param years the span of the data in years, or NaN when unknown
   * @param inMarket time in market for all, long, short, or null when unknown
   * @return the summaries of all, long and short trades
   */
  static TradeSummary[] compute(Input in, double years, double[] inMarket) {
    Chunk[] chunks = in.chunks;
    int nc = chunks.length;
    // the segments [from, to) of each side in its summation order: longs in list order, shorts
    // in reverse list order (the chunks backwards, each from its back)
    int[] longSegs = new int[2 * nc]; // [from, to) in the chunk's arrays
    int[] shortSegs = new int[2 * nc];
    double[][] longP = new double[nc][]; // the arrays of each segment
    double[][] longR = new double[nc][];
    double[][] shortP = new double[nc][];
    double[][] shortR = new double[nc][];
    int nl = 0;
    int ns = 0;
    Acc lo = new Acc();
    Acc sh = new Acc();
    long barsLong = 0;
    long barsShort = 0;
    long millisLong = 0;
    long millisShort = 0;
    for (int c = 0; c < nc; c++) {
      Chunk k = chunks[c];
      longSegs[2 * c + 1] = k.front;
      longP[c] = k.pnl;
      longR[c] = k.ret;
      Chunk b = chunks[nc - 1 - c];
      shortSegs[2 * c] = b.back + 1;
      shortSegs[2 * c + 1] = b.pnl.length;
      shortP[c] = b.pnl;
      shortR[c] = b.ret;
      nl += k.front;
      ns += b.pnl.length - 1 - b.back;
      barsLong += k.bars[1];
      barsShort += k.bars[0];
      millisLong += k.millis[1];
      millisShort += k.millis[0];
    }
    lo.bars = barsLong;
    sh.bars = barsShort;
    lo.days = millisLong / 86_400_000.0; // exact sums of whole milliseconds, divided once
    sh.days = millisShort / 86_400_000.0;
    int n = nl + ns;
    // the chunks' sums in list order: the longs' chunks forwards, the shorts' (each summed in
    // reverse list order) backwards; bucket histograms for the medians ("all" adds the sides')
    boolean hist = n > SORT_UP_TO;
    int[][] h = new int[4][];
    for (int c = 0; c < nc; c++) {
      lo.append(chunks[c].longs);
      sh.append(chunks[nc - 1 - c].shorts);
    }
    if (hist) {
      for (int g = 0; g < 4; g++) {
        h[g] = new int[BUCKETS];
        for (Chunk k : chunks) {
          int[] kg = k.hist[g];
          for (int b = 0; b < BUCKETS; b++) {
            h[g][b] += kg[b];
          }
        }
      }
    }
    Acc all = combine(lo, sh);
    // the streaks of all trades in list order, joined across the chunks
    int curWin = 0;
    int curLoss = 0;
    for (Chunk k : chunks) {
      all.bestWin = Math.max(all.bestWin, Math.max(k.bestWin, curWin + k.winPrefix));
      all.bestLoss = Math.max(all.bestLoss, Math.max(k.bestLoss, curLoss + k.lossPrefix));
      curWin = k.winPrefix == k.count ? curWin + k.count : k.curWin;
      curLoss = k.lossPrefix == k.count ? curLoss + k.count : k.curLoss;
    }
    moments(chunks, lo, sh, all);
    // the medians of P&L and of returns, in parallel
    double[][] med = new double[2][];
    IntStream.range(0, 2).parallel().forEach(v -> {
      double[][] la = v == 0 ? longP : longR;
      double[][] sa = v == 0 ? shortP : shortR;
      med[v] = hist ? medians(la, longSegs, sa, shortSegs, h[v], h[2 + v])
          : sortedMedians(la, longSegs, sa, shortSegs);
    });
    double[] tim = inMarket == null ? new double[] {Double.NaN, Double.NaN, Double.NaN} : inMarket;
    boolean d = in.hasDays;
    TradeSummary a = summary(all, med[0][0], med[1][0], d, years, tim[0]);
    TradeSummary l = summary(lo, med[0][1], med[1][1], d, years, tim[1]);
    TradeSummary s = summary(sh, med[0][2], med[1][2], d, years, tim[2]);
    return new TradeSummary[] {a, l, s};
  }

  /**
   * The means of the returns and their sums of squared deviations, M2: per chunk part,
   * {@code dev2 - dev^2 / n} from the deviations from its first return (a value inside the
   * data, so the difference does not cancel: relative error about {@code 1 + (r_first -
   * mean)^2 / variance} units of rounding, at most the part's size); the parts, and then the two
   * sides, joined by Chan, Golub and LeVeque's update {@code M2 = M2_a + M2_b + n_a n_b / n
   * (mean_a - mean_b)^2}, written as a sum over parts around the side's mean.
   */
  private static void moments(Chunk[] chunks, Acc lo, Acc sh, Acc all) {
    lo.meanR = lo.n == 0 ? 0 : lo.sumR / lo.n;
    sh.meanR = sh.n == 0 ? 0 : sh.sumR / sh.n;
    all.meanR = all.n == 0 ? 0 : all.sumR / all.n;
    for (Chunk k : chunks) {
      lo.m2 += partM2(k.longs, lo.meanR);
      sh.m2 += partM2(k.shorts, sh.meanR);
    }
    double dm = lo.meanR - sh.meanR;
    all.m2 = lo.n == 0 || sh.n == 0 ? lo.m2 + sh.m2
        : lo.m2 + sh.m2 + (double) lo.n * sh.n / all.n * dm * dm;
  }

  /** A part's M2 and its mean's share around the group's mean; rounding may leave 0 a hair low. */
  private static double partM2(Acc part, double mean) {
    int n = part.n;
    if (n == 0) {
      return 0;
    }
    double d = part.sumR / n - mean;
    return Math.max(0, part.dev2 - part.dev * part.dev / n) + n * d * d;
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
      return sortedMedian(new double[][] {a}, new int[] {from, to});
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
   * bucket histograms of the two parts (null for an empty part).
   */
  static double[] medians(double[] a, int from, int mid, int to, int[] first, int[] second) {
    double[][] one = {a};
    return medians(one, new int[] {from, mid}, one, new int[] {mid, to}, first, second);
  }

  /**
   * The medians of all values, those in the first segments and those in the second ones
   * ({@code [from, to)} pairs), from the bucket histograms of the two groups (null for an empty
   * one): the sum of the two histograms locates the overall median's bucket, so "all" costs no
   * histogram of its own. One pass over the values then keeps each median's bucket (a
   * Floyd-Rivest selection finds the rank inside it) or, when the two middle values of an even
   * count fall in two buckets, the largest value of the lower and the smallest of the upper one.
   */
  static double[] medians(double[][] firstArrays, int[] firstSegs, double[][] secondArrays,
      int[] secondSegs, int[] first, int[] second) {
    int n1 = size(firstSegs);
    int n2 = size(secondSegs);
    Window all = new Window(first, second, n1 + n2);
    Window lo = new Window(first, null, n1);
    Window hi = new Window(null, second, n2);
    for (int j = 0; j < firstSegs.length; j += 2) {
      collect(firstArrays[j / 2], firstSegs[j], firstSegs[j + 1], lo, all);
    }
    for (int j = 0; j < secondSegs.length; j += 2) {
      collect(secondArrays[j / 2], secondSegs[j], secondSegs[j + 1], hi, all);
    }
    return new double[] {all.median(), lo.median(), hi.median()};
  }

  private static void collect(double[] a, int from, int to, Window group, Window all) {
    for (int i = from; i < to; i++) {
      double v = a[i];
      int b = bucket(v);
      group.offer(b, v);
      all.offer(b, v);
    }
  }

  private static int size(int[] segs) {
    int n = 0;
    for (int j = 0; j < segs.length; j += 2) {
      n += segs[j + 1] - segs[j];
    }
    return n;
  }

  /** The sorted-copy medians of all values, the first segments' and the second ones'. */
  private static double[] sortedMedians(double[][] firstArrays, int[] firstSegs,
      double[][] secondArrays, int[] secondSegs) {
    int[] both = Arrays.copyOf(firstSegs, firstSegs.length + secondSegs.length);
    System.arraycopy(secondSegs, 0, both, firstSegs.length, secondSegs.length);
    double[][] bothArrays = Arrays.copyOf(firstArrays, firstArrays.length + secondArrays.length);
    System.arraycopy(secondArrays, 0, bothArrays, firstArrays.length, secondArrays.length);
    return new double[] {sortedMedian(bothArrays, both), sortedMedian(firstArrays, firstSegs),
        sortedMedian(secondArrays, secondSegs)};
  }

  private static double sortedMedian(double[][] arrays, int[] segs) {
    int m = size(segs);
    if (m == 0) {
      return Double.NaN;
    }
    double[] c = new double[m];
    int at = 0;
    for (int j = 0; j < segs.length; j += 2) {
      System.arraycopy(arrays[j / 2], segs[j], c, at, segs[j + 1] - segs[j]);
      at += segs[j + 1] - segs[j];
    }
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
