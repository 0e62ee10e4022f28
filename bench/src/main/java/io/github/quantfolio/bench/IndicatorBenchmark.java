package io.github.quantfolio.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import io.github.quantfolio.indicators.Indicators;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
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
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The issue-3 indicators on 1M and 10M bars: Quantfolio against TA-Lib's Java port and ta4j 0.17
 * ({@code DoubleNum}) in the same run. Quantfolio and TA-Lib write into preallocated output arrays
 * (both APIs allow it; allocation would only add the cost of zeroing the arrays); ta4j builds its
 * indicator objects afresh per operation (its results are cached in the objects, so a reused object
 * would measure a cache lookup) and every value is read. Method names are
 * {@code <indicator>_<library>}; the parameters are the usual ones (SMA/EMA 20, RSI 14,
 * Bollinger 20 x 2, MACD 12/26/9, ADX 14, ATR 14, stochastic 5/3/3 with SMA smoothing).
 *
 * <p>Input: a seeded random walk of OHLC bars (1% moves, highs/lows up to 0.5% beyond). A benchmark
 * asserts nothing; the tests check the numbers agree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-XX:+UseParallelGC"})
public class IndicatorBenchmark {

  /** Number of bars. */
  @Param({"1000000", "10000000"})
  public int bars;

  double[] high;
  double[] low;
  double[] close;
  double[] o1;
  double[] o2;
  double[] o3;
  final Core core = new Core();
  final MInteger begin = new MInteger();
  final MInteger count = new MInteger();

  @Setup(Level.Trial)
  public void data() {
    high = new double[bars];
    low = new double[bars];
    close = new double[bars];
    fill(bars, high, low, close);
    o1 = new double[bars];
    o2 = new double[bars];
    o3 = new double[bars];
  }

  static void fill(int n, double[] high, double[] low, double[] close) {
    SplittableRandom r = new SplittableRandom(42);
    double p = 100;
    for (int i = 0; i < n; i++) {
      double open = p;
      p *= Math.exp(0.01 * (r.nextDouble() - 0.5) * 2);
      close[i] = p;
      high[i] = Math.max(open, p) * (1 + 0.005 * r.nextDouble());
      low[i] = Math.min(open, p) * (1 - 0.005 * r.nextDouble());
    }
  }

  /** ta4j's bar series of the same bars, built only for the ta4j benchmarks. */
  @State(Scope.Benchmark)
  public static class Ta4jSeries {
    BarSeries series;

    @Setup(Level.Trial)
    public void build(IndicatorBenchmark data) {
      series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
      ZonedDateTime t = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
      for (int i = 0; i < data.bars; i++) {
        double c = data.close[i];
        series.addBar(t.plusMinutes(i), DoubleNum.valueOf(c), DoubleNum.valueOf(data.high[i]),
            DoubleNum.valueOf(data.low[i]), DoubleNum.valueOf(c), DoubleNum.valueOf(1000));
      }
    }
  }

  static double readAll(BarSeries s, Indicator<Num> a, Blackhole bh) {
    double last = 0;
    for (int i = s.getBeginIndex(); i <= s.getEndIndex(); i++) {
      last = a.getValue(i).doubleValue();
    }
    bh.consume(last);
    return last;
  }

  static void readAll(BarSeries s, Indicator<Num> a, Indicator<Num> b, Indicator<Num> c,
      Blackhole bh) {
    for (int i = s.getBeginIndex(); i <= s.getEndIndex(); i++) {
      bh.consume(a.getValue(i));
      bh.consume(b.getValue(i));
      if (c != null) {
        bh.consume(c.getValue(i));
      }
    }
  }

  // ------------------------------------------------------------------ memory-bandwidth baselines

  /**
   * Not an indicator: copies {@code close} to an output array with {@link System#arraycopy}, the
   * fastest way the JVM has to read one array and write another (its stub may avoid reading the
   * destination before writing it). SMA moves the same bytes (one input read, one output
   * written), so this is its floor.
   */
  @Benchmark
  public double[] copy_arraycopy() {
    System.arraycopy(close, 0, o1, 0, bars);
    return o1;
  }

  /** The same copy as a plain loop, the form the indicator kernels have. */
  @Benchmark
  public double[] copy_loop() {
    double[] x = close;
    double[] out = o1;
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i];
    }
    return out;
  }

  // ------------------------------------------------------------------------------------ SMA(20)

  @Benchmark
  public double[] sma_quantfolio() {
    return Indicators.sma(close, 20, o1);
  }

  @Benchmark
  public double[] sma_talib() {
    core.sma(0, bars - 1, close, 20, begin, count, o1);
    return o1;
  }

  @Benchmark
  public void sma_ta4j(Ta4jSeries t, Blackhole bh) {
    readAll(t.series, new SMAIndicator(new ClosePriceIndicator(t.series), 20), bh);
  }

  // ------------------------------------------------------------------------------------ EMA(20)

  @Benchmark
  public double[] ema_quantfolio() {
    return Indicators.ema(close, 20, o1);
  }

  @Benchmark
  public double[] ema_talib() {
    core.ema(0, bars - 1, close, 20, begin, count, o1);
    return o1;
  }

  @Benchmark
  public void ema_ta4j(Ta4jSeries t, Blackhole bh) {
    readAll(t.series, new EMAIndicator(new ClosePriceIndicator(t.series), 20), bh);
  }

  // ------------------------------------------------------------------------------------ RSI(14)

  @Benchmark
  public double[] rsi_quantfolio() {
    return Indicators.rsi(close, 14, o1);
  }

  @Benchmark
  public double[] rsi_talib() {
    core.rsi(0, bars - 1, close, 14, begin, count, o1);
    return o1;
  }

  @Benchmark
  public void rsi_ta4j(Ta4jSeries t, Blackhole bh) {
    readAll(t.series, new RSIIndicator(new ClosePriceIndicator(t.series), 14), bh);
  }

  // ---------------------------------------------------------------------------- BBANDS(20, 2)

  @Benchmark
  public Object bbands_quantfolio() {
    return Indicators.bollinger(close, 20, 2, o1, o2, o3);
  }

  @Benchmark
  public double[] bbands_talib() {
    core.bbands(0, bars - 1, close, 20, 2, 2, MAType.Sma, begin, count, o1, o2, o3);
    return o1;
  }

  @Benchmark
  public void bbands_ta4j(Ta4jSeries t, Blackhole bh) {
    ClosePriceIndicator c = new ClosePriceIndicator(t.series);
    BollingerBandsMiddleIndicator m = new BollingerBandsMiddleIndicator(new SMAIndicator(c, 20));
    StandardDeviationIndicator sd = new StandardDeviationIndicator(c, 20);
    Num k = DoubleNum.valueOf(2);
    readAll(t.series, new BollingerBandsUpperIndicator(m, sd, k), m,
        new BollingerBandsLowerIndicator(m, sd, k), bh);
  }

  // ------------------------------------------------------------------------- MACD(12, 26, 9)

  @Benchmark
  public Object macd_quantfolio() {
    return Indicators.macd(close, 12, 26, 9, o1, o2, o3);
  }

  @Benchmark
  public double[] macd_talib() {
    core.macd(0, bars - 1, close, 12, 26, 9, begin, count, o1, o2, o3);
    return o1;
  }

  @Benchmark
  public void macd_ta4j(Ta4jSeries t, Blackhole bh) {
    MACDIndicator m = new MACDIndicator(new ClosePriceIndicator(t.series), 12, 26);
    EMAIndicator s = new EMAIndicator(m, 9);
    for (int i = t.series.getBeginIndex(); i <= t.series.getEndIndex(); i++) {
      Num line = m.getValue(i);
      Num signal = s.getValue(i);
      bh.consume(line.minus(signal));
    }
  }

  // ------------------------------------------------------------------------------------ ADX(14)

  @Benchmark
  public Object adx_quantfolio() {
    return Indicators.adx(high, low, close, 14, o1, o2, o3);
  }

  @Benchmark
  public double[] adx_talib() {
    core.adx(0, bars - 1, high, low, close, 14, begin, count, o1);
    return o1;
  }

  @Benchmark
  public void adx_ta4j(Ta4jSeries t, Blackhole bh) {
    readAll(t.series, new ADXIndicator(t.series, 14), bh);
  }

  // ------------------------------------------------------------------------------------ ATR(14)

  @Benchmark
  public double[] atr_quantfolio() {
    return Indicators.atr(high, low, close, 14, o1);
  }

  /**
   * As {@link #atr_quantfolio} but through the allocating overload (a new output array per call),
   * to show what the preallocated output saves; ta4j has no allocation-free form.
   */
  @Benchmark
  public double[] atrAlloc_quantfolio() {
    return Indicators.atr(high, low, close, 14);
  }

  @Benchmark
  public double[] atr_talib() {
    core.atr(0, bars - 1, high, low, close, 14, begin, count, o1);
    return o1;
  }

  @Benchmark
  public void atr_ta4j(Ta4jSeries t, Blackhole bh) {
    readAll(t.series, new ATRIndicator(t.series, 14), bh);
  }

  // ----------------------------------------------------------------------------- STOCH(5, 3, 3)

  @Benchmark
  public Object stoch_quantfolio() {
    return Indicators.stochastic(high, low, close, 5, 3, 3, o1, o2);
  }

  /** As {@link #stoch_quantfolio} through the allocating overload (two new output arrays). */
  @Benchmark
  public Object stochAlloc_quantfolio() {
    return Indicators.stochastic(high, low, close, 5, 3, 3);
  }

  @Benchmark
  public double[] stoch_talib() {
    core.stoch(0, bars - 1, high, low, close, 5, 3, MAType.Sma, 3, MAType.Sma, begin, count, o1,
        o2);
    return o1;
  }

  /**
   * ta4j's own {@code StochasticOscillatorKIndicator} (0.17) is quadratic: its
   * {@code calculate(i)} builds a new, empty {@code HighestValueIndicator} and
   * {@code LowestValueIndicator} on every call, whose cache then fills from bar 0 to i (measured:
   * 0.65 s for 16,000 bars, x2.8 per doubling; 1M bars would take about 40 minutes). This
   * benchmark therefore builds %K from ta4j's cached parts, {@link FastStochasticK}: the fastest a
   * ta4j user can get.
   */
  @Benchmark
  public void stoch_ta4j(Ta4jSeries t, Blackhole bh) {
    SMAIndicator k = new SMAIndicator(new FastStochasticK(t.series, 5), 3);
    readAll(t.series, k, new SMAIndicator(k, 3), null, bh);
  }

  /** Fast %K from ta4j's cached highest-high / lowest-low indicators, created once. */
  static final class FastStochasticK extends CachedIndicator<Num> {
    private final ClosePriceIndicator close;
    private final HighestValueIndicator highest;
    private final LowestValueIndicator lowest;
    private final Num hundred;

    FastStochasticK(BarSeries series, int n) {
      super(series);
      close = new ClosePriceIndicator(series);
      highest = new HighestValueIndicator(new HighPriceIndicator(series), n);
      lowest = new LowestValueIndicator(new LowPriceIndicator(series), n);
      hundred = numOf(100);
    }

    @Override
    protected Num calculate(int i) {
      Num h = highest.getValue(i);
      Num l = lowest.getValue(i);
      return close.getValue(i).minus(l).dividedBy(h.minus(l)).multipliedBy(hundred);
    }

    @Override
    public int getUnstableBars() {
      return 0;
    }
  }
}
