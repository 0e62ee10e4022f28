package io.github.quantfolio.bench;

import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.PositionSizing;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.backtest.Trade;
import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.TimeIndex;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The backtest issue's peer comparison: one single-asset, long-only SMA(20)/SMA(50) crossover over
 * 2520 daily bars of the default simulated market (seed 7), run by ta4j 0.17's
 * {@code BarSeriesManager} with {@code DoubleNum} and {@code DecimalNum}, and by a plain
 * {@code double[]} loop, in the same JMH run. (Issue figures on its machine: ta4j 0.87 ms with
 * DoubleNum, 4.8 ms with DecimalNum, a plain loop 0.02 ms.)
 *
 * <p><b>The strategy, with identical trades on every path</b> (ta4j 0.17's semantics; see
 * {@code backtest/src/test/.../Ta4jOracle} for how they were established):
 *
 * <ul>
 *   <li>Enter long 1 unit when SMA(20) of the close crosses above SMA(50), exit when it crosses
 *       below. A crossing at bar {@code t} compares with the last earlier bar where the two
 *       averages differed (exact ties are skipped backwards).
 *   <li>No signal is evaluated before bar 50 ({@code unstableBars = slow}): from there both
 *       averages at {@code t} and {@code t - 1} cover full windows, as in an engine whose SMA is
 *       NaN during warm-up. (ta4j's default, 0, would trade crossings of its partial means.)
 *   <li>A signal at bar {@code t} fills at the open of bar {@code t + 1} (ta4j's default
 *       {@code TradeOnNextOpenModel}); a signal on the last bar is dropped; a position still open
 *       at the end is not closed and not counted. No costs.
 * </ul>
 *
 * Each benchmark returns the summed profit per unit of the closed trades and feeds the trade
 * count to the blackhole, so no work is dead. The ta4j benchmarks build the bar series, the
 * indicators, the rules and the strategy inside the measured call (indicators cache their
 * values, so reused objects would measure cache lookups); {@code ta4jDoubleNumPrebuiltSeries}
 * takes the series from setup to separate the run from the series construction.
 * {@code BacktestPeersBenchmarkTest} checks that all paths give the same trades. A benchmark
 * asserts nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class BacktestPeersBenchmark {

  /** Short moving-average window. */
  static final int FAST = 20;
  /** Long moving-average window. */
  static final int SLOW = 50;

  /** The simulated asset (default market: seed 7, 2520 business days). */
  @Param({"A01"})
  public String asset;

  Bars bars;
  double[] open;
  double[] high;
  double[] low;
  double[] close;
  double[] volume;
  ZonedDateTime[] times;
  BarSeries prebuiltDoubleSeries;
  int[] entryOut;
  int[] exitOut;
  Backtest engine;
  final SmaCrossover crossover = new SmaCrossover(FAST, SLOW);

  @Setup(Level.Trial)
  public void data() {
    load(MarketSimulator.defaultMarket(), asset);
  }

  /** Loads {@code asset}'s bars from its listing row on (the strategy needs complete bars). */
  void load(SimulatedMarket market, String name) {
    Bars all = market.bars(name);
    bars = all.slice(market.listingRow(name), all.size());
    open = bars.open();
    high = bars.high();
    low = bars.low();
    close = bars.close();
    volume = bars.volume();
    times = utcTimes(bars.index());
    prebuiltDoubleSeries = series(this, DoubleNum.class);
    entryOut = new int[close.length / 2 + 1];
    exitOut = new int[close.length / 2 + 1];
    engine = Backtest.of(bars).withSizing(PositionSizing.fixedShares(1));
  }

  static ZonedDateTime[] utcTimes(TimeIndex index) {
    ZonedDateTime[] t = new ZonedDateTime[index.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = ZonedDateTime.ofInstant(Instant.ofEpochMilli(index.epochMillis(i)), ZoneOffset.UTC);
    }
    return t;
  }

  // ------------------------------------------------------------------------------------ ta4j

  /** ta4j's bar series of the loaded bars, with the given {@code Num} type. */
  static BarSeries series(BacktestPeersBenchmark d, Class<? extends Num> numType) {
    BarSeries s = new BaseBarSeriesBuilder().withNumTypeOf(numType).build();
    for (int i = 0; i < d.close.length; i++) {
      s.addBar(d.times[i], s.numOf(d.open[i]), s.numOf(d.high[i]), s.numOf(d.low[i]),
          s.numOf(d.close[i]), s.numOf(d.volume[i]));
    }
    return s;
  }

  /** The crossover strategy on {@code s} run by ta4j's default {@code BarSeriesManager}. */
  static TradingRecord runTa4j(BarSeries s) {
    ClosePriceIndicator price = new ClosePriceIndicator(s);
    SMAIndicator fast = new SMAIndicator(price, FAST);
    SMAIndicator slow = new SMAIndicator(price, SLOW);
    Strategy strategy = new BaseStrategy("sma-20-50", new CrossedUpIndicatorRule(fast, slow),
        new CrossedDownIndicatorRule(fast, slow), SLOW);
    return new BarSeriesManager(s).run(strategy);
  }

  private static double profit(TradingRecord record, Blackhole bh) {
    double pnl = 0;
    for (Position p : record.getPositions()) {
      pnl += p.getExit().getPricePerAsset().doubleValue()
          - p.getEntry().getPricePerAsset().doubleValue();
    }
    bh.consume(record.getPositionCount());
    return pnl;
  }

  @Benchmark
  public double ta4jDoubleNum(Blackhole bh) {
    return profit(runTa4j(series(this, DoubleNum.class)), bh);
  }

  @Benchmark
  public double ta4jDecimalNum(Blackhole bh) {
    return profit(runTa4j(series(this, DecimalNum.class)), bh);
  }

  @Benchmark
  public double ta4jDoubleNumPrebuiltSeries(Blackhole bh) {
    return profit(runTa4j(prebuiltDoubleSeries), bh);
  }

  // ------------------------------------------------------------------------------------ plain loop

  /**
   * The crossover as a hand-written loop over {@code double[]} with ta4j's trade timing (see the
   * class documentation): running-sum SMAs, ties skipped backwards, signals from bar
   * {@code slow} on, fills at the next open. Writes the entry and exit bars of the closed trades
   * to the output arrays (capacity {@code n / 2 + 1}) and returns their number; allocates nothing.
   */
  static int plainCrossover(double[] open, double[] close, int fast, int slow, int[] entryOut,
      int[] exitOut) {
    int n = close.length;
    double sumFast = 0;
    double sumSlow = 0;
    // Sign of (fast SMA - slow SMA) at the last bar where they differed: -1, +1, or 0 if none.
    int lastSign = 0;
    boolean inPosition = false;
    int trades = 0;
    for (int t = 0; t < n; t++) {
      double c = close[t];
      sumFast += c;
      sumSlow += c;
      if (t >= fast) {
        sumFast -= close[t - fast];
      }
      if (t >= slow) {
        sumSlow -= close[t - slow];
      }
      // ta4j's means of the closes so far during warm-up, so that lastSign matches its look-back
      double diff = sumFast / Math.min(fast, t + 1) - sumSlow / Math.min(slow, t + 1);
      int sign = diff > 0 ? 1 : diff < 0 ? -1 : 0;
      if (t >= slow && t + 1 < n && sign != 0) {
        if (!inPosition && sign > 0 && lastSign < 0) {
          inPosition = true;
          entryOut[trades] = t + 1;
        } else if (inPosition && sign < 0 && lastSign > 0) {
          inPosition = false;
          exitOut[trades++] = t + 1;
        }
      }
      if (sign != 0) {
        lastSign = sign;
      }
    }
    return trades;
  }

  @Benchmark
  public double plainDoubleLoop(Blackhole bh) {
    int k = plainCrossover(open, close, FAST, SLOW, entryOut, exitOut);
    double pnl = 0;
    for (int i = 0; i < k; i++) {
      pnl += open[exitOut[i]] - open[entryOut[i]];
    }
    bh.consume(k);
    return pnl;
  }

  // ------------------------------------------------------------------------------------ Quantfolio

  /**
   * The Quantfolio engine on the same bars: {@code SmaCrossover(FAST, SLOW)} with one share per
   * trade, next-open fills, no costs — SMA computation, signals, the ledger and the trade list
   * ({@code Ta4jCrossoverTest} in the backtest module checks the trades equal ta4j's). The
   * performance report is not computed (it is built on demand), as ta4j's run builds none.
   */
  @Benchmark
  public double quantfolioEngine(Blackhole bh) {
    BacktestResult r = engine.run(crossover);
    double pnl = 0;
    List<Trade> trades = r.trades();
    for (Trade t : trades) {
      if (!t.isOpen()) {
        pnl += t.pnl();
      }
    }
    bh.consume(trades.size());
    return pnl;
  }
}
