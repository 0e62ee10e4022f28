package io.github.quantfolio.risk.internal;

/**
 * One pass over a return series compounding wealth from 1: final log-wealth and the drawdown
 * curve's minimum and sum of squares; and, separately, the least-squares fit of log-wealth (over
 * valid periods) against time. NaN returns leave wealth unchanged. Wealth is kept in
 * {@code [2^-512, 2^512]} by exact power-of-two rescaling (of the peak too), so 10 million periods
 * of compounding neither overflow nor lose the drawdown.
 */
public final class WealthPath {

  private static final double BIG = 0x1p512;
  private static final double SMALL = 0x1p-512;
  private static final double LN_BIG = 512 * Math.log(2);

  /** log of final wealth (exact scale bookkeeping); valid after {@link #finish()}. */
  public double logWealth;
  /** Deepest drawdown, a fraction in (-1, 0]. */
  public double maxDrawdown;
  /** Sum over all periods of the squared drawdown. */
  public double sumSquaredDrawdown;
  /** Number of periods. */
  public int periods;
  /** Number of valid (non-NaN) returns among them. */
  public int valid;

  private double w = 1;
  private double peak = 1;
  private int scale; // wealth = w * BIG^scale

  /**
   * Adds one period (NaN = no change) and returns its drawdown {@code W_t / peak_t - 1}; callers
   * that already loop over the returns fold the path into their own pass this way.
   */
  public double add(double v) {
    if (v == v) {
      valid++;
      w *= 1 + v;
      if (w > BIG) {
        w *= SMALL;
        peak *= SMALL;
        scale++;
      } else if (w < SMALL && w > 0) {
        w *= BIG;
        peak *= BIG;
        scale--;
      }
    }
    if (w > peak) { // new highs are rare after the start: a well-predicted branch
      peak = w;
    }
    double dd = w / peak - 1;
    if (dd < maxDrawdown) {
      maxDrawdown = dd;
    }
    sumSquaredDrawdown += dd * dd;
    periods++;
    return dd;
  }

  /** Computes {@link #logWealth} from the periods added so far. */
  public WealthPath finish() {
    logWealth = Math.log(w) + scale * LN_BIG;
    return this;
  }

  /** Walks periods {@code [from, to)} of {@code r} (no underwater curve). */
  public static WealthPath walk(double[] r, int from, int to) {
    WealthPath p = new WealthPath();
    for (int t = from; t < to; t++) {
      p.add(r[t]);
    }
    return p.finish();
  }

  /** Walks {@code r}; fills {@code underwater} (may be null) with {@code W_t / peak_t - 1}. */
  public static WealthPath walk(double[] r, double[] underwater) {
    WealthPath p = new WealthPath();
    for (int t = 0; t < r.length; t++) {
      double dd = p.add(r[t]);
      if (underwater != null) {
        underwater[t] = dd;
      }
    }
    return p.finish();
  }

  /**
   * R^2 of the least-squares line through log-wealth {@code y_k = sum_(j<=k) log(1 + r_j)} at the
   * valid periods against their position k (empyrical's stability); NaN if fewer than 3 valid
   * returns (a line through 2 points always fits: R^2 = 1 would say nothing) or a flat curve.
   * Independent of {@link #walk}, so it can run on another core.
   */
  public static double stability(double[] r) {
    // Co-moments of (x = k, y): per block of BLOCK points, plain sums relative to the block's
    // first y (no division per point), merged with Chan, Golub & LeVeque's pairwise update.
    long k = 0;
    double my = 0;
    double cyy = 0;
    double cxy = 0;
    long bn = 0;
    double yRef = 0;
    double bs1 = 0;
    double bs2 = 0;
    double bsxy = 0;
    double y = 0;
    for (double v : r) {
      if (v != v) {
        continue;
      }
      y += Math.log(1 + v);
      if (bn == 0) {
        yRef = y;
      }
      double d = y - yRef;
      bs1 += d;
      bs2 += d * d;
      bsxy += bn * d;
      bn++;
      if (bn == BLOCK) {
        double[] m = merge(k, my, cyy, cxy, bn, yRef, bs1, bs2, bsxy);
        k += bn;
        my = m[0];
        cyy = m[1];
        cxy = m[2];
        bn = 0;
        bs1 = 0;
        bs2 = 0;
        bsxy = 0;
      }
    }
    if (bn > 0) {
      double[] m = merge(k, my, cyy, cxy, bn, yRef, bs1, bs2, bsxy);
      k += bn;
      cyy = m[1];
      cxy = m[2];
    }
    if (k < 3) {
      return Double.NaN;
    }
    double cxx = (double) k * ((double) k * k - 1) / 12; // sum of (x - mean)^2 for x = 0..k-1
    return cxy * cxy / (cxx * cyy);
  }

  private static final int BLOCK = 1024;

  /**
   * Merges a block of {@code m} points (x = k0 .. k0 + m - 1, sums of d = y - yRef) into totals
   * over the first {@code k0} points (mean y, co-moments). Returns {mean y, Syy, Sxy}.
   */
  private static double[] merge(long k0, double my0, double cyy0, double cxy0, long m,
      double yRef, double s1, double s2, double sxy) {
    double mb = s1 / m; // block mean of d
    double myB = yRef + mb;
    double cyyB = s2 - s1 * mb;
    double mxB = (m - 1) / 2.0; // block mean of local x = 0..m-1
    double cxyB = sxy - mxB * s1;
    if (k0 == 0) {
      return new double[] {myB, cyyB, cxyB};
    }
    double n = k0 + m;
    double mx0 = (k0 - 1) / 2.0;
    double dx = (k0 + mxB) - mx0; // block x-mean (in global x) minus running x-mean
    double dy = myB - my0;
    double f = (double) k0 * m / n;
    return new double[] {my0 + dy * m / n, cyy0 + cyyB + dy * dy * f, cxy0 + cxyB + dx * dy * f};
  }
}
