package io.github.quantfolio.risk;

import io.github.quantfolio.core.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each entity's share of a {@link RiskBudget} (shares sum to 1), by seed 002's six allocation
 * types. Entities keep the order they are given in.
 *
 * @param type the allocation type, in words (e.g. {@code "confidence weighted"})
 * @param shares each entity's share, &gt;= 0, summing to 1
 * @since 0.1.0
 */
public record BudgetShares(String type, Map<String, Double> shares) {

  /** Shares must sum to 1 within this. */
  public static final double SUM_TOLERANCE = 1e-9;

  /**
   * Validates and copies (keeping the order).
   *
   * @param type the allocation type
   * @param shares the shares
   */
  public BudgetShares {
    Checks.notNull(type, "type");
    Checks.notNull(shares, "shares");
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("Budget shares (" + type + "): no entity");
    }
    double sum = 0;
    for (Map.Entry<String, Double> e : shares.entrySet()) {
      Checks.notNull(e.getKey(), "entity");
      Double v = e.getValue();
      if (v == null || !(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("Budget shares (" + type + "): the share of '"
            + e.getKey() + "' is " + v + "; shares must be finite and >= 0");
      }
      sum += v;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException("Budget shares (" + type + "): shares sum to " + sum
          + ", not 1");
    }
    shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
  }

  /**
   * Equal risk: {@code 1 / n} each.
   *
   * @param entities the entities, not empty, distinct
   * @return the shares
   */
  public static BudgetShares equalRisk(List<String> entities) {
    Checks.notNull(entities, "entities");
    Map<String, Double> m = new LinkedHashMap<>();
    for (String e : entities) {
      if (m.put(Checks.notNull(e, "entity"), 1.0 / entities.size()) != null) {
        throw new IllegalArgumentException("Budget shares: duplicate entity '" + e + "'");
      }
    }
    return new BudgetShares("equal risk", m);
  }

  /**
   * Volatility weighted: proportional to the inverse of each entity's volatility, so that a
   * calmer entity gets a larger share of the budget.
   *
   * @param volatilities each entity's volatility, finite and &gt; 0
   * @return the shares
   */
  public static BudgetShares volatilityWeighted(Map<String, Double> volatilities) {
    return proportional("volatility weighted (inverse volatility)", volatilities, true);
  }

  /**
   * Confidence weighted: proportional to each entity's signal confidence.
   *
   * @param confidences each entity's confidence, in (0, 1]
   * @return the shares
   */
  public static BudgetShares confidenceWeighted(Map<String, Double> confidences) {
    confidences.forEach((e, c) -> {
      if (c == null || !(c > 0 && c <= 1)) {
        throw new IllegalArgumentException("Budget shares: the confidence of '" + e + "' is " + c
            + "; confidences must be in (0, 1]");
      }
    });
    return proportional("confidence weighted", confidences, false);
  }

  /**
   * Strategy weighted: proportional to each strategy's weight (its capital, say).
   *
   * @param weights each entity's weight, finite and &gt; 0
   * @return the shares
   */
  public static BudgetShares strategyWeighted(Map<String, Double> weights) {
    return proportional("strategy weighted", weights, false);
  }

  /**
   * Sector weighted: an equal share per sector, split equally among its entities.
   *
   * @param sectorOf each entity's sector
   * @return the shares
   */
  public static BudgetShares sectorWeighted(Map<String, String> sectorOf) {
    Checks.notNull(sectorOf, "sectorOf");
    Map<String, Integer> count = new TreeMap<>();
    sectorOf.forEach((e, s) -> count.merge(Checks.notNull(s, "sector of '" + e + "'"), 1,
        Integer::sum));
    Map<String, Double> m = new LinkedHashMap<>();
    sectorOf.forEach((e, s) -> m.put(e, 1.0 / count.size() / count.get(s)));
    return new BudgetShares("sector weighted", m);
  }

  /**
   * Custom shares, given directly (they must sum to 1).
   *
   * @param shares each entity's share
   * @return the shares
   */
  public static BudgetShares custom(Map<String, Double> shares) {
    return new BudgetShares("custom", shares);
  }

  private static BudgetShares proportional(String type, Map<String, Double> x, boolean inverse) {
    Checks.notNull(x, type);
    double sum = 0;
    for (Map.Entry<String, Double> e : x.entrySet()) {
      Double v = e.getValue();
      if (v == null || !(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("Budget shares (" + type + "): the input of '"
            + e.getKey() + "' is " + v + "; it must be finite and > 0");
      }
      sum += inverse ? 1 / v : v;
    }
    Map<String, Double> m = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : x.entrySet()) {
      m.put(e.getKey(), (inverse ? 1 / e.getValue() : e.getValue()) / sum);
    }
    return new BudgetShares(type, m);
  }
}
