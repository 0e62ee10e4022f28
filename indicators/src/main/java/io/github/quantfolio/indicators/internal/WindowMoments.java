package io.github.quantfolio.indicators.internal;

/**
 * Mean and population variance of the last {@code n} values of a stream, by the block scheme of
 * {@link WindowSum}: Welford's update accumulates (count, mean, M2) of the current block's prefix;
 * the previous block's suffixes are accumulated backwards once per block; the two parts are merged
 * with Chan, Golub and LeVeque's pairwise formula
 * {@code M2 = M2a + M2b + delta^2 na nb / n}, {@code delta = mean_b - mean_a}.
 *
 * <p>Unlike the textbook running sums of {@code x} and {@code x^2} (TA-Lib's
 * {@code E[x^2] - E[x]^2}), this neither cancels catastrophically when the mean is large relative
 * to the spread nor carries residues from values that left the window: a window of equal values
 * has exactly zero variance. Reference: T. F. Chan, G. H. Golub, R. J. LeVeque, "Algorithms for
 * computing the sample variance: analysis and recommendations", The American Statistician 37(3),
 * 1983; B. P. Welford, Technometrics 4(3), 1962.
 *
 * <p>{@link Dispersion} performs exactly these operations in the same order.
 */
public final class WindowMoments {

  private final int n;
  private final double[] block;
  private final double[] sufMean;
  private final double[] sufM2;
  private final double[] inv;
  private final double[] frac;
  private final double[] cross;
  private double pm;
  private double pq;
  private int pos;
  private boolean full;
  private double mean = Double.NaN;
  private double m2 = Double.NaN;

  /** A window of {@code n >= 1} values. */
  public WindowMoments(int n) {
    this.n = n;
    this.block = new double[n];
    this.sufMean = new double[n + 1];
    this.sufM2 = new double[n + 1];
    this.inv = Dispersion.reciprocals(n);
    this.frac = Dispersion.fractions(n);
    this.cross = Dispersion.crossWeights(n);
  }

  /**
   * Adds a finite value; returns true once the window holds {@code n} values (then
   * {@link #mean()} and {@link #m2()} describe it; before, they are NaN).
   */
  public boolean add(double v) {
    block[pos] = v;
    pos++;
    double d = v - pm;
    pm += d * inv[pos];
    pq += d * (v - pm);
    if (full) {
      double delta = pm - sufMean[pos];
      mean = sufMean[pos] + delta * frac[pos];
      m2 = sufM2[pos] + pq + delta * delta * cross[pos];
    } else if (pos == n) {
      mean = pm;
      m2 = pq;
    }
    if (pos == n) {
      Dispersion.suffixMoments(block, 0, n, inv, sufMean, sufM2);
      pm = 0;
      pq = 0;
      pos = 0;
      full = true;
    }
    return mean == mean;
  }

  /** The window's mean (NaN until full). */
  public double mean() {
    return mean;
  }

  /** The window's sum of squared deviations from its mean, M2 (NaN until full). */
  public double m2() {
    return m2;
  }

  /** Forgets every value (a new warm-up starts). */
  public void clear() {
    pm = 0;
    pq = 0;
    pos = 0;
    full = false;
    mean = Double.NaN;
    m2 = Double.NaN;
  }
}
