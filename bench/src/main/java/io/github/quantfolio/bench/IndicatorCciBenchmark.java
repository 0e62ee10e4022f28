package io.github.quantfolio.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import io.github.quantfolio.indicators.Indicators;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CCI against TA-Lib's Java port on 1M bars (the same random walk as {@link IndicatorBenchmark})
 * for short and long windows. TA-Lib's CCI is O(window) per bar; Quantfolio's is the same formula
 * up to {@code CciWindow.DIRECT_MAX} = 256 bars and O(log window) beyond, so the interesting
 * figure is how the cost grows with the window. A benchmark asserts nothing; the tests check the
 * numbers agree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class IndicatorCciBenchmark {

  /** Number of bars. */
  @Param({"1000000"})
  public int bars;

  /** CCI window. */
  @Param({"20", "256", "257", "1000"})
  public int window;

  double[] high;
  double[] low;
  double[] close;
  double[] out;
  final Core core = new Core();
  final MInteger begin = new MInteger();
  final MInteger count = new MInteger();

  @Setup
  public void data() {
    high = new double[bars];
    low = new double[bars];
    close = new double[bars];
    IndicatorBenchmark.fill(bars, high, low, close);
    out = new double[bars];
  }

  @Benchmark
  public double[] cci_quantfolio() {
    return Indicators.cci(high, low, close, window, out);
  }

  @Benchmark
  public double[] cci_talib() {
    core.cci(0, bars - 1, high, low, close, window, begin, count, out);
    return out;
  }
}
