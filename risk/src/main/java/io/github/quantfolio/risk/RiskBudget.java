package io.github.quantfolio.risk;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A risk budget (seed 002): a total amount of risk, for example a one-day 95 % VaR of 2 % of the
 * portfolio, shared among entities (symbols, strategies or sectors) by {@link BudgetShares}, and
 * checked against what each entity's returns measure: utilisation, violations above 120 % of
 * the allocation, and a rebalance trigger when an entity's share of the measured risk drifts more
 * than 10 points from its share of the budget. In a stressed market the total is scaled down.
 *
 * <pre>{@code
 * RiskBudget budget = RiskBudget.of(0.02, RiskBudget.Measure.VAR_95);
 * BudgetShares shares = BudgetShares.confidenceWeighted(Map.of("momentum", 0.8, "carry", 0.6));
 * BudgetReport report = budget.evaluate(shares, contributions, RiskBudget.Market.NORMAL, null);
 * }</pre>
 *
 * <p>Each entity's returns are its contribution to the portfolio's return per period (its
 * P&amp;L over the portfolio's value), so that measures are in the budget's unit. Immutable.
 *
 * @param total the total budget in the measure's unit (a fraction of portfolio value), &gt; 0
 * @param measure how risk is measured
 * @param violationThreshold utilisation above which an entity is in violation (seed: 1.2)
 * @param rebalanceThreshold the drift of risk shares that triggers a rebalance (seed: 0.1)
 * @param stressedScale the factor applied to the total in a stressed market, in (0, 1]
 * @since 0.1.0
 */
public record RiskBudget(double total, Measure measure, double violationThreshold,
    double rebalanceThreshold, double stressedScale) {

  /** How an entity's risk is measured, per period, as a positive fraction of portfolio value. */
  public enum Measure {
    /** Standard deviation of the returns (n - 1). */
    VOLATILITY,
    /** Historical one-period 95 % value at risk, as a loss (needs 20 returns). */
    VAR_95,
    /** Historical one-period 99 % value at risk, as a loss (needs 100 returns). */
    VAR_99,
    /** Historical 95 % expected shortfall (mean of the worst 5 %), as a loss. */
    EXPECTED_SHORTFALL,
    /** Maximum drawdown of the compounded returns, as a positive fraction. */
    MAX_DRAWDOWN,
    /** |beta| of the returns to a benchmark: the beta-adjusted exposure of a contribution. */
    BETA_EXPOSURE
  }

  /** The market state that scales the budget (from a regime detector, for example). */
  public enum Market {
    /** The full budget. */
    NORMAL,
    /** The budget times {@link RiskBudget#stressedScale()}. */
    STRESSED
  }

  /**
   * Validates the fields.
   *
   * @param total the total budget, finite and &gt; 0
   * @param measure how risk is measured
   * @param violationThreshold utilisation that is a violation, finite and &gt; 0
   * @param rebalanceThreshold drift that triggers a rebalance, in (0, 1]
   * @param stressedScale factor of the total in a stressed market, in (0, 1]
   */
  public RiskBudget {
    Checks.positive(total, "total");
    Checks.notNull(measure, "measure");
    Checks.positive(violationThreshold, "violationThreshold");
    Checks.inRange(rebalanceThreshold, Double.MIN_VALUE, 1, "rebalanceThreshold");
    Checks.inRange(stressedScale, Double.MIN_VALUE, 1, "stressedScale");
  }

  /**
   * A budget with seed 002's thresholds: violations above 120 % of an allocation, a rebalance at
   * 10 points of drift, and half the budget in a stressed market.
   *
   * @param total the total budget (0.02 = 2 % of portfolio value)
   * @param measure how risk is measured
   * @return the budget
   */
  public static RiskBudget of(double total, Measure measure) {
    return new RiskBudget(total, measure, 1.2, 0.1, 0.5);
  }

  /**
   * This budget with another violation threshold.
   *
   * @param threshold utilisation that is a violation (1.2 = 120 %), &gt; 0
   * @return a copy
   */
  public RiskBudget withViolationThreshold(double threshold) {
    return new RiskBudget(total, measure, threshold, rebalanceThreshold, stressedScale);
  }

  /**
   * This budget with another rebalance threshold.
   *
   * @param threshold drift of risk shares that triggers a rebalance, in (0, 1]
   * @return a copy
   */
  public RiskBudget withRebalanceThreshold(double threshold) {
    return new RiskBudget(total, measure, violationThreshold, threshold, stressedScale);
  }

  /**
   * This budget with another scale in stressed markets.
   *
   * @param scale factor of the total, in (0, 1]
   * @return a copy
   */
  public RiskBudget withStressedScale(double scale) {
    return new RiskBudget(total, measure, violationThreshold, rebalanceThreshold, scale);
  }

  /**
   * Measures each entity's risk and compares it with its allocation.
   *
   * @param shares each entity's share of the budget
   * @param returns each entity's per-period contribution returns (every entity of the shares,
   *     no other); NaN for a missing period
   * @param market the market state (a stressed market scales the total)
   * @param benchmark the benchmark's returns for {@link Measure#BETA_EXPOSURE} (same length as
   *     each entity's returns); null for the other measures
   * @return the report
   * @throws IllegalArgumentException if an entity has no returns, an entity of the returns has
   *     no share, a benchmark is missing for beta, or a measure is undefined (too few returns:
   *     the entity and the count are named)
   */
  public BudgetReport evaluate(BudgetShares shares, Map<String, double[]> returns, Market market,
      double[] benchmark) {
    Checks.notNull(shares, "shares");
    Checks.notNull(returns, "returns");
    Checks.notNull(market, "market");
    for (String e : returns.keySet()) {
      if (!shares.shares().containsKey(e)) {
        throw new IllegalArgumentException("Risk budget: returns of '" + e + "', which has no"
            + " share of the budget " + shares.shares().keySet());
      }
    }
    if (measure == Measure.BETA_EXPOSURE && benchmark == null) {
      throw new IllegalArgumentException("Risk budget: BETA_EXPOSURE needs a benchmark");
    }
    double scaledTotal = market == Market.STRESSED ? total * stressedScale : total;
    Map<String, Double> risk = new LinkedHashMap<>();
    double sum = 0;
    for (String e : shares.shares().keySet()) {
      double[] r = returns.get(e);
      if (r == null) {
        throw new IllegalArgumentException("Risk budget: no returns of entity '" + e + "'");
      }
      double m = measure(r, benchmark, e);
      risk.put(e, m);
      sum += m;
    }
    List<BudgetReport.Line> lines = new ArrayList<>();
    boolean rebalance = false;
    for (Map.Entry<String, Double> s : shares.shares().entrySet()) {
      String e = s.getKey();
      double allocated = scaledTotal * s.getValue();
      double m = risk.get(e);
      double riskShare = sum > 0 ? m / sum : 0;
      double drift = riskShare - s.getValue();
      rebalance |= Math.abs(drift) > rebalanceThreshold;
      lines.add(new BudgetReport.Line(e, s.getValue(), allocated, m, m / allocated,
          m / allocated > violationThreshold, riskShare, drift));
    }
    return new BudgetReport(this, shares.type(), market, scaledTotal, sum, lines, rebalance);
  }

  private double measure(double[] r, double[] benchmark, String entity) {
    double v = switch (measure) {
      case VOLATILITY -> Metrics.annualVolatility(r, Frequency.of(1)); // one period a year
      case VAR_95 -> -Metrics.valueAtRisk(r, 0.95, VarMethod.HISTORICAL);
      case VAR_99 -> -Metrics.valueAtRisk(r, 0.99, VarMethod.HISTORICAL);
      case EXPECTED_SHORTFALL -> -Metrics.conditionalValueAtRisk(r, 0.95, VarMethod.HISTORICAL);
      case MAX_DRAWDOWN -> -Metrics.maxDrawdown(r);
      case BETA_EXPOSURE -> Math.abs(Metrics.beta(r, benchmark));
    };
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException("Risk budget: the " + measure + " of '" + entity
          + "' is undefined (" + r.length + " returns; VAR_95 and EXPECTED_SHORTFALL need 20"
          + " valid returns, VAR_99 100, VOLATILITY 2)");
    }
    return v;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "RiskBudget[%s of %.4f, violation above %.0f %%, rebalance"
        + " at %.0f points of drift, x %.2f when stressed]", measure, total,
        100 * violationThreshold, 100 * rebalanceThreshold, stressedScale);
  }
}
