package io.github.quantfolio.optimize;

import io.github.quantfolio.core.internal.Checks;

/**
 * One action proposed by {@link RebalanceAdvisor}: reduce {@code symbol} from
 * {@code currentWeight} to {@code targetWeight}, worth {@code tradeValue} in the book's currency.
 * Every rule of seed 001 reduces risk, so the action is always {@link Action#SELL}; the proceeds
 * stay cash.
 *
 * @param symbol the symbol to trade
 * @param action what to do
 * @param reason which rule proposed it
 * @param tradeValue value to sell, {@code (currentWeight - targetWeight) x V}, &gt;= 0
 * @param priority how urgent
 * @param confidence how sure the rule is, in [0, 1] (fixed per rule, see {@link RebalanceAdvisor})
 * @param currentWeight the symbol's weight now
 * @param targetWeight the weight the rule proposes, in [0, currentWeight]
 * @since 0.1.0
 */
public record RebalanceRecommendation(String symbol, Action action, Reason reason,
    double tradeValue, Priority priority, double confidence, double currentWeight,
    double targetWeight) {

  /** What to do. */
  public enum Action {
    /** Sell down to the target weight. */
    SELL
  }

  /** Which rule proposed the action (seed 001's four strategies plus category limits). */
  public enum Reason {
    /** The position is above the position limit (seed: 25 %, trimmed to 23 %). */
    CONCENTRATION_RISK,
    /** The position's category is above the category limit (seed: 40 %). */
    CATEGORY_CONCENTRATION,
    /** The position is the weaker performer of a highly correlated pair (seed: above 0.7). */
    CORRELATION_RISK,
    /** A large position with high volatility: re-sized to the risk it would carry at the limit. */
    VOLATILITY_RISK,
    /** A significant position with strongly negative momentum over the window. */
    NEGATIVE_MOMENTUM
  }

  /** How urgent, most urgent first (the sort order of the recommendations). */
  public enum Priority {
    /** Act now; makes {@link RebalanceAnalysis#needsRebalancing()} true. */
    HIGH,
    /** Act at the next rebalance. */
    MEDIUM,
    /** Consider. */
    LOW
  }

  /**
   * Validates the values.
   *
   * @param symbol the symbol to trade
   * @param action what to do
   * @param reason which rule proposed it
   * @param tradeValue value to sell, finite and &gt;= 0
   * @param priority how urgent
   * @param confidence in [0, 1]
   * @param currentWeight in [0, 1] (plus {@link AdvisorBook#WEIGHT_TOLERANCE})
   * @param targetWeight in [0, currentWeight]
   */
  public RebalanceRecommendation {
    Checks.notNull(symbol, "symbol");
    Checks.notNull(action, "action");
    Checks.notNull(reason, "reason");
    Checks.notNull(priority, "priority");
    Checks.nonNegative(tradeValue, "tradeValue of '" + symbol + "'");
    Checks.inRange(confidence, 0, 1, "confidence of '" + symbol + "'");
    Checks.inRange(currentWeight, 0, 1 + AdvisorBook.WEIGHT_TOLERANCE,
        "currentWeight of '" + symbol + "'");
    Checks.inRange(targetWeight, 0, currentWeight, "targetWeight of '" + symbol + "'");
  }
}
