package io.github.quantfolio.examples;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketRegime;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.indicators.Adx;
import io.github.quantfolio.indicators.Bands;
import io.github.quantfolio.indicators.Indicators;
import io.github.quantfolio.indicators.Macd;
import io.github.quantfolio.indicators.Regime;
import io.github.quantfolio.indicators.RegimeDetector;
import io.github.quantfolio.indicators.Signals;
import io.github.quantfolio.indicators.StreamingRsi;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A tour of the indicators module on the simulated market: batch indicators with TA-Lib's
 * conventions, a streaming twin, the NaN policy, strategy signals and regime labels.
 *
 * <p>Run it with {@code java -cp examples/target/quantfolio-examples-all.jar
 * io.github.quantfolio.examples.IndicatorsTour} after {@code mvn -B -DskipTests install}.
 */
public final class IndicatorsTour {

  private IndicatorsTour() {
  }

  public static void main(String[] args) {
    // README-BEGIN
    SimulatedMarket market = MarketSimulator.defaultMarket();
    Bars bars = market.bars("A01");
    double[] close = bars.close();

    // Batch indicators: full-length arrays, NaN during the warm-up, TA-Lib's lookbacks and seeds.
    double[] sma20 = Indicators.sma(close, 20);
    double[] rsi14 = Indicators.rsi(close, 14);
    Macd macd = Indicators.macd(close, 12, 26, 9);   // all three series defined from index 33
    Bands bb = Indicators.bollinger(close, 20, 2);   // population standard deviation
    Adx adx = Indicators.adx(bars, 14);              // ADX from index 27, +DI/-DI from 14
    double[] percentB = bb.percentB(close);
    int t = close.length - 1;
    System.out.printf("A01 on %s: close %.2f, SMA20 %.2f, RSI14 %.1f, MACD %.3f (signal %.3f),"
        + " %%B %.2f, ADX %.1f%n", bars.index().label(t), close[t], sma20[t], rsi14[t],
        macd.line()[t], macd.signal()[t], percentB[t], adx.adx()[t]);

    // The streaming twin gives the same number, one bar at a time.
    StreamingRsi live = StreamingRsi.of(14);
    for (double c : close) {
      live.update(c);
    }
    System.out.println("Streaming RSI14 = batch RSI14: " + (live.value() == rsi14[t]));

    // A missing bar (NaN) restarts the indicator: no value is computed across the gap.
    double[] gappy = close.clone();
    gappy[1000] = Double.NaN;
    double[] sma = Indicators.sma(gappy, 20);
    System.out.printf("SMA20 around a missing bar 1000: %.2f, NaN, ..., NaN (bar 1019), %.2f%n",
        sma[999], sma[1020]);

    // Entry conditions of classic strategies as boolean[] one-liners.
    boolean[] momentum = Signals.momentumEntry(close);
    boolean[] dip = Signals.meanReversionEntry(close);
    boolean[] breakout = Signals.donchianBreakoutUp(bars, 20);
    System.out.printf("Signals over %d bars: momentum %d, mean reversion %d, 20-day breakout %d%n",
        close.length, Signals.count(momentum), Signals.count(dip), Signals.count(breakout));

    // Regime labels from ADX, moving-average slope and a volatility percentile.
    Regime[] regimes = RegimeDetector.defaults().classify(bars);
    Map<Regime, Integer> counts = new EnumMap<>(Regime.class);
    for (Regime r : regimes) {
      counts.merge(r, 1, Integer::sum);
    }
    System.out.println("Regimes of A01: " + counts);
    // README-END

    // The simulator knows its true volatility regime: how often is a stressed day labelled
    // high-volatility, and a calm one?
    List<MarketRegime> truth = market.regimes();
    int[] high = new int[2];
    int[] days = new int[2];
    for (int i = 0; i < regimes.length; i++) {
      if (regimes[i] != Regime.UNKNOWN) {
        int s = truth.get(i) == MarketRegime.STRESSED ? 1 : 0;
        days[s]++;
        high[s] += regimes[i] == Regime.HIGH_VOLATILITY ? 1 : 0;
      }
    }
    System.out.printf("High-volatility label on stressed days: %.0f%%, on calm days: %.0f%%%n",
        100.0 * high[1] / days[1], 100.0 * high[0] / days[0]);
  }
}
