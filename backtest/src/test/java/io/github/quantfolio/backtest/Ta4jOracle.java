package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.TimeIndex;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * Test oracle: the long-only SMA(fast)/SMA(slow) crossover run through ta4j 0.17's
 * {@link BarSeriesManager}, its trades returned as plain records, so engine tests can compare
 * their trades with an independent implementation.
 *
 * <h2>ta4j 0.17's timing, exactly</h2>
 *
 * Established by reading the bytecode of {@code ta4j-core-0.17.jar} ({@code javap -c}; no
 * sources jar in the local repository) and confirmed by {@code Ta4jOracleTest} on hand-made
 * series:
 *
 * <ol>
 *   <li><b>Execution model.</b> {@code new BarSeriesManager(series)} uses
 *       {@code TradeOnNextOpenModel} and {@code ZeroCostModel} for both transaction and holding
 *       costs; {@code run(strategy)} trades {@code BUY} first (long only) with amount
 *       {@code series.one()} = 1 unit, over all bars {@code begin..end}.
 *   <li><b>Signal and fill.</b> For each bar {@code i} in order, if
 *       {@code strategy.shouldOperate(i, record)} (with no open position: the entry rule; with an
 *       open one: the exit rule), the model fills at the <b>open of bar {@code i + 1}</b>:
 *       {@code record.operate(i + 1, open[i + 1], 1)}. A signal on the last bar is dropped (there
 *       is no next open). A position entered at {@code i + 1} is exit-checked from bar
 *       {@code i + 1} on, so the earliest exit fills at {@code i + 2}. {@code TradeOnCurrentCloseModel}
 *       (fill at the signal bar's close) exists but is not the default; this oracle offers it as
 *       {@link Fill#CURRENT_CLOSE}.
 *   <li><b>End of data.</b> A position still open after the last bar is <b>not</b> closed:
 *       {@code TradingRecord.getPositions()} lists closed positions only and the open one is
 *       {@code getCurrentPosition()}. ({@code BarSeriesManager} keeps iterating past the end only
 *       when the series holds more bars than {@code getEndIndex() + 1}, never for a plain series.)
 *       This oracle returns the closed trades in {@link Ta4jRun#trades()} and the open one, if any,
 *       in {@link Ta4jRun#open()}.
 *   <li><b>Unstable period.</b> {@code new BaseStrategy(entry, exit)} has
 *       {@code unstableBars = 0}; {@code isUnstableAt(i)} is {@code i < unstableBars} and no rule is
 *       evaluated at such bars. The indicators' own {@code getUnstableBars()} (SMA: its bar count)
 *       is <em>not</em> consulted by {@code BaseStrategy} or {@code BarSeriesManager}. And
 *       {@code SMAIndicator} has no NaN warm-up: at {@code i < n - 1} it is the mean of the
 *       {@code i + 1} closes so far. So with ta4j's defaults, crossings of these partial means are
 *       traded. This oracle sets {@code unstableBars} explicitly, by default to {@code slow}: bar
 *       {@code slow} is the first at which SMA(slow) at {@code t} and {@code t - 1} both cover
 *       full windows, i.e. the first bar at which an engine with NaN warm-up can see a crossing.
 *   <li><b>Crossing.</b> {@code CrossedUpIndicatorRule(fast, slow)} holds at {@code i} iff
 *       {@code i > 0}, {@code fast[i] > slow[i]}, and at {@code j}, the last index before
 *       {@code i} with {@code fast[j] != slow[j]} (searching down to 0, ignoring the unstable
 *       period), {@code fast[j] < slow[j]}. Bars where the two are exactly equal are skipped
 *       backwards; leaving a run of equality that began at bar 0 is no crossing. Crossing down is
 *       the mirror image. This differs from the common {@code fast[t] > slow[t] &&
 *       fast[t-1] <= slow[t-1]} only when the averages are exactly equal on some bar.
 *   <li><b>Arithmetic.</b> {@code DoubleNum} (this oracle): doubles; the SMA is a running sum
 *       ({@code sum_i = sum_(i-1) + x_i - x_(i-n)}) divided by {@code min(n, i + 1)}.
 * </ol>
 */
final class Ta4jOracle {

  private Ta4jOracle() {
  }

  /** ta4j's two trade execution models. */
  enum Fill {
    /** {@code TradeOnNextOpenModel}, the default: a signal at bar i fills at the open of i + 1. */
    NEXT_OPEN,
    /**
     * {@code TradeOnCurrentCloseModel}: a signal at bar i fills at the close of bar i (so a
     * signal on the last bar is executed, and the exit check starts at the bar after the entry).
     */
    CURRENT_CLOSE
  }

  /**
   * One closed round trip: entered at the open of bar {@code entryIndex}, exited at the open of
   * bar {@code exitIndex}; {@code amount} units (always 1 with ta4j's default run).
   */
  record Ta4jTrade(int entryIndex, int exitIndex, double entryPrice, double exitPrice,
      double amount) {

    /** {@code (exitPrice - entryPrice) x amount}. */
    double profit() {
      return (exitPrice - entryPrice) * amount;
    }
  }

  /** A position still open after the last bar: entered at the open of bar {@code entryIndex}. */
  record OpenEntry(int entryIndex, double entryPrice, double amount) {
  }

  /** The closed trades in order, and the position left open at the end, if any. */
  record Ta4jRun(List<Ta4jTrade> trades, Optional<OpenEntry> open) {
    Ta4jRun {
      trades = List.copyOf(trades);
      Objects.requireNonNull(open, "open");
    }
  }

  /** The crossover on {@code bars} with {@code unstableBars = slow}; bars must have no gap. */
  static Ta4jRun smaCrossover(Bars bars, int fast, int slow) {
    return smaCrossover(bars, fast, slow, slow);
  }

  /** The crossover on {@code bars} with an explicit unstable period; bars must have no gap. */
  static Ta4jRun smaCrossover(Bars bars, int fast, int slow, int unstableBars) {
    return smaCrossover(bars, fast, slow, unstableBars, Fill.NEXT_OPEN);
  }

  /** The crossover on raw arrays with daily UTC timestamps from 2000-01-01 and {@code unstableBars = slow}. */
  static Ta4jRun smaCrossover(double[] open, double[] high, double[] low, double[] close,
      double[] volume, int fast, int slow) {
    ZonedDateTime[] times = new ZonedDateTime[close.length];
    ZonedDateTime t0 = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < times.length; i++) {
      times[i] = t0.plusDays(i);
    }
    return smaCrossover(open, high, low, close, volume, times, fast, slow, slow);
  }

  /**
   * The crossover on raw arrays of equal length.
   *
   * @param volume volumes, or null (then 0; volume plays no part in the strategy)
   * @param times strictly increasing bar end times
   * @param unstableBars the strategy's unstable period: no rule is evaluated at {@code i <
   *     unstableBars}
   */
  static Ta4jRun smaCrossover(double[] open, double[] high, double[] low, double[] close,
      double[] volume, ZonedDateTime[] times, int fast, int slow, int unstableBars) {
    return smaCrossover(open, high, low, close, volume, times, fast, slow, unstableBars,
        Fill.NEXT_OPEN);
  }

  /** The crossover on {@code bars} with an explicit unstable period and execution model. */
  static Ta4jRun smaCrossover(Bars bars, int fast, int slow, int unstableBars, Fill fill) {
    TimeIndex index = bars.index();
    ZonedDateTime[] times = new ZonedDateTime[index.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = ZonedDateTime.ofInstant(Instant.ofEpochMilli(index.epochMillis(i)), ZoneOffset.UTC);
    }
    return smaCrossover(bars.open(), bars.high(), bars.low(), bars.close(), bars.volume(), times,
        fast, slow, unstableBars, fill);
  }

  /**
   * The crossover on raw arrays of equal length with the given execution model; prices in the
   * returned trades are then opens ({@link Fill#NEXT_OPEN}) or closes ({@link
   * Fill#CURRENT_CLOSE}).
   */
  static Ta4jRun smaCrossover(double[] open, double[] high, double[] low, double[] close,
      double[] volume, ZonedDateTime[] times, int fast, int slow, int unstableBars, Fill fill) {
    int n = close.length;
    if (open.length != n || high.length != n || low.length != n || times.length != n
        || (volume != null && volume.length != n)) {
      throw new IllegalArgumentException("Expected arrays of equal length " + n);
    }
    if (fast < 1 || slow <= fast) {
      throw new IllegalArgumentException(
          "Expected 1 <= fast < slow, but found fast " + fast + ", slow " + slow);
    }
    BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
    for (int i = 0; i < n; i++) {
      if (!(open[i] > 0 && high[i] > 0 && low[i] > 0 && close[i] > 0)) {
        throw new IllegalArgumentException("Bar " + i + " is missing or not positive (open "
            + open[i] + ", high " + high[i] + ", low " + low[i] + ", close " + close[i]
            + "); ta4j has no missing bars: slice from the listing row");
      }
      series.addBar(times[i], series.numOf(open[i]), series.numOf(high[i]), series.numOf(low[i]),
          series.numOf(close[i]), series.numOf(volume == null ? 0 : volume[i]));
    }
    ClosePriceIndicator price = new ClosePriceIndicator(series);
    SMAIndicator f = new SMAIndicator(price, fast);
    SMAIndicator s = new SMAIndicator(price, slow);
    Strategy strategy = new BaseStrategy("sma-crossover", new CrossedUpIndicatorRule(f, s),
        new CrossedDownIndicatorRule(f, s), unstableBars);
    BarSeriesManager manager = fill == Fill.NEXT_OPEN
        ? new BarSeriesManager(series, new TradeOnNextOpenModel())
        : new BarSeriesManager(series, new TradeOnCurrentCloseModel());
    TradingRecord record = manager.run(strategy);

    List<Ta4jTrade> trades = new ArrayList<>();
    for (Position p : record.getPositions()) {
      trades.add(new Ta4jTrade(p.getEntry().getIndex(), p.getExit().getIndex(),
          p.getEntry().getPricePerAsset().doubleValue(), p.getExit().getPricePerAsset().doubleValue(),
          p.getEntry().getAmount().doubleValue()));
    }
    Position current = record.getCurrentPosition();
    Optional<OpenEntry> open1 = current.isOpened()
        ? Optional.of(new OpenEntry(current.getEntry().getIndex(),
            current.getEntry().getPricePerAsset().doubleValue(),
            current.getEntry().getAmount().doubleValue()))
        : Optional.empty();
    return new Ta4jRun(trades, open1);
  }
}
