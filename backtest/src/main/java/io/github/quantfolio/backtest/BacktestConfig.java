package io.github.quantfolio.backtest;

import io.github.quantfolio.core.internal.TextTable;
import io.github.quantfolio.core.internal.Checks;

/**
 * Capital, cost model and trading rules of a backtest. Immutable; start from {@link #defaults()}
 * and change fields with the {@code with...} methods.
 *
 * <p><b>Cost model.</b> An order of {@code q} shares at market price {@code p} executes at
 * {@code p * (1 + s)} when buying and {@code p * (1 - s)} when selling, with {@code s =
 * slippageBps / 1e4}; it then pays {@code feeBps / 1e4} of its executed value plus
 * {@code fixedFee}. Slippage is reported separately from fees ({@code |q| * p * s}).
 *
 * <p><b>Cash and leverage.</b> Sells execute before buys on the same bar. Buys are scaled down
 * pro rata (and rounded down to whole shares when {@code fractionalShares} is false) when their
 * cost would take cash below {@code -(maxLeverage - 1) * equity}; with the default
 * {@code maxLeverage = 1} cash never goes negative. Such fills are counted in
 * {@link BacktestResult#cashLimitedOrders()}; those the cash could not cover beyond their costs
 * ({@link BacktestResult#ordersBeyondCash()}, {@link BacktestResult#unfilledOrders()}) are named
 * in {@link BacktestResult#toString()}. Target weights whose gross exposure exceeds
 * {@code maxLeverage} are rejected.
 *
 * @param initialCapital starting cash, finite &gt; 0
 * @param feeBps proportional fee in basis points of executed value, in [0, 10,000)
 * @param fixedFee fee per order in currency units, &gt;= 0
 * @param slippageBps price impact in basis points, in [0, 10,000)
 * @param allowShort whether negative positions are allowed
 * @param maxLeverage maximal gross exposure over equity, finite &gt;= 1
 * @param fractionalShares whether fills may be fractional (else rounded toward zero)
 * @param fillTiming when decisions are filled
 * @param riskFreeRate annual risk-free rate for the report's Sharpe and Sortino ratios, &gt; -1
 * @param margin financing rates and margin rules of a leveraged account ({@link MarginTerms};
 *     {@link MarginTerms#none()} for a plain cash account)
 * @since 0.1.0
 */
public record BacktestConfig(double initialCapital, double feeBps, double fixedFee,
    double slippageBps, boolean allowShort, double maxLeverage, boolean fractionalShares,
    FillTiming fillTiming, double riskFreeRate, MarginTerms margin) {

  /**
   * Validates every field.
   *
   * @param initialCapital starting cash, finite &gt; 0
   * @param feeBps proportional fee in basis points of executed value, in [0, 10,000)
   * @param fixedFee fee per order in currency units, &gt;= 0
   * @param slippageBps price impact in basis points, in [0, 10,000)
   * @param allowShort whether negative positions are allowed
   * @param maxLeverage maximal gross exposure over equity, finite &gt;= 1
   * @param fractionalShares whether fills may be fractional (else rounded toward zero)
   * @param fillTiming when decisions are filled
   * @param riskFreeRate annual risk-free rate for the report's Sharpe and Sortino ratios, &gt; -1
   * @param margin financing and margin terms, not null ({@link MarginTerms#none()} for none)
   */
  public BacktestConfig {
    Checks.positive(initialCapital, "initialCapital");
    basisPoints(feeBps, "feeBps", "a fee of 100 % of the traded value or more");
    nonNegative(fixedFee, "fixedFee");
    basisPoints(slippageBps, "slippageBps", "selling at a price of 0 or less");
    if (!(maxLeverage >= 1) || maxLeverage == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("Expected finite maxLeverage >= 1, but found "
          + maxLeverage);
    }
    Checks.notNull(fillTiming, "fillTiming");
    Checks.finite(riskFreeRate, "riskFreeRate");
    if (riskFreeRate <= -1) {
      throw new IllegalArgumentException("Expected riskFreeRate > -1, but found " + riskFreeRate);
    }
    Checks.notNull(margin, "margin");
  }

  /**
   * A cash account (no financing, no margin rules); the constructor of releases before 0.3.
   *
   * @param initialCapital starting cash, finite &gt; 0
   * @param feeBps proportional fee in basis points of executed value, in [0, 10,000)
   * @param fixedFee fee per order in currency units, &gt;= 0
   * @param slippageBps price impact in basis points, in [0, 10,000)
   * @param allowShort whether negative positions are allowed
   * @param maxLeverage maximal gross exposure over equity, finite &gt;= 1
   * @param fractionalShares whether fills may be fractional (else rounded toward zero)
   * @param fillTiming when decisions are filled
   * @param riskFreeRate annual risk-free rate for the report's Sharpe and Sortino ratios, &gt; -1
   */
  public BacktestConfig(double initialCapital, double feeBps, double fixedFee,
      double slippageBps, boolean allowShort, double maxLeverage, boolean fractionalShares,
      FillTiming fillTiming, double riskFreeRate) {
    this(initialCapital, feeBps, fixedFee, slippageBps, allowShort, maxLeverage, fractionalShares,
        fillTiming, riskFreeRate, MarginTerms.none());
  }

  /** Requires {@code 0 <= v < 10,000} basis points; {@code beyond} says what 10,000 would mean. */
  private static void basisPoints(double v, String name, String beyond) {
    nonNegative(v, name);
    if (v >= 10_000) {
      throw new IllegalArgumentException("Expected 0 <= " + name + " < 10000 (100 %), but found "
          + v + ": that would mean " + beyond);
    }
  }

  private static void nonNegative(double v, String name) {
    if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("Expected finite " + name + " >= 0, but found " + v);
    }
  }

  /**
   * 100,000 of capital, no costs, long only, no leverage, fractional shares, next-bar fills, a
   * zero risk-free rate.
   *
   * @return the default configuration
   */
  public static BacktestConfig defaults() {
    return new BacktestConfig(100_000, 0, 0, 0, false, 1, true, FillTiming.NEXT_BAR, 0,
        MarginTerms.none());
  }

  /**
   * A copy with another starting capital.
   *
   * @param capital starting cash in currency units, finite &gt; 0
   * @return a copy with {@code initialCapital = capital}
   */
  public BacktestConfig withInitialCapital(double capital) {
    return new BacktestConfig(capital, feeBps, fixedFee, slippageBps, allowShort, maxLeverage,
        fractionalShares, fillTiming, riskFreeRate, margin);
  }

  /**
   * A copy with another proportional fee (basis points of executed value).
   *
   * @param bps proportional fee in basis points of executed value (5 = 0.05 %), in [0, 10,000)
   * @return a copy with {@code feeBps = bps}
   */
  public BacktestConfig withFeeBps(double bps) {
    return new BacktestConfig(initialCapital, bps, fixedFee, slippageBps, allowShort, maxLeverage,
        fractionalShares, fillTiming, riskFreeRate, margin);
  }

  /**
   * A copy with another fixed fee per order.
   *
   * @param fee fee per order in currency units, finite &gt;= 0
   * @return a copy with {@code fixedFee = fee}
   */
  public BacktestConfig withFixedFee(double fee) {
    return new BacktestConfig(initialCapital, feeBps, fee, slippageBps, allowShort, maxLeverage,
        fractionalShares, fillTiming, riskFreeRate, margin);
  }

  /**
   * A copy with another slippage (basis points of price).
   *
   * @param bps price impact in basis points of the market price (2 = 0.02 %), in [0, 10,000)
   * @return a copy with {@code slippageBps = bps}
   */
  public BacktestConfig withSlippageBps(double bps) {
    return new BacktestConfig(initialCapital, feeBps, fixedFee, bps, allowShort, maxLeverage,
        fractionalShares, fillTiming, riskFreeRate, margin);
  }

  /**
   * A copy that allows or forbids short positions.
   *
   * @param allowed whether negative positions are allowed
   * @return a copy with {@code allowShort = allowed}
   */
  public BacktestConfig withShorting(boolean allowed) {
    return new BacktestConfig(initialCapital, feeBps, fixedFee, slippageBps, allowed, maxLeverage,
        fractionalShares, fillTiming, riskFreeRate, margin);
  }

  /**
   * A copy with another gross-exposure limit.
   *
   * @param leverage maximal gross exposure over equity, finite &gt;= 1 (1 = no leverage)
   * @return a copy with {@code maxLeverage = leverage}
   */
  public BacktestConfig withMaxLeverage(double leverage) {
    return new BacktestConfig(initialCapital, feeBps, fixedFee, slippageBps, allowShort, leverage,
        fractionalShares, fillTiming, riskFreeRate, margin);
  }

  /**
   * A copy that trades whole shares only (fills rounded toward zero).
   *
   * @return a copy with {@code fractionalShares = false}
   */
  public BacktestConfig withWholeShares() {
    return new BacktestConfig(initialCapital, feeBps, fixedFee, slippageBps, allowShort, maxLeverage,
        false, fillTiming, riskFreeRate, margin);
  }

  /**
   * A copy that allows fractional shares.
   *
   * @return a copy with {@code fractionalShares = true}
   */
  public BacktestConfig withFractionalShares() {
    return new BacktestConfig(initialCapital, feeBps, fixedFee, slippageBps, allowShort, maxLeverage,
        true, fillTiming, riskFreeRate, margin);
  }

  /**
   * A copy with another fill timing.
   *
   * @param timing when decisions are filled, not null
   * @return a copy with {@code fillTiming = timing}
   */
  public BacktestConfig withFillTiming(FillTiming timing) {
    return new BacktestConfig(initialCapital, feeBps, fixedFee, slippageBps, allowShort, maxLeverage,
        fractionalShares, timing, riskFreeRate, margin);
  }

  /**
   * One line in words, e.g. {@code BacktestConfig: capital 100000.00, fee 5 bps + 0.00 per
   * order, slippage 2 bps, long only, max leverage 1, fractional shares, fills NEXT_BAR,
   * risk-free rate 2.00% a year}.
   */
  @Override
  public String toString() {
    return "BacktestConfig: capital " + TextTable.num(initialCapital, 2) + ", fee "
        + number(feeBps) + " bps + " + TextTable.num(fixedFee, 2) + " per order, slippage "
        + number(slippageBps) + " bps, " + (allowShort ? "shorting allowed" : "long only")
        + ", max leverage " + number(maxLeverage) + ", "
        + (fractionalShares ? "fractional shares" : "whole shares") + ", fills " + fillTiming
        + ", risk-free rate " + TextTable.num(100 * riskFreeRate, 2) + "% a year"
        + (margin.isActive() ? ", " + margin : "");
  }

  /** A plain number: integers without decimals, others to 6 significant digits, no zeros. */
  static String number(double v) {
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e15) {
      return Long.toString((long) v);
    }
    return a < 1e-4 || a >= 1e15 ? TextTable.auto(v, 6)
        : java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6))
            .stripTrailingZeros().toPlainString();
  }

  /**
   * A copy with another annual risk-free rate for the report.
   *
   * @param rate annual risk-free rate (0.02 = 2 % a year), finite &gt; -1
   * @return a copy with {@code riskFreeRate = rate}
   */
  public BacktestConfig withRiskFreeRate(double rate) {
    return new BacktestConfig(initialCapital, feeBps, fixedFee, slippageBps, allowShort, maxLeverage,
        fractionalShares, fillTiming, rate, margin);
  }

  /**
   * A copy with the financing and margin terms of a leveraged account (forex, CFDs, a margin
   * account); see {@link MarginTerms} for how interest, initial margin and margin calls work.
   *
   * @param terms the terms, not null ({@link MarginTerms#none()} for a plain cash account)
   * @return a copy with {@code margin = terms}
   */
  public BacktestConfig withMargin(MarginTerms terms) {
    return new BacktestConfig(initialCapital, feeBps, fixedFee, slippageBps, allowShort, maxLeverage,
        fractionalShares, fillTiming, riskFreeRate, terms);
  }
}
