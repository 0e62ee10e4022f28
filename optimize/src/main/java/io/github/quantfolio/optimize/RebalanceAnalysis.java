package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import io.github.quantfolio.optimize.RebalanceRecommendation.Priority;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link RebalanceAdvisor#analyse} found: concentration, correlation, per-asset volatility
 * and momentum, category allocation, portfolio heat, the health score and the recommendations
 * (most urgent first). Immutable; the matrix is copied in and out.
 *
 * @param portfolioValue the book's value {@code V} (cash included)
 * @param assets per-symbol weight, category, volatility and momentum, in book order
 * @param concentration HHI, its level and the over-concentrated positions and categories
 * @param correlation the window's correlation matrix, its average and the flagged pairs
 * @param categoryAllocation weight per category, largest first
 * @param heat portfolio heat, a fraction of {@code V} (see {@link RebalanceAdvisor})
 * @param health the health score and its deductions
 * @param recommendations the actions, sorted by priority, then trade value (largest first), then
 *     symbol
 * @param healthThreshold below this score the book needs rebalancing
 * @param maxPositionWeight the position limit, passed on to {@link #toRebalancer()}
 * @since 0.1.0
 */
public record RebalanceAnalysis(double portfolioValue, List<AssetRisk> assets,
    Concentration concentration, Correlation correlation, Map<String, Double> categoryAllocation,
    double heat, Health health, List<RebalanceRecommendation> recommendations,
    double healthThreshold, double maxPositionWeight) {

  /** Concentration level of the HHI. */
  public enum Level {
    /** HHI below the medium cut-off. */
    LOW,
    /** HHI from the medium cut-off up to the high one. */
    MEDIUM,
    /** HHI above the high cut-off. */
    HIGH
  }

  /**
   * One symbol's window statistics.
   *
   * @param symbol the symbol
   * @param category its category
   * @param weight its weight of portfolio value
   * @param volatility annualised sample volatility of its window returns
   * @param momentum its window return {@code p_T / p_0 - 1}
   */
  public record AssetRisk(String symbol, String category, double weight, double volatility,
      double momentum) {
  }

  /**
   * A position or category above its limit.
   *
   * @param name the symbol or category
   * @param weight its weight
   * @param excessWeight weight above the limit
   * @param excessValue {@code excessWeight x V}
   * @param tradeValue value sold to bring it to its target (limit minus buffer)
   */
  public record Excess(String name, double weight, double excessWeight, double excessValue,
      double tradeValue) {
  }

  /**
   * Concentration.
   *
   * @param hhi Herfindahl-Hirschman index {@code sum w_i^2} over the positions
   * @param level its level
   * @param positions positions above the position limit, in book order
   * @param categories categories above the category limit, in order of first appearance
   */
  public record Concentration(double hhi, Level level, List<Excess> positions,
      List<Excess> categories) {
    /**
     * Copies the lists.
     *
     * @param hhi Herfindahl-Hirschman index
     * @param level its level
     * @param positions positions above the limit
     * @param categories categories above the limit
     */
    public Concentration {
      positions = List.copyOf(positions);
      categories = List.copyOf(categories);
    }
  }

  /**
   * A flagged pair.
   *
   * @param first the earlier symbol in book order
   * @param second the later symbol
   * @param correlation their window return correlation
   * @param weaker the one with the lower window return (the later one on a tie)
   */
  public record CorrelatedPair(String first, String second, double correlation, String weaker) {
  }

  /**
   * Correlation of window returns.
   *
   * @param symbols row and column order of the matrix
   * @param matrix Pearson correlations; NaN in the row and column of a constant series
   * @param average mean of the finite off-diagonal correlations (NaN if none)
   * @param highPairs pairs of major positions above the threshold
   */
  public record Correlation(List<String> symbols, double[][] matrix, double average,
      List<CorrelatedPair> highPairs) {
    /**
     * Copies the lists and the matrix.
     *
     * @param symbols row and column order
     * @param matrix the correlations
     * @param average mean off-diagonal correlation
     * @param highPairs flagged pairs
     */
    public Correlation {
      symbols = List.copyOf(symbols);
      matrix = copy(matrix);
      highPairs = List.copyOf(highPairs);
    }

    /**
     * The matrix (a copy).
     *
     * @return the correlations
     */
    @Override
    public double[][] matrix() {
      return copy(matrix);
    }

    /**
     * One correlation.
     *
     * @param a a symbol of the book
     * @param b another (or the same) symbol
     * @return their correlation
     * @throws IllegalArgumentException for a symbol not in the book
     */
    public double get(String a, String b) {
      return matrix[indexOf(a)][indexOf(b)];
    }

    private int indexOf(String s) {
      int i = symbols.indexOf(s);
      if (i < 0) {
        throw new IllegalArgumentException("Symbol '" + s + "' is not in the book " + symbols);
      }
      return i;
    }

    private static double[][] copy(double[][] m) {
      double[][] c = new double[m.length][];
      for (int i = 0; i < m.length; i++) {
        c[i] = m[i].clone();
      }
      return c;
    }
  }

  /**
   * The health score {@code max(0, 100 - positions - correlation - categories)}.
   *
   * @param score the score in [0, 100]
   * @param positionDeduction points lost to over-concentrated positions
   * @param correlationDeduction points lost to correlated pairs (capped)
   * @param categoryDeduction points lost to over-concentrated categories
   */
  public record Health(double score, double positionDeduction, double correlationDeduction,
      double categoryDeduction) {
  }

  /**
   * Copies the collections.
   *
   * @param portfolioValue the book's value
   * @param assets per-symbol statistics
   * @param concentration concentration
   * @param correlation correlation
   * @param categoryAllocation weight per category
   * @param heat portfolio heat
   * @param health health score
   * @param recommendations the sorted actions
   * @param healthThreshold the rebalancing threshold of the score
   * @param maxPositionWeight the position limit
   */
  public RebalanceAnalysis {
    Checks.notNull(concentration, "concentration");
    Checks.notNull(correlation, "correlation");
    Checks.notNull(health, "health");
    assets = List.copyOf(assets);
    categoryAllocation = Collections.unmodifiableMap(new LinkedHashMap<>(categoryAllocation));
    recommendations = List.copyOf(recommendations);
  }

  /**
   * Seed 001's rule: the score is below the threshold (70) or there is a high-priority action.
   *
   * @return whether the book needs rebalancing
   */
  public boolean needsRebalancing() {
    return health.score() < healthThreshold || highPriorityActions() > 0;
  }

  /**
   * The number of {@link Priority#HIGH} recommendations.
   *
   * @return the count
   */
  public int highPriorityActions() {
    int k = 0;
    for (RebalanceRecommendation r : recommendations) {
      k += r.priority() == Priority.HIGH ? 1 : 0;
    }
    return k;
  }

  /**
   * Target weights: each symbol's current weight, or the lowest target any recommendation gives
   * it. The weights sold stay cash, so they sum to the invested share minus the sales.
   *
   * @return the target weights, in book order
   */
  public Weights targetWeights() {
    Map<String, Double> t = new LinkedHashMap<>();
    for (AssetRisk a : assets) {
      t.put(a.symbol(), a.weight());
    }
    for (RebalanceRecommendation r : recommendations) {
      t.merge(r.symbol(), r.targetWeight(), Math::min);
    }
    return Weights.of(t);
  }

  /**
   * A {@link Rebalancer} towards {@link #targetWeights()}, capped at the position limit (the
   * targets never exceed it: positions above it are trimmed below it, and the others are below).
   *
   * @return the rebalancer
   */
  public Rebalancer toRebalancer() {
    return Rebalancer.of(targetWeights()).withMaxWeight(maxPositionWeight);
  }

  /**
   * The whole-share trades of the recommendations: {@code toRebalancer().plan(...)}.
   *
   * @param holdings shares per symbol (whole shares)
   * @param cash cash in the prices' currency
   * @param prices latest prices
   * @return the plan
   * @throws IllegalArgumentException as {@link Rebalancer#plan} does
   */
  public Rebalancer.Plan toPlan(Map<String, Long> holdings, double cash, AssetVector prices) {
    return toRebalancer().plan(holdings, cash, prices);
  }

  /**
   * A readable report: summary lines, the recommendations, per-asset statistics and categories.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Rebalance analysis of %d positions worth %,.2f%n",
        assets.size(), portfolioValue));
    sb.append(String.format(Locale.ROOT, "health score %.0f / 100 (positions -%.0f, correlation "
        + "-%.0f, categories -%.0f); needs rebalancing: %s%n", health.score(),
        health.positionDeduction(), health.correlationDeduction(), health.categoryDeduction(),
        needsRebalancing() ? "yes" : "no"));
    sb.append(String.format(Locale.ROOT, "HHI %.4f (%s), average correlation %s, %d pair%s above "
        + "the threshold, portfolio heat %.2f %% of value%n", concentration.hhi(),
        concentration.level().name().toLowerCase(Locale.ROOT),
        Double.isNaN(correlation.average()) ? "n/a"
            : String.format(Locale.ROOT, "%.3f", correlation.average()),
        correlation.highPairs().size(), correlation.highPairs().size() == 1 ? "" : "s",
        100 * heat));
    TextTable r = new TextTable("symbol", "action", "reason", "trade value", "priority",
        "confidence", "weight %", "target %");
    for (RebalanceRecommendation x : recommendations) {
      r.row(x.symbol(), x.action().name(), x.reason().name(), TextTable.num(x.tradeValue(), 2),
          x.priority().name(), TextTable.num(x.confidence(), 2),
          TextTable.num(100 * x.currentWeight(), 2), TextTable.num(100 * x.targetWeight(), 2));
    }
    sb.append("recommendations (").append(recommendations.size()).append("):\n");
    sb.append(recommendations.isEmpty() ? "  none\n" : r.render());
    TextTable a = new TextTable("symbol", "category", "weight %", "volatility % (ann.)",
        "momentum %");
    for (AssetRisk x : assets) {
      a.row(x.symbol(), x.category(), TextTable.num(100 * x.weight(), 2),
          TextTable.num(100 * x.volatility(), 2), TextTable.num(100 * x.momentum(), 2));
    }
    sb.append(a.render());
    TextTable c = new TextTable("category", "weight %");
    for (Map.Entry<String, Double> e : categoryAllocation.entrySet()) {
      c.row(e.getKey(), TextTable.num(100 * e.getValue(), 2));
    }
    sb.append(c.render());
    return sb.toString();
  }
}
