package io.github.quantfolio.backtest;

import io.github.quantfolio.backtest.internal.Engine;
import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.optimize.OptimizationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A walk-forward multi-asset portfolio with shared capital: at each scheduled rebalance an
 * {@link Allocator} (equal weight, inverse volatility, risk parity, HRP, any {@code MeanVariance}
 * method, Black-Litterman via a lambda, ...) is re-estimated on the last {@code lookback} closes up
 * to the decision bar, and the resulting target weights are filled on a later bar (see
 * {@link FillTiming}). Only data up to the decision bar is ever used, so each allocation is an
 * honest out-of-sample decision.
 *
 * <pre>{@code
 * PortfolioResult r = WalkForwardPortfolio.of(prices)
 *     .withAllocator(Allocator.maxSharpe(0.02))
 *     .withLookback(252)
 *     .withSchedule(RebalanceSchedule.MONTHLY)
 *     .withCircuitBreaker(CircuitBreaker.maxDrawdown(0.20))
 *     .run();
 * }</pre>
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>The first allocation happens at bar {@code lookback - 1} (the first full window), later
 *       ones on the {@link RebalanceSchedule}.
 *   <li>Assets enter when they have traded for a whole window: the allocator sees only assets with
 *       a price on every row of the window; the others are targeted at 0.
 *   <li>{@code maxWeight} caps each long weight, handing the excess pro rata to the uncapped
 *       assets (repeated until none exceeds the cap; what cannot be placed stays in cash); short
 *       weights are limited to {@code -maxWeight}, the excess staying in cash.
 *   <li>Drift threshold: between scheduled dates, when some asset's weight differs from its
 *       target by more than the threshold, the portfolio trades back to the last target (no
 *       re-estimation).
 *   <li>When the allocator throws an {@code OptimizationException} or an
 *       {@code IllegalArgumentException} (e.g. max-Sharpe with no asset above the risk-free rate in
 *       that window), the {@linkplain #withFallback fallback allocator} decides if there is one;
 *       otherwise (or if it fails too) the positions are kept. Every failure is recorded in
 *       {@link PortfolioResult#rebalances()} and summarised at the top of
 *       {@link PortfolioResult#toString()}. A run in which no allocation succeeded at all is an
 *       error, not a portfolio that "returned" 0 % in cash.
 *   <li>A {@link CircuitBreaker} moves everything to cash and waits for the next scheduled date.
 * </ul>
 *
 * @since 0.1.0
 */
public final class WalkForwardPortfolio {

  private final Backtest backtest;
  private final PriceFrame closes;
  private final Allocator allocator;
  private final int lookback;
  private final RebalanceSchedule schedule;
  private final double driftThreshold;
  private final double maxWeight;
  private final CircuitBreaker breaker;
  private final Allocator fallback; // null: none

  private WalkForwardPortfolio(Backtest backtest, PriceFrame closes, Allocator allocator,
      int lookback, RebalanceSchedule schedule, double driftThreshold, double maxWeight,
      CircuitBreaker breaker, Allocator fallback) {
    this.backtest = backtest;
    this.closes = closes;
    this.allocator = allocator;
    this.lookback = lookback;
    this.schedule = schedule;
    this.driftThreshold = driftThreshold;
    this.maxWeight = maxWeight;
    this.breaker = breaker;
    this.fallback = fallback;
  }

  /**
   * A portfolio on close prices; defaults: equal weight, 252-bar look-back, monthly, no drift
   * threshold, no cap, no circuit breaker, {@link BacktestConfig#defaults()}.
   *
   * @param prices close prices per asset (NaN where an asset has no price, e.g. before its listing)
   * @return the portfolio, with the defaults above
   */
  public static WalkForwardPortfolio of(PriceFrame prices) {
    Checks.notNull(prices, "prices");
    return new WalkForwardPortfolio(Backtest.of(prices), prices, Allocator.equalWeight(), 252,
        RebalanceSchedule.MONTHLY, Double.NaN, Double.NaN, null, null);
  }

  /**
   * A portfolio on OHLC bars (aligned on the union of their timestamps); see {@link #of}.
   *
   * @param bars OHLC bars per instrument, at least one, distinct symbols
   * @return the portfolio, with the defaults of {@link #of(PriceFrame)}
   */
  public static WalkForwardPortfolio of(List<Bars> bars) {
    Backtest bt = Backtest.of(bars);
    List<String> names = bt.assets();
    double[][] cols = new double[names.size()][];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = bt.bars().get(i).close();
    }
    PriceFrame closes = PriceFrame.of(bt.index(), names, cols)
        .withFrequency(bt.bars().get(0).frequency());
    return new WalkForwardPortfolio(bt, closes, Allocator.equalWeight(), 252,
        RebalanceSchedule.MONTHLY, Double.NaN, Double.NaN, null, null);
  }

  /**
   * A copy with another allocator.
   *
   * @param allocator what turns each look-back window into target weights, not null
   * @return a copy with {@code allocator}
   */
  public WalkForwardPortfolio withAllocator(Allocator allocator) {
    return new WalkForwardPortfolio(backtest, closes, Checks.notNull(allocator, "allocator"),
        lookback, schedule, driftThreshold, maxWeight, breaker, fallback);
  }

  /**
   * A copy with another look-back window, in bars of prices (&gt;= 2).
   *
   * @param bars the look-back window in bars of prices, &gt;= 2 (its returns are one fewer)
   * @return a copy with a look-back of {@code bars}
   */
  public WalkForwardPortfolio withLookback(int bars) {
    if (bars < 2) {
      throw new IllegalArgumentException("Expected lookback >= 2, but found " + bars);
    }
    return new WalkForwardPortfolio(backtest, closes, allocator, bars, schedule, driftThreshold,
        maxWeight, breaker, fallback);
  }

  /**
   * A copy with another re-estimation schedule.
   *
   * @param schedule when weights are re-estimated, not null
   * @return a copy with {@code schedule}
   */
  public WalkForwardPortfolio withSchedule(RebalanceSchedule schedule) {
    return new WalkForwardPortfolio(backtest, closes, allocator, lookback,
        Checks.notNull(schedule, "schedule"), driftThreshold, maxWeight, breaker, fallback);
  }

  /**
   * A copy that also rebalances when a weight drifts more than {@code threshold} from target.
   *
   * @param threshold the absolute drift of a weight from its target that triggers a rebalance, in
   *     (0, 1) (e.g. 0.05)
   * @return a copy with the drift threshold
   */
  public WalkForwardPortfolio withDriftThreshold(double threshold) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("Expected 0 < driftThreshold < 1, but found "
          + threshold);
    }
    return new WalkForwardPortfolio(backtest, closes, allocator, lookback, schedule, threshold,
        maxWeight, breaker, fallback);
  }

  /**
   * A copy that caps every weight at {@code cap} (see the class rules).
   *
   * @param cap the largest absolute weight of one asset, in (0, 1] (0.25 = 25 % of equity)
   * @return a copy with the cap
   */
  public WalkForwardPortfolio withMaxWeight(double cap) {
    if (!(cap > 0 && cap <= 1)) {
      throw new IllegalArgumentException("Expected 0 < maxWeight <= 1, but found " + cap);
    }
    return new WalkForwardPortfolio(backtest, closes, allocator, lookback, schedule, driftThreshold,
        cap, breaker, fallback);
  }

  /**
   * A copy with a portfolio circuit breaker.
   *
   * @param breaker the drawdown and one-bar loss rules, not null
   * @return a copy with {@code breaker}
   */
  public WalkForwardPortfolio withCircuitBreaker(CircuitBreaker breaker) {
    return new WalkForwardPortfolio(backtest, closes, allocator, lookback, schedule, driftThreshold,
        maxWeight, Checks.notNull(breaker, "breaker"), fallback);
  }

  /**
   * A copy with another capital, cost and timing configuration.
   *
   * @param config capital, costs, shorting, leverage and fill timing, not null
   * @return a copy with {@code config}
   */
  public WalkForwardPortfolio withConfig(BacktestConfig config) {
    return new WalkForwardPortfolio(backtest.withConfig(config), closes, allocator, lookback,
        schedule, driftThreshold, maxWeight, breaker, fallback);
  }

  /**
   * A copy that falls back on {@code fallback} (e.g. {@link Allocator#equalWeight()}) whenever the
   * allocator fails for a window: the fallback's weights are traded, and the
   * {@link Rebalance} records the primary failure with {@code fallback() == true}. If the
   * fallback fails too, the positions are kept.
   *
   * @param fallback the allocator used when the primary one throws
   * @return the copy
   * @since 0.1.0
   */
  public WalkForwardPortfolio withFallback(Allocator fallback) {
    return new WalkForwardPortfolio(backtest, closes, allocator, lookback, schedule, driftThreshold,
        maxWeight, breaker, Checks.notNull(fallback, "fallback"));
  }

  /**
   * A copy with stop-loss / take-profit exits on the positions.
   *
   * @param exits the exit rules, not null ({@link Exits#none()} for none)
   * @return a copy with {@code exits}
   */
  public WalkForwardPortfolio withExits(Exits exits) {
    return new WalkForwardPortfolio(backtest.withExits(exits), closes, allocator, lookback,
        schedule, driftThreshold, maxWeight, breaker, fallback);
  }

  /**
   * What this portfolio runs: allocator and fallback, look-back, schedule, drift threshold,
   * weight cap and circuit breaker on the first line, then the data, configuration and exits.
   */
  @Override
  public String toString() {
    return "WalkForwardPortfolio: " + settings() + "\n  " + backtest.describeData() + "\n  "
        + backtest.config() + "\n  " + backtest.exits();
  }

  /** The portfolio's own settings in words (one line). */
  String settings() {
    return "allocator " + NamedAllocator.describe(allocator) + ", fallback "
        + (fallback == null ? "none" : NamedAllocator.describe(fallback)) + ", look-back "
        + lookback + " bars, rebalanced " + schedule + ", drift threshold "
        + (driftThreshold == driftThreshold ? Exits.percent(driftThreshold) : "none")
        + ", max weight " + (maxWeight == maxWeight ? Exits.percent(maxWeight) : "none") + ", "
        + (breaker == null ? "no circuit breaker" : breaker);
  }

  /**
   * Runs the walk-forward backtest.
   *
   * @return the backtest, every rebalance decision (failures included) and the diversification
   * @throws IllegalArgumentException if the data has no bar after the first full look-back
   *     window, if no allocation ever succeeded (the message gives the count and the first
   *     failure, whose exception is the cause), or if the allocator returns an unknown asset, a
   *     non-finite weight, a short without shorting, or a gross exposure above
   *     {@code maxLeverage}
   */
  public PortfolioResult run() {
    TimeIndex index = closes.index();
    int rows = closes.rows();
    int n = closes.assetCount();
    if (rows <= lookback) {
      throw new IllegalArgumentException("Expected more than lookback = " + lookback
          + " bars (the first allocation, at bar " + (lookback - 1) + ", fills on a later bar),"
          + " but found " + rows);
    }
    int[][] lastMissing = lastMissingRows();
    List<Rebalance> events = new ArrayList<>();
    RuntimeException[] firstFailure = new RuntimeException[1];
    BacktestConfig config = backtest.config();
    int first = lookback - 1;
    double[] target = new double[n];
    boolean[] state = new boolean[2]; // [0] invested (a target exists), [1] halted
    double[] peak = {config.initialCapital()};
    Engine.Policy policy = (t, engine) -> {
      double equity = engine.equity();
      peak[0] = Math.max(peak[0], equity);
      if (breaker != null && state[0] && !state[1] && tripped(t, engine, peak[0])) {
        Arrays.fill(target, 0);
        orderAll(t, engine, target, ExitReason.CIRCUIT_BREAKER);
        state[1] = true;
        events.add(new Rebalance(t, index.label(t), Rebalance.Kind.CIRCUIT_BREAKER,
            Weights.of(closes.assets(), new double[n]), null, false));
        return;
      }
      if (t == first || (t > first && schedule.isRebalanceBar(index, t))) {
        if (state[1]) {
          state[1] = false;
          peak[0] = equity;
        }
        Rebalance decision = allocate(t, lastMissing, firstFailure);
        events.add(decision);
        if (decision.target() != null) {
          System.arraycopy(decision.target().toArray(), 0, target, 0, n);
          state[0] = true;
          orderAll(t, engine, target, ExitReason.REBALANCE);
        }
      } else if (state[0] && !state[1] && driftThreshold == driftThreshold
          && t + 1 < rows && drifted(engine, target)) {
        orderAll(t, engine, target, ExitReason.REBALANCE);
        events.add(new Rebalance(t, index.label(t), Rebalance.Kind.DRIFT,
            Weights.of(closes.assets(), target.clone()), null, false));
      }
    };
    BacktestResult result = backtest.run(policy);
    requireOneAllocation(events, firstFailure[0]);
    return new PortfolioResult(this, result, events, closes, first);
  }

  /**
   * The scheduled decision at bar {@code t}: the allocator's capped weights, else the
   * fallback's, else a failure (positions kept). Records the first allocator exception.
   */
  private Rebalance allocate(int t, int[][] lastMissing, RuntimeException[] firstFailure) {
    String time = closes.index().label(t);
    int from = t - lookback + 1;
    List<String> eligible = new ArrayList<>();
    for (int i = 0; i < closes.assetCount(); i++) {
      if (lastMissing[i][t] < from) {
        eligible.add(closes.assets().get(i));
      }
    }
    if (eligible.isEmpty()) {
      String why = "no asset has prices over the whole look-back window of " + lookback + " bars";
      if (firstFailure[0] == null) {
        firstFailure[0] = new IllegalArgumentException(why);
      }
      return new Rebalance(t, time, Rebalance.Kind.SCHEDULED, null, why, false);
    }
    PriceFrame window = closes.slice(from, t + 1).select(eligible);
    Weights w;
    try {
      w = allocator.allocate(window);
    } catch (OptimizationException | IllegalArgumentException e) {
      if (firstFailure[0] == null) {
        firstFailure[0] = e;
      }
      String why = String.valueOf(e.getMessage());
      if (fallback == null) {
        return new Rebalance(t, time, Rebalance.Kind.SCHEDULED, null, why, false);
      }
      try {
        w = fallback.allocate(window);
      } catch (OptimizationException | IllegalArgumentException f) {
        return new Rebalance(t, time, Rebalance.Kind.SCHEDULED, null,
            why + "; the fallback failed too: " + f.getMessage(), false);
      }
      return new Rebalance(t, time, Rebalance.Kind.SCHEDULED, weights(w, t, eligible), why, true);
    }
    return new Rebalance(t, time, Rebalance.Kind.SCHEDULED, weights(w, t, eligible), null, false);
  }

  /** Checked and capped target weights over all assets. */
  private Weights weights(Weights w, int t, List<String> eligible) {
    return Weights.of(closes.assets(), capped(checked(w, t, backtest.config(), eligible)));
  }

  /** A portfolio that never allocated stayed in cash by accident: that is an error, not a result. */
  private static void requireOneAllocation(List<Rebalance> events, RuntimeException first) {
    int scheduled = 0;
    Rebalance firstFailed = null;
    for (Rebalance r : events) {
      if (r.kind() == Rebalance.Kind.SCHEDULED) {
        if (r.target() != null) {
          return;
        }
        scheduled++;
        if (firstFailed == null) {
          firstFailed = r;
        }
      }
    }
    throw new IllegalArgumentException("No allocation of the walk-forward portfolio succeeded: "
        + "all " + scheduled + " scheduled allocations failed, so it would have stayed in cash. "
        + "The first, on " + firstFailed.time() + ": " + firstFailed.failure()
        + ". Fix the allocator or add withFallback(...) (e.g. Allocator.equalWeight())", first);
  }

  private boolean tripped(int t, Engine engine, double peak) {
    double equity = engine.equity();
    if (breaker.maxDrawdown() == breaker.maxDrawdown()
        && equity / peak - 1 < -breaker.maxDrawdown()) {
      return true;
    }
    double previous = t == 0 ? backtest.config().initialCapital() : engine.equityAt(t - 1);
    return breaker.dailyLossLimit() == breaker.dailyLossLimit()
        && equity / previous - 1 < -breaker.dailyLossLimit();
  }

  private static void orderAll(int t, Engine engine, double[] w, ExitReason reason) {
    for (int i = 0; i < w.length; i++) {
      if (w[i] != 0 || engine.shares(i) != 0 || engine.hasPending(i)) {
        engine.order(t, i, Engine.TARGET_WEIGHT, w[i], reason);
      }
    }
  }

  private boolean drifted(Engine engine, double[] target) {
    double equity = engine.equity();
    for (int i = 0; i < target.length; i++) {
      double q = engine.shares(i);
      double w = q == 0 ? 0 : q * engine.lastPrice(i) / equity;
      if (Math.abs(w - target[i]) > driftThreshold) {
        return true;
      }
    }
    return false;
  }

  private double[] checked(Weights w, int t, BacktestConfig config, List<String> eligible) {
    if (w == null) {
      throw new IllegalArgumentException("The allocator returned null on "
          + closes.index().label(t));
    }
    double[] out = new double[closes.assetCount()];
    double gross = 0;
    for (String a : w.assets()) {
      double v = w.get(a);
      if (!eligible.contains(a)) {
        if (v == 0) {
          continue;
        }
        throw new IllegalArgumentException("The allocator gave weight " + v + " to '" + a
            + "' on " + closes.index().label(t) + ", which is not in the look-back window "
            + eligible);
      }
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("The allocator gave weight " + v + " to '" + a
            + "' on " + closes.index().label(t));
      }
      if (v < 0 && !config.allowShort()) {
        throw new IllegalArgumentException("The allocator gave weight " + v + " to '" + a
            + "' on " + closes.index().label(t)
            + ", but shorting is disabled (BacktestConfig.withShorting(true))");
      }
      out[closes.position(a)] = v;
      gross += Math.abs(v);
    }
    if (gross > config.maxLeverage() + 1e-9) {
      throw new IllegalArgumentException("The allocator's weights on " + closes.index().label(t)
          + " have gross exposure " + gross + ", above maxLeverage " + config.maxLeverage());
    }
    return out;
  }

  /** Applies the cap, redistributing excess long weight pro rata to uncapped longs. */
  double[] capped(double[] w) {
    if (maxWeight != maxWeight) {
      return w;
    }
    double[] out = w.clone();
    boolean[] fixed = new boolean[out.length];
    for (int i = 0; i < out.length; i++) {
      if (out[i] < -maxWeight) {
        out[i] = -maxWeight;
      }
    }
    while (true) {
      double excess = 0;
      for (int i = 0; i < out.length; i++) {
        if (out[i] > maxWeight) {
          excess += out[i] - maxWeight;
          out[i] = maxWeight;
          fixed[i] = true;
        }
      }
      if (excess <= 1e-15) {
        return out;
      }
      double free = 0;
      for (int i = 0; i < out.length; i++) {
        if (!fixed[i] && out[i] > 0) {
          free += out[i];
        }
      }
      if (free == 0) {
        return out; // nothing left to receive the excess: it stays in cash
      }
      for (int i = 0; i < out.length; i++) {
        if (!fixed[i] && out[i] > 0) {
          out[i] += excess * out[i] / free;
        }
      }
    }
  }

  private int[][] lastMissingRows() {
    int n = closes.assetCount();
    int rows = closes.rows();
    int[][] last = new int[n][rows];
    for (int i = 0; i < n; i++) {
      double[] c = closes.column(i);
      int missing = -1;
      for (int t = 0; t < rows; t++) {
        if (c[t] != c[t]) {
          missing = t;
        }
        last[i][t] = missing;
      }
    }
    return last;
  }
}
