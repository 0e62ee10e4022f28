package io.github.quantfolio.backtest;

import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.indicators.Regime;
import io.github.quantfolio.indicators.RegimeDetector;
import io.github.quantfolio.risk.RiskBudget;
import java.util.EnumSet;
import java.util.Set;

/**
 * The market state that scales a {@link RiskBudget} (seed 002: a smaller risk budget in a
 * stressed market), read from a {@link RegimeDetector}'s label. It lives here because risk does
 * not depend on indicators; backtest depends on both.
 *
 * <p>By default only {@link Regime#HIGH_VOLATILITY} is stressed; {@link #of(Regime, Set)} takes
 * the caller's set (e.g. adding {@link Regime#TRENDING_DOWN}). {@link Regime#UNKNOWN} (warm-up)
 * is refused rather than read as calm.
 *
 * @since 0.3.0
 */
public final class MarketStress {

  private static final Set<Regime> DEFAULT = EnumSet.of(Regime.HIGH_VOLATILITY);

  private MarketStress() {
  }

  /**
   * {@link RiskBudget.Market#STRESSED} for {@link Regime#HIGH_VOLATILITY}, else
   * {@link RiskBudget.Market#NORMAL}.
   *
   * @param regime a label, not {@link Regime#UNKNOWN}
   * @return the market state
   * @throws IllegalArgumentException for {@link Regime#UNKNOWN}
   */
  public static RiskBudget.Market of(Regime regime) {
    return of(regime, DEFAULT);
  }

  /**
   * {@link RiskBudget.Market#STRESSED} when {@code regime} is in {@code stressed}.
   *
   * @param regime a label, not {@link Regime#UNKNOWN}
   * @param stressed the labels that count as stressed, not containing {@link Regime#UNKNOWN}
   * @return the market state
   * @throws IllegalArgumentException for {@link Regime#UNKNOWN} in either argument
   */
  public static RiskBudget.Market of(Regime regime, Set<Regime> stressed) {
    Checks.notNull(regime, "regime");
    Checks.notNull(stressed, "stressed");
    if (stressed.contains(Regime.UNKNOWN)) {
      throw new IllegalArgumentException("UNKNOWN (no label yet) cannot be a stressed regime");
    }
    if (regime == Regime.UNKNOWN) {
      throw new IllegalArgumentException("The regime is UNKNOWN (the detector has not seen enough"
          + " bars, or a bar was missing): the market state cannot be told");
    }
    return stressed.contains(regime) ? RiskBudget.Market.STRESSED : RiskBudget.Market.NORMAL;
  }

  /**
   * The market state at the last row of {@code prices}, from {@code detector}'s label of their
   * equal-weight index (each asset's price over its first, averaged; the index stands in for
   * high, low and close as in {@link Allocator#byRegime}).
   *
   * @param detector the detector
   * @param prices at least {@code detector.lookback() + 1} rows, the last one the present
   * @return the market state of the last row (default stressed set)
   * @throws IllegalArgumentException if the last row's label is {@link Regime#UNKNOWN}, saying
   *     how many rows the detector needs
   */
  public static RiskBudget.Market of(RegimeDetector detector, PriceFrame prices) {
    Checks.notNull(detector, "detector");
    Checks.notNull(prices, "prices");
    Regime r = AllocationRules.regime(prices, detector);
    if (r == Regime.UNKNOWN) {
      throw new IllegalArgumentException("The detector labels the last of " + prices.rows()
          + " rows UNKNOWN: it needs more than " + detector.lookback() + " complete rows ("
          + prices.index().last() + ")");
    }
    return of(r);
  }
}
