package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The book {@link RebalanceAdvisor} analyses: long positions with their weights of portfolio
 * value, a category (sector) per symbol and, optionally, a stop distance per symbol. Made from
 * holdings (quantity x price, plus cash) or from weights with a portfolio value. Immutable;
 * arrays are copied in and out.
 *
 * @since 0.1.0
 */
public final class AdvisorBook {

  /** How far from 1 weights given as weights may sum: rounding in a caller's data, no more. */
  public static final double WEIGHT_TOLERANCE = 1e-6;

  private final List<String> symbols;
  private final double[] weights;
  private final String[] categories;
  private final double[] stopDistances;
  private final double value;

  private AdvisorBook(List<String> symbols, double[] weights, String[] categories,
      double[] stopDistances, double value) {
    this.symbols = symbols;
    this.weights = weights;
    this.categories = categories;
    this.stopDistances = stopDistances;
    this.value = value;
  }

  /**
   * A book from holdings: {@code V = cash + sum q_i p_i}, weight {@code w_i = q_i p_i / V}.
   *
   * @param quantities units held per symbol (fractional allowed), finite and &gt;= 0, at least one
   * @param prices latest price of every held symbol, finite and &gt; 0
   * @param categories category (sector) of every held symbol, not blank
   * @param cash cash in the prices' currency, finite and &gt;= 0
   * @return the book, symbols in the order of {@code quantities}
   * @throws IllegalArgumentException for a negative or non-finite quantity, a missing or
   *     non-positive price, an unknown category, or a portfolio value that is not &gt; 0 (named)
   */
  public static AdvisorBook ofHoldings(Map<String, Double> quantities, AssetVector prices,
      Map<String, String> categories, double cash) {
    Checks.notNull(quantities, "quantities");
    Checks.notNull(prices, "prices");
    Checks.notNull(categories, "categories");
    Checks.nonNegative(cash, "cash");
    List<String> syms = Checks.assetNames(quantities.keySet(), "quantities");
    double[] pv = new double[syms.size()];
    double v = cash;
    for (int i = 0; i < pv.length; i++) {
      String s = syms.get(i);
      double q = Checks.notNull(quantities.get(s), "quantity of '" + s + "'");
      if (!(q >= 0 && q <= Double.MAX_VALUE)) {
        throw new IllegalArgumentException("Quantity of '" + s + "' is " + q
            + "; expected a finite number >= 0 (the advisor analyses long books)");
      }
      if (!prices.contains(s)) {
        throw new IllegalArgumentException("No price for held symbol '" + s + "'");
      }
      double p = prices.get(s);
      if (!(p > 0 && p <= Double.MAX_VALUE)) {
        throw new IllegalArgumentException("Price of '" + s + "' is " + p + "; expected > 0");
      }
      pv[i] = q * p;
      v += pv[i];
    }
    if (!(v > 0 && v <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("Portfolio value (cash " + cash + " + positions) is " + v
          + "; expected a finite value > 0");
    }
    for (int i = 0; i < pv.length; i++) {
      pv[i] /= v;
    }
    return new AdvisorBook(syms, pv, categoriesOf(syms, categories), nanArray(pv.length), v);
  }

  /**
   * A book from weights of a portfolio worth {@code value}; trade values are weight changes times
   * {@code value}.
   *
   * @param weights weight per symbol, each finite and &gt;= 0, summing to 1 within
   *     {@link #WEIGHT_TOLERANCE} (pass cash as a symbol of its own); divided by their sum
   * @param value portfolio value in currency, finite and &gt; 0
   * @param categories category (sector) of every symbol, not blank
   * @return the book
   * @throws IllegalArgumentException for a negative weight, weights not summing to about 1, an
   *     unknown category or a non-positive value (named)
   */
  public static AdvisorBook ofWeights(Weights weights, double value,
      Map<String, String> categories) {
    Checks.notNull(weights, "weights");
    Checks.notNull(categories, "categories");
    Checks.greaterThan(value, 0, "value");
    List<String> syms = weights.assets();
    double[] w = weights.toArray();
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0)) {
        throw new IllegalArgumentException("Weight of '" + syms.get(i) + "' is " + w[i]
            + "; expected >= 0 (the advisor analyses long books)");
      }
    }
    double sum = weights.sum();
    if (!(Math.abs(sum - 1) <= WEIGHT_TOLERANCE)) {
      throw new IllegalArgumentException("Weights sum to " + sum + "; expected 1 within "
          + WEIGHT_TOLERANCE + " (give cash as a symbol of its own)");
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum; // the rounding within the tolerance, so that the weights sum to 1
    }
    return new AdvisorBook(List.copyOf(syms), w, categoriesOf(syms, categories),
        nanArray(w.length), value);
  }

  /**
   * A copy with stop distances: the fraction of a position lost if its stop is hit (e.g. 0.08
   * for a stop 8 % below the price). Positions without one are measured by VaR in the heat.
   *
   * @param distances stop distance per symbol of this book, each in [0, 1]
   * @return the copy
   * @throws IllegalArgumentException for a symbol not in the book or a distance outside [0, 1]
   */
  public AdvisorBook withStopDistances(Map<String, Double> distances) {
    Checks.notNull(distances, "distances");
    double[] d = stopDistances.clone();
    for (Map.Entry<String, Double> e : distances.entrySet()) {
      int i = symbols.indexOf(e.getKey());
      if (i < 0) {
        throw new IllegalArgumentException("Stop distance for '" + e.getKey()
            + "', which is not in the book " + symbols);
      }
      double x = Checks.notNull(e.getValue(), "stop distance of '" + e.getKey() + "'");
      Checks.inRange(x, 0, 1, "stop distance of '" + e.getKey() + "'");
      d[i] = x;
    }
    return new AdvisorBook(symbols, weights, categories, d, value);
  }

  private static String[] categoriesOf(List<String> syms, Map<String, String> categories) {
    String[] c = new String[syms.size()];
    for (int i = 0; i < c.length; i++) {
      String cat = categories.get(syms.get(i));
      if (cat == null || cat.isBlank()) {
        throw new IllegalArgumentException("Category of '" + syms.get(i) + "' is unknown ("
            + (cat == null ? "no entry" : "blank") + " in categories)");
      }
      c[i] = cat;
    }
    return c;
  }

  private static double[] nanArray(int n) {
    double[] d = new double[n];
    Arrays.fill(d, Double.NaN);
    return d;
  }

  /**
   * The symbols, in book order (unmodifiable).
   *
   * @return the symbols
   */
  public List<String> symbols() {
    return symbols;
  }

  /**
   * The weights of portfolio value, in symbol order (a copy).
   *
   * @return the weights
   */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * The categories, in symbol order (unmodifiable).
   *
   * @return the categories
   */
  public List<String> categories() {
    return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(categories)));
  }

  /**
   * The stop distances in symbol order, NaN where none was given (a copy).
   *
   * @return the stop distances
   */
  public double[] stopDistances() {
    return stopDistances.clone();
  }

  /**
   * The portfolio value (cash included) in the prices' currency.
   *
   * @return the portfolio value
   */
  public double value() {
    return value;
  }

  /** Package-internal views without copies, for the advisor's hot path. */
  double[] weightsView() {
    return weights;
  }

  String[] categoriesView() {
    return categories;
  }

  double[] stopsView() {
    return stopDistances;
  }

  /**
   * One line, e.g. {@code AdvisorBook: 8 positions worth 7,019.00, invested 95.00 %}.
   */
  @Override
  public String toString() {
    double invested = 0;
    for (double w : weights) {
      invested += w;
    }
    return String.format(Locale.ROOT, "AdvisorBook: %d position%s worth %,.2f, invested %.2f %%",
        symbols.size(), symbols.size() == 1 ? "" : "s", value, 100 * invested);
  }
}
