package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Immutable portfolio weights labelled by asset: fractions of portfolio value (0.25 = 25%),
 * negative for short positions. Weights need not sum to 1 (a market-neutral book sums to 0, a
 * partly invested one to less than 1); every weight is finite.
 *
 * @since 0.1.0
 */
public final class Weights {

  // Lookups and validation are AssetVector's; `values` is its array, shared, never modified.
  private final AssetVector vector;
  private final List<String> assets;
  private final double[] values;

  private Weights(List<String> assets, double[] values) {
    this.vector = AssetVector.trusted(assets, values, "weight");
    this.assets = assets;
    this.values = values;
  }

  /**
   * Weights from names and values (copied).
   *
   * @param assets the asset names, not empty; no null, blank or repeated name
   * @param weights one finite weight per asset as a fraction of portfolio value (0.25 = 25 %),
   *     negative for a short position
   * @return the weights
   * @throws IllegalArgumentException if the lengths differ, a name is blank or repeated, or a
   *     weight is not finite (the message names the asset)
   */
  public static Weights of(List<String> assets, double[] weights) {
    AssetVector v = AssetVector.of(assets, weights); // same validation
    return new Weights(v.assets(), v.toArray());
  }

  /**
   * Weights from an ordered map (iteration order kept).
   *
   * @param weights asset name to finite weight (a fraction of portfolio value), not empty; no
   *     null key or value
   * @return the weights, in the map's iteration order
   * @throws IllegalArgumentException as for {@link #of(List, double[])}
   */
  public static Weights of(Map<String, Double> weights) {
    AssetVector v = AssetVector.of(weights);
    return new Weights(v.assets(), v.toArray());
  }

  /**
   * Equal weights {@code 1/n} on the given assets.
   *
   * @param assets the asset names, not empty; no null, blank or repeated name
   * @return {@code n} weights of {@code 1/n}, in the given order
   * @throws IllegalArgumentException if the list is empty or a name is blank or repeated
   */
  public static Weights equal(List<String> assets) {
    List<String> names = Checks.assetNames(assets, "assets");
    double[] w = new double[names.size()];
    Arrays.fill(w, 1.0 / names.size());
    return new Weights(names, w);
  }

  /**
   * The asset names in order (unmodifiable).
   *
   * @return the asset names in order (unmodifiable)
   */
  public List<String> assets() {
    return assets;
  }

  /**
   * The number of assets (including zero weights).
   *
   * @return the number of assets (including zero weights)
   */
  public int size() {
    return values.length;
  }

  /**
   * The weight of {@code asset}.
   *
   * @param asset the asset name, not null
   * @return the weight, a fraction of portfolio value
   * @throws IllegalArgumentException if the asset is not part of these weights (use
   *     {@link #getOrZero(String)} to treat absent assets as unheld)
   */
  public double get(String asset) {
    return vector.get(asset);
  }

  /**
   * The weight of {@code asset}, or 0 if it is not part of these weights (not held).
   *
   * @param asset the asset name, not null
   * @return the weight, a fraction of portfolio value, or 0
   */
  public double getOrZero(String asset) {
    return vector.contains(Checks.notNull(asset, "asset")) ? vector.get(asset) : 0.0;
  }

  /**
   * A copy of the weights in asset order.
   *
   * @return a copy of the weights in asset order
   */
  public double[] toArray() {
    return values.clone();
  }

  /**
   * The weights in the order of {@code names}; an asset not part of these weights gets 0 (not
   * held), so weights can be lined up with a larger universe.
   *
   * @param names asset names, in the wanted order, none null
   * @return a new array, one weight per name
   */
  public double[] toArray(List<String> names) {
    Checks.notNull(names, "names");
    double[] out = new double[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = getOrZero(names.get(i));
    }
    return out;
  }

  /**
   * The sum of weights (net exposure): 1 for a fully invested long-only portfolio.
   *
   * @return the sum of weights (net exposure): 1 for a fully invested long-only portfolio
   * @throws ArithmeticException if the sum overflows (weights near the largest double)
   */
  public double sum() {
    double s = 0;
    for (double w : values) {
      s += w;
    }
    return finite(s, "sum");
  }

  /**
   * The sum of absolute weights (gross exposure, i.e. leverage).
   *
   * @return the sum of absolute weights (gross exposure, i.e. leverage)
   * @throws ArithmeticException if the sum overflows
   */
  public double grossExposure() {
    double s = 0;
    for (double w : values) {
      s += Math.abs(w);
    }
    return finite(s, "gross exposure");
  }

  /**
   * The sum of positive weights.
   *
   * @return the sum of positive weights
   * @throws ArithmeticException if the sum overflows
   */
  public double longExposure() {
    double s = 0;
    for (double w : values) {
      s += Math.max(w, 0);
    }
    return finite(s, "long exposure");
  }

  /**
   * The sum of negative weights (a number &lt;= 0).
   *
   * @return the sum of negative weights (a number &lt;= 0)
   * @throws ArithmeticException if the sum overflows
   */
  public double shortExposure() {
    double s = 0;
    for (double w : values) {
      s += Math.min(w, 0);
    }
    return finite(s, "short exposure");
  }

  /** {@code s}, unless a sum of finite weights overflowed. */
  private static double finite(double s, String what) {
    if (!Double.isFinite(s)) {
      throw new ArithmeticException("Weights: the " + what + " of the weights overflows the range"
          + " of double (" + s + "); weights are fractions of portfolio value");
    }
    return s;
  }

  /**
   * Only the assets with a non-zero weight, in order.
   *
   * @return only the assets with a non-zero weight, in order
   * @throws IllegalArgumentException if every weight is zero
   */
  public Weights nonZero() {
    List<String> names = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0) {
        names.add(assets.get(i));
        w.add(values[i]);
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("Every weight is zero");
    }
    double[] arr = new double[w.size()];
    for (int i = 0; i < arr.length; i++) {
      arr[i] = w.get(i);
    }
    return new Weights(List.copyOf(names), arr);
  }

  /**
   * Each weight rounded half-even to {@code decimals} places (of the decimal value, e.g.
   * {@code 0.12345 -> 0.1234} with 4 decimals). The result is not renormalised, so the sum may
   * move by up to {@code n x 0.5 x 10^-decimals}. From 342 decimals on nothing changes: the
   * shortest decimal form of any double has at most 341 places.
   *
   * @param decimals the decimal places to keep, &gt;= 0
   * @return the rounded weights, same assets
   */
  public Weights rounded(int decimals) {
    Checks.notNegative(decimals, "decimals");
    int places = Math.min(decimals, 341); // beyond, setScale would only append zeros (slowly)
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = new BigDecimal(Double.toString(values[i])).setScale(places, RoundingMode.HALF_EVEN)
          .doubleValue();
    }
    return new Weights(assets, out);
  }

  /**
   * Weights with {@code |w| < cutoff} set to 0 (an explicit, documented clean-up of solver
   * dust, as PyPortfolioOpt's {@code clean_weights}); not renormalised.
   *
   * @param cutoff the smallest absolute weight kept, finite and &gt;= 0 (e.g. 1e-4; 0 keeps
   *     everything)
   * @return the cleaned weights, same assets (zeros are kept, not dropped)
   */
  public Weights withoutBelow(double cutoff) {
    Checks.finite(cutoff, "cutoff");
    if (cutoff < 0) {
      throw new IllegalArgumentException("Expected cutoff >= 0, but found " + cutoff);
    }
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      if (Math.abs(out[i]) < cutoff) {
        out[i] = 0.0;
      }
    }
    return new Weights(assets, out);
  }

  /**
   * Weights scaled to sum to 1.
   *
   * @return weights scaled to sum to 1, same assets
   * @throws IllegalArgumentException if the sum is zero
   * @throws ArithmeticException if the sum overflows
   */
  public Weights normalized() {
    double s = sum();
    if (s == 0 || !Double.isFinite(s)) {
      throw new IllegalArgumentException("Cannot normalise weights that sum to " + s);
    }
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] /= s;
    }
    return new Weights(assets, out);
  }

  /**
   * Two-way turnover to reach these weights from {@code previous}: {@code sum_i |w_i - p_i|} over
   * the union of both asset sets (an asset absent from one side has weight 0 there). Buying 10%
   * of one asset with the proceeds of selling 10% of another is a turnover of 0.2.
   *
   * @param previous the weights before the trade
   * @return the turnover as a fraction of portfolio value, &gt;= 0
   * @throws ArithmeticException if the sum overflows
   */
  public double turnover(Weights previous) {
    Checks.notNull(previous, "previous");
    Set<String> all = new LinkedHashSet<>(assets);
    all.addAll(previous.assets);
    double s = 0;
    for (String a : all) {
      s += Math.abs(getOrZero(a) - previous.getOrZero(a));
    }
    return finite(s, "turnover");
  }

  /**
   * The weights as an {@link AssetVector}.
   *
   * @return the weights as an {@link AssetVector}
   */
  public AssetVector toAssetVector() {
    return vector;
  }

  /**
   * An ordered, unmodifiable map copy.
   *
   * @return an ordered, unmodifiable map copy
   */
  public Map<String, Double> toMap() {
    return vector.toMap();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Weights w && w.vector.equals(vector);
  }

  @Override
  public int hashCode() {
    return vector.hashCode();
  }

  /** A table of asset, weight and percentage, then the sum. */
  @Override
  public String toString() {
    TextTable t = new TextTable("asset", "weight", "%");
    for (int i = 0; i < values.length; i++) {
      t.row(assets.get(i), TextTable.fixed(values[i], 6), TextTable.fixed(values[i] * 100, 2));
    }
    t.row("sum", TextTable.fixed(sum(), 6), TextTable.fixed(sum() * 100, 2));
    return t.render();
  }
}
