package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable vector of finite values labelled by asset name: expected returns, latest prices,
 * volatilities. Units are those of whatever produced it (documented there); its {@link #label()}
 * says what the values are (e.g. "latest price"), and heads the value column of
 * {@link #toString()}.
 *
 * @since 0.1.0
 */
public final class AssetVector {

  private static final String DEFAULT_LABEL = "value";

  private final List<String> assets;
  private final double[] values;
  private final Map<String, Integer> positions;
  private final String label;
  // Decimals toString() prints, as the frame the values came from does (latest prices: 4), or
  // -1 for about 6 significant digits.
  private final int decimals;

  private AssetVector(List<String> assets, double[] values) {
    this(assets, values, DEFAULT_LABEL, -1);
  }

  private AssetVector(List<String> assets, double[] values, String label, int decimals) {
    this.label = label;
    this.decimals = decimals;
    this.assets = assets;
    this.values = values;
    Map<String, Integer> p = new HashMap<>(assets.size() * 2);
    for (int i = 0; i < assets.size(); i++) {
      p.put(assets.get(i), i);
    }
    this.positions = p;
  }

  static AssetVector trusted(List<String> assets, double[] values) {
    return new AssetVector(assets, values);
  }

  static AssetVector trusted(List<String> assets, double[] values, String label) {
    return new AssetVector(assets, values, label, -1);
  }

  /** Values that print with {@code decimals} places, never as 0 (prices), like their frame. */
  static AssetVector trustedPrices(List<String> assets, double[] values, String label,
      int decimals) {
    return new AssetVector(assets, values, label, decimals);
  }

  /**
   * What the values are, e.g. {@code "latest price"} or {@code "expected return (annualised)"};
   * {@code "value"} unless set by the producer or {@link #withLabel(String)}.
   *
   * @return the label
   * @since 0.1.0
   */
  public String label() {
    return label;
  }

  /**
   * This vector with another label (for {@link #toString()}; {@link #equals(Object)} ignores it).
   *
   * @param label what the values are, not blank
   * @return a new vector sharing the values
   * @since 0.1.0
   */
  public AssetVector withLabel(String label) {
    Checks.notNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("Argument 'label' must not be blank");
    }
    return new AssetVector(assets, values, label, decimals);
  }

  /**
   * A vector from names and values (copied).
   *
   * @param assets the asset names, not empty; no null, blank or repeated name
   * @param values one finite value per asset, in the order of {@code assets}
   * @return the vector, labelled {@code "value"}
   * @throws IllegalArgumentException if the lengths differ, a name is blank or repeated, or a
   *     value is not finite (the message names the asset)
   */
  public static AssetVector of(List<String> assets, double[] values) {
    List<String> names = Checks.assetNames(assets, "assets");
    Checks.notNull(values, "values");
    if (values.length != names.size()) {
      throw new IllegalArgumentException("Expected " + names.size() + " values (one per asset), but found "
          + values.length);
    }
    double[] copy = values.clone();
    for (int i = 0; i < copy.length; i++) {
      if (!Double.isFinite(copy[i])) {
        throw new IllegalArgumentException("Value of '" + names.get(i) + "' is " + copy[i]
            + "; an AssetVector holds finite values");
      }
    }
    return new AssetVector(names, copy);
  }

  /**
   * A vector from an ordered map of names to values (iteration order is kept).
   *
   * @param values asset name to finite value, not empty; no null key or value
   * @return the vector, labelled {@code "value"}, in the map's iteration order
   * @throws IllegalArgumentException as for {@link #of(List, double[])}
   */
  public static AssetVector of(Map<String, Double> values) {
    Checks.notNull(values, "values");
    double[] v = new double[values.size()];
    int i = 0;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      if (e.getKey() == null) {
        throw new NullPointerException("An asset name in 'values' is null");
      }
      Double d = e.getValue();
      if (d == null) {
        throw new NullPointerException("Value of '" + e.getKey() + "' is null");
      }
      v[i++] = d;
    }
    return of(List.copyOf(values.keySet()), v);
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
   * The number of assets.
   *
   * @return the number of assets
   */
  public int size() {
    return values.length;
  }

  /**
   * The value of {@code asset}.
   *
   * @param asset the asset name, not null
   * @return the value of {@code asset}
   * @throws IllegalArgumentException if the asset is unknown
   */
  public double get(String asset) {
    Checks.notNull(asset, "asset");
    Integer p = positions.get(asset);
    if (p == null) {
      throw new IllegalArgumentException("Unknown asset '" + asset + "'; this AssetVector has " + assets);
    }
    return values[p];
  }

  /**
   * The value at position {@code i}.
   *
   * @param i the 0-based position, {@code 0 <= i < size()}
   * @return the value at position {@code i}
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public double get(int i) {
    return values[i];
  }

  /**
   * Whether {@code asset} is present.
   *
   * @param asset the asset name
   * @return whether {@code asset} is present (false for null)
   */
  public boolean contains(String asset) {
    return positions.containsKey(asset);
  }

  /**
   * A copy of the values in asset order.
   *
   * @return a copy of the values in asset order
   */
  public double[] toArray() {
    return values.clone();
  }

  /**
   * The values in the order of {@code names}, e.g. to line up with a frame's columns.
   *
   * @param names asset names of this vector, in the wanted order (a name may repeat)
   * @return a new array, one value per name
   * @throws IllegalArgumentException if a name is not in this vector
   */
  public double[] toArray(List<String> names) {
    Checks.notNull(names, "names");
    double[] out = new double[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = get(names.get(i));
    }
    return out;
  }

  /**
   * The named assets in the given order (with this vector's label).
   *
   * @param names asset names of this vector, not empty; no null, blank or repeated name
   * @return a new vector of those assets in the order of {@code names}, with this vector's label
   * @throws IllegalArgumentException if a name is not in this vector
   */
  public AssetVector select(List<String> names) {
    List<String> chosen = Checks.assetNames(names, "names");
    return new AssetVector(chosen, toArray(chosen), label, decimals);
  }

  /**
   * The values as a map from asset name to value, in asset order.
   *
   * @return an ordered, unmodifiable copy
   */
  public Map<String, Double> toMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(assets.get(i), values[i]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Equal when the assets and values are (the label is presentation, not compared). */
  @Override
  public boolean equals(Object o) {
    return o instanceof AssetVector v && v.assets.equals(assets) && Arrays.equals(v.values, values);
  }

  @Override
  public int hashCode() {
    return assets.hashCode() * 31 + Arrays.hashCode(values);
  }

  /**
   * A two-column table: asset, and the values headed by the {@link #label()}, in one notation:
   * about 6 significant digits of the largest value (scientific notation for all when it is below
   * 1e-4 or at least 1e9, or a value would print as 0); latest prices with their frame's 4
   * decimals.
   */
  @Override
  public String toString() {
    TextTable t = new TextTable("asset", label);
    for (int i = 0; i < values.length; i++) {
      t.row(assets.get(i), decimals < 0 ? TextTable.significant(values[i], 6)
          : TextTable.nonZero(values[i], decimals));
    }
    return t.render();
  }
}
