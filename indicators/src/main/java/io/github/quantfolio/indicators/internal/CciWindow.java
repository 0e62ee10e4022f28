package io.github.quantfolio.indicators.internal;

/**
 * The window of CCI: the last {@code n} typical prices, their mean {@code m} and their mean
 * absolute deviation about it, {@code MD = (1/n) sum |x_i - m|}, and the CCI
 * {@code (x - m) / (0.015 MD)} of the newest value (0 when either factor is 0, as TA-Lib). Shared
 * by the batch kernel and the streaming twin, which therefore agree bit for bit.
 *
 * <p><b>Small windows ({@code n <= }{@link #DIRECT_MAX})</b> use TA-Lib's own formula: the mean of
 * the ring, then the sum of absolute deviations, O(n) per value ({@link Oscillators#cci(double[],
 * double)}); up to this size it is no slower than the tree below (measured crossover near 256
 * bars: the tree costs about 0.4 us per value, the direct sum about 1.5 ns per window value), and
 * it is TA-Lib's rounding exactly.
 *
 * <p><b>Larger windows</b> use an order-statistics tree, O(log n) per value. The absolute
 * deviation has no O(1) update, but splitting the window at the mean does:
 * {@code sum |x_i - m| = (S - 2 S_below) + m (2 c_below - n)}, where {@code S} is the window's sum
 * and {@code S_below}, {@code c_below} the sum and count of the values {@code <= m}. The values
 * live in a treap (a binary search tree on (value, slot) with random heap priorities; expected
 * depth O(log n)) whose nodes carry their subtree's count and sum, so {@code S_below} is one
 * root-to-leaf walk, and inserting the new value and deleting the one that leaves the window are
 * O(log n).
 *
 * <p>Accuracy: the two terms cancel (for prices around 100 with deviations around 1, by two
 * digits; for a series quoted at 1e9 with deviations of 1e-6, by fifteen), so every sum is kept
 * in double-double arithmetic (an unevaluated sum {@code hi + lo}, about 106 bits; Dekker 1971,
 * Knuth's TwoSum; inside the tree as a plain sum plus the sum of its exact rounding errors, as in
 * Ogita, Rump and Oishi's Sum2, 2005) and {@code m (2 c_below - n)} is an exact product (FMA). Subtree sums are
 * recomputed from their children on every change, never updated by adding and subtracting, so no
 * rounding error outlives the values that caused it. The absolute error of the deviation sum is
 * then about {@code 1e-32 depth sum|x_i|}, while the sum itself is at least
 * {@code max - min >= 1 ulp(m)} unless the window is constant (then it is exactly 0, and so is
 * {@code x - m}): the result is accurate to far better than 1e-9 relative unless {@code n} is in
 * the millions. The mean itself is kept as a double-double too: rounded to a double, it can be
 * off by half an ulp of the price level, which for a series quoted at 1e9 moving by 1e-6 is a
 * relative error of 1e-4 in {@code x - m} (TA-Lib's formula, and the direct path, have that
 * error).
 */
public final class CciWindow {

  /** Windows up to this size use the direct O(n) formula; larger ones the tree. */
  public static final int DIRECT_MAX = 256;

  private final int n;
  private final boolean direct;
  private final double[] ring; // direct path
  private int pos;
  private int count;

  // Tree path: node i holds ring slot i; node n is the empty sentinel (count 0, sum 0).
  private final double[] val;
  private final int[] left;
  private final int[] right;
  private final int[] prio;
  private final int[] cnt;
  private final double[] sumHi;
  private final double[] sumLo;
  private int root;
  private long seed;
  // Output registers of split and the double-double helpers.
  private int splitL;
  private int splitR;
  private double ddHi;
  private double ddLo;

  /** A window of {@code n >= 1} values. */
  public CciWindow(int n) {
    this.n = n;
    this.direct = n <= DIRECT_MAX;
    if (direct) {
      ring = new double[n];
      val = null;
      left = null;
      right = null;
      prio = null;
      cnt = null;
      sumHi = null;
      sumLo = null;
    } else {
      ring = null;
      val = new double[n + 1];
      left = new int[n + 1];
      right = new int[n + 1];
      prio = new int[n + 1];
      cnt = new int[n + 1];
      sumHi = new double[n + 1];
      sumLo = new double[n + 1];
      root = n;
    }
  }

  /**
   * Adds a finite typical price and returns the CCI of it, or NaN while fewer than {@code n}
   * values have been added since construction or {@link #clear()}, or NaN once full if the
   * window's sums overflowed (see {@link #isFull()}).
   */
  public double add(double tp) {
    if (direct) {
      ring[pos] = tp;
      pos = pos + 1 == n ? 0 : pos + 1;
      if (count < n) {
        count++;
      }
      return count == n ? Oscillators.cci(ring, tp) : Double.NaN;
    }
    int slot = pos;
    pos = pos + 1 == n ? 0 : pos + 1;
    if (count < n) {
      count++;
    } else {
      root = erase(root, slot);
    }
    val[slot] = tp;
    left[slot] = n;
    right[slot] = n;
    prio[slot] = nextPriority();
    cnt[slot] = 1;
    sumHi[slot] = tp;
    sumLo[slot] = 0;
    root = insert(root, slot);
    return count == n ? cci(tp) : Double.NaN;
  }

  /** Whether the window holds {@code n} values (so a NaN from {@link #add} is an overflow). */
  public boolean isFull() {
    return count == n;
  }

  /** Forgets every value (a new warm-up starts). */
  public void clear() {
    pos = 0;
    count = 0;
    if (!direct) {
      root = n;
      seed = 0;
    }
  }

  // ------------------------------------------------------------------------------ the formula

  private double cci(double tp) {
    double sh = sumHi[root];
    double sl = sumLo[root];
    // Mean m = mh + ml = (sh + sl) / n in double-double: q and the exact remainder's share.
    double q = sh / n;
    double r = Math.fma(-q, n, sh);
    double c = (r + sl) / n;
    double mh = q + c;
    double ml = c - (mh - q);
    // Sum and count of the values <= m.
    double bh = 0;
    double bl = 0;
    int below = 0;
    for (int t = root; t != n; ) {
      double v = val[t];
      if (v < mh || v == mh && ml >= 0) {
        int lt = left[t];
        double lh = sumHi[lt];
        double a = bh + lh;
        double e1 = twoSumError(bh, lh, a);
        bh = a + v;
        bl += sumLo[lt] + (e1 + twoSumError(a, v, bh));
        below += cnt[lt] + 1;
        t = right[t];
      } else {
        t = left[t];
      }
    }
    // dev = (S - 2 S_below) + m (2 below - n), all in double-double (mh k exactly).
    add2(sh, sl, -2 * bh, -2 * bl);
    double dh = ddHi;
    double dl = ddLo;
    double k = 2.0 * below - n;
    double ph = mh * k;
    double pl = Math.fma(mh, k, -ph) + ml * k;
    add2(dh, dl, ph, pl);
    double dev = ddHi + ddLo;
    // num = tp - m: TwoSum of tp - mh, then ml.
    double s0 = tp - mh;
    double bb = s0 - tp;
    double e = (tp - (s0 - bb)) + (-mh - bb);
    double num = s0 + (e - ml);
    return Oscillators.cci(num, dev, n);
  }

  /**
   * {@code (ah + al) + (bh + bl)} in double-double (TwoSum of the high parts, the low parts added
   * to its error), normalised into {@link #ddHi}, {@link #ddLo}.
   */
  private void add2(double ah, double al, double bh, double bl) {
    double s = ah + bh;
    double bb = s - ah;
    double e = (ah - (s - bb)) + (bh - bb);
    e += al + bl;
    double hi = s + e;
    ddHi = hi;
    ddLo = e - (hi - s);
  }

  // ------------------------------------------------------------------------------ the treap

  /** Deterministic priorities (SplitMix64), restarted by clear() so that the twins agree. */
  private int nextPriority() {
    long z = (seed += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (int) ((z ^ (z >>> 31)) >>> 33);
  }

  /** Whether node a's key (value, slot) is below node b's. */
  private boolean less(int a, int b) {
    double va = val[a];
    double vb = val[b];
    return va < vb || va == vb && a < b;
  }

  /**
   * Recomputes node t's count and sum from its children. The sum is kept unnormalised, as the
   * plain floating-point sum {@code sumHi} and the sum {@code sumLo} of every rounding error made
   * forming it (TwoSum, exact) and of the children's: about 106-bit accurate, and the chain from
   * child to parent is two plain additions, not a full double-double addition.
   */
  private void update(int t) {
    int lt = left[t];
    int rt = right[t];
    cnt[t] = cnt[lt] + cnt[rt] + 1;
    double lh = sumHi[lt];
    double v = val[t];
    double a = lh + v;
    double e1 = twoSumError(lh, v, a);
    double rh = sumHi[rt];
    double h = a + rh;
    sumHi[t] = h;
    sumLo[t] = (sumLo[lt] + sumLo[rt]) + (e1 + twoSumError(a, rh, h));
  }

  /** The rounding error of {@code s = fl(x + y)}: {@code x + y - s} exactly (Knuth's TwoSum). */
  private static double twoSumError(double x, double y, double s) {
    double bb = s - x;
    return (x - (s - bb)) + (y - bb);
  }

  private int insert(int t, int s) {
    if (t == n) {
      return s;
    }
    if (prio[s] > prio[t]) {
      split(t, s);
      left[s] = splitL;
      right[s] = splitR;
      update(s);
      return s;
    }
    if (less(s, t)) {
      left[t] = insert(left[t], s);
    } else {
      right[t] = insert(right[t], s);
    }
    update(t);
    return t;
  }

  /** Splits subtree t into keys below node s's ({@link #splitL}) and above ({@link #splitR}). */
  private void split(int t, int s) {
    if (t == n) {
      splitL = n;
      splitR = n;
      return;
    }
    if (less(t, s)) {
      split(right[t], s);
      right[t] = splitL;
      update(t);
      splitL = t;
    } else {
      split(left[t], s);
      left[t] = splitR;
      update(t);
      splitR = t;
    }
  }

  private int erase(int t, int s) {
    if (t == s) {
      return merge(left[t], right[t]);
    }
    if (less(s, t)) {
      left[t] = erase(left[t], s);
    } else {
      right[t] = erase(right[t], s);
    }
    update(t);
    return t;
  }

  private int merge(int a, int b) {
    if (a == n) {
      return b;
    }
    if (b == n) {
      return a;
    }
    if (prio[a] > prio[b]) {
      right[a] = merge(right[a], b);
      update(a);
      return a;
    }
    left[b] = merge(a, left[b]);
    update(b);
    return b;
  }
}
