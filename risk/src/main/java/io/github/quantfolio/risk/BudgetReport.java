package io.github.quantfolio.risk;

import io.github.quantfolio.core.internal.Checks;
import java.util.List;
import java.util.Locale;

/**
 * A {@link RiskBudget} checked against measured risk: per entity its share and allocation, the
 * risk measured, utilisation, whether it is in violation, its share of the measured risk and the
 * drift from its budget share; and whether the drift calls for a rebalance.
 *
 * @param budget the budget
 * @param allocationType how the shares were set
 * @param market the market state applied
 * @param scaledTotal the total budget after the market scale
 * @param totalRisk the sum of the entities' measured risks
 * @param lines one line per entity, in the shares' order
 * @param needsRebalance whether some entity's risk share drifted beyond the rebalance threshold
 * @since 0.1.0
 */
public record BudgetReport(RiskBudget budget, String allocationType, RiskBudget.Market market,
    double scaledTotal, double totalRisk, List<Line> lines, boolean needsRebalance) {

  /**
   * One entity.
   *
   * @param entity the entity
   * @param share its share of the budget
   * @param allocated its budget, {@code share x scaledTotal}
   * @param risk its measured risk
   * @param utilisation {@code risk / allocated}
   * @param violation whether utilisation is above the violation threshold
   * @param riskShare its share of the total measured risk
   * @param drift {@code riskShare - share}
   */
  public record Line(String entity, double share, double allocated, double risk,
      double utilisation, boolean violation, double riskShare, double drift) {
  }

  /**
   * Copies the lines.
   *
   * @param budget the budget
   * @param allocationType the allocation type
   * @param market the market state
   * @param scaledTotal the scaled total
   * @param totalRisk the total measured risk
   * @param lines the lines
   * @param needsRebalance whether to rebalance
   */
  public BudgetReport {
    Checks.notNull(budget, "budget");
    lines = List.copyOf(Checks.notNull(lines, "lines"));
  }

  /**
   * The entities in violation.
   *
   * @return their lines
   */
  public List<Line> violations() {
    return lines.stream().filter(Line::violation).toList();
  }

  /** A table: entity, share, allocated, risk, utilisation, risk share, drift, flags. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "Risk budget: %s, %s, %s market: %.4f allocated, %.4f used (%.0f %%)%s%n",
        budget.measure(), allocationType, market, scaledTotal, totalRisk,
        100 * totalRisk / scaledTotal, needsRebalance ? ", REBALANCE" : ""));
    b.append(String.format(Locale.ROOT, "%-16s %7s %9s %9s %8s %8s %7s%n", "entity", "share",
        "allocated", "risk", "used", "of risk", "drift"));
    for (Line l : lines) {
      b.append(String.format(Locale.ROOT, "%-16s %6.1f%% %9.4f %9.4f %7.0f%% %7.1f%% %+6.1f%s%n",
          l.entity(), 100 * l.share(), l.allocated(), l.risk(), 100 * l.utilisation(),
          100 * l.riskShare(), 100 * l.drift(), l.violation() ? "  VIOLATION" : ""));
    }
    return b.toString();
  }
}
