package io.github.quantfolio.backtest;

import java.util.Arrays;

/**
 * The arithmetic of {@link TradeStatistics} on primitive arrays ({@link Input}, filled by the
 * caller's one pass over its list): one pass over each side's sums and streaks (the "all" group
 * adds the two), one over all trades in order for their streaks, one for the squared deviations
 * of the returns, then linear-time selection (Floyd-Rivest) for the medians. The
 * inputs are already validated (finite, sides +1 / -1).
 */
final class TradeStatsKernel {

  /** Above this partition depth quickselect falls back to sorting (guards against O(n^2)). */
  private static final int MAX_DEPTH = 64;

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
   * The trades, laid out by the caller in one pass over its list: P&amp;L and returns both in trade
   * order and split by side (longs from the front in order, shorts from the back, so in reverse
   * order, which leaves their longest runs unchanged), and the holding periods summed by side.
   */
  static final class Input {
    int n;
    int longs;
    double[] pnl; // trade order; permuted by compute
    double[] ret;
    double[] splitPnl; // longs [0, longs), shorts [longs, n); permuted by compute
    double[] splitRet;
    long barsLong;
    long barsShort;
    boolean hasDays;
    double daysLong;
    double daysShort;

    Input(int capacity, boolean hasDays) {
      pnl = new double[capacity];
      ret = new double[capacity];
      splitPnl = new double[capacity];
      splitRet = new double[capacity];
      this.hasDays = hasDays;
    }
  }

  /**
   * The all / long / short summaries.
   *
   * @param in the trades (its arrays are permuted)
   * @param years the span of the data in years, or NaN when unknown
   * @param inMarket time in market for all, long, short, or null when unknown
   */
  static TradeSummary[] compute(Input in, double years, double[] inMarket) {
    int n = in.n;
    int nl = in.longs;
    double[] mp = in.splitPnl;
    double[] mr = in.splitRet;
    // Per side, then the streaks of all trades in order, before the medians permute the arrays.
    Acc lo = range(mp, mr, 0, nl);
    Acc sh = range(mp, mr, nl, n);
    lo.bars = in.barsLong;
    sh.bars = in.barsShort;
    lo.days = in.daysLong;
    sh.days = in.daysShort;
    Acc all = combine(lo, sh);
    Acc streaks = range(in.pnl, in.ret, 0, n);
    all.bestWin = streaks.bestWin;
    all.bestLoss = streaks.bestLoss;
    // Two-pass variance (exact mean first): accurate, and the loops vectorise.
    deviations(lo, mr, 0, nl);
    deviations(sh, mr, nl, n);
    deviations(all, mr, 0, n);
    double[] tim = inMarket == null ? new double[] {Double.NaN, Double.NaN, Double.NaN} : inMarket;
    // The overall medians select in trade order: the side-split layout would bias the sampling of
    // Floyd-Rivest.
    boolean d = in.hasDays;
    TradeSummary l = summary(lo, median(mp, 0, nl), median(mr, 0, nl), d, years, tim[1]);
    TradeSummary s = summary(sh, median(mp, nl, n), median(mr, nl, n), d, years, tim[2]);
    TradeSummary a = summary(all, median(in.pnl, 0, n), median(in.ret, 0, n), d, years, tim[0]);
    return new TradeSummary[] {a, l, s};
  }

  /** The sums and streaks of {@code p[from, to)} in local variables (kept in registers). */
  private static Acc range(double[] p, double[] r, int from, int to) {
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
    for (int i = from; i < to; i++) {
      double v = p[i];
      sum += v;
      // ternaries, not Math.max / min: the inputs are finite, so their NaN and -0.0 handling
      // is not needed
      profit += v > 0 ? v : 0;
      loss += v < 0 ? -v : 0;
      wins += v > 0 ? 1 : 0;
      losses += v < 0 ? 1 : 0;
      max = v > max ? v : max;
      min = v < min ? v : min;
      sumR += r[i];
      curWin = v > 0 ? curWin + 1 : 0;
      curLoss = v < 0 ? curLoss + 1 : 0;
      bestWin = Math.max(bestWin, curWin);
      bestLoss = Math.max(bestLoss, curLoss);
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

  private static void deviations(Acc a, double[] r, int from, int to) {
    a.meanR = a.n == 0 ? 0 : a.sumR / a.n;
    double m = a.meanR;
    double ss = 0;
    for (int i = from; i < to; i++) {
      double d = r[i] - m;
      ss += d * d;
    }
    a.m2 = ss;
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

  /** The median of {@code a[from, to)}, permuting that range; NaN if it is empty. */
  static double median(double[] a, int from, int to) {
    int m = to - from;
    if (m == 0) {
      return Double.NaN;
    }
    int k = from + (m - 1) / 2;
    double lower = select(a, from, to - 1, k);
    if ((m & 1) == 1) {
      return lower;
    }
    double upper = Double.POSITIVE_INFINITY; // the smallest above the lower middle
    for (int i = k + 1; i < to; i++) {
      upper = Math.min(upper, a[i]);
    }
    return 0.5 * lower + 0.5 * upper;
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
