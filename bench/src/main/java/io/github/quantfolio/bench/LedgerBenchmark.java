package io.github.quantfolio.bench;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.adapters.Fill;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.trading.Ledger;
import io.github.quantfolio.trading.LedgerOptions;
import io.github.quantfolio.trading.LedgerSnapshot;
import io.github.quantfolio.trading.OrderPlan;
import io.github.quantfolio.trading.OrderPlanner;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The trading issue's speed targets: recording fills at 1 million or more per second on one core
 * (100 symbols, FIFO lots), a snapshot of a 500-position book within 50 us, and planning the
 * orders of a 500-asset target within 1 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class LedgerBenchmark {

  /** Fills per {@link #recordFills} invocation. */
  static final int FILLS = 100_000;

  private final Instant start = Instant.parse("2024-01-02T14:30:00Z");
  private Fill[] fills;
  private Ledger book500;
  private LedgerSnapshot snapshot500;
  private Weights target500;
  private AssetVector prices500;

  @Setup(Level.Trial)
  public void setUp() {
    // 100 symbols; each buys or sells 1..100 units, sells never more than held (long only)
    SplittableRandom rnd = new SplittableRandom(11);
    fills = new Fill[FILLS];
    double[] held = new double[100];
    for (int i = 0; i < FILLS; i++) {
      int s = rnd.nextInt(100);
      double q = 1 + rnd.nextInt(100);
      boolean sell = held[s] > 0 && rnd.nextBoolean();
      if (sell) {
        q = Math.min(q, held[s]);
      }
      held[s] += sell ? -q : q;
      fills[i] = Fill.of("S" + s, sell ? Side.SELL : Side.BUY, q, 50 + rnd.nextDouble() * 50,
          0.5, start.plusMillis(i));
    }
    book500 = Ledger.open(start, 1e9);
    Map<String, Double> w = new LinkedHashMap<>();
    Map<String, Double> p = new LinkedHashMap<>();
    for (int s = 0; s < 500; s++) {
      String sym = "T" + s;
      for (int lot = 0; lot < 3; lot++) {
        book500.record(Fill.of(sym, Side.BUY, 10 + lot, 100 + s % 7, 1, start.plusSeconds(s)));
      }
      book500.mark(sym, 101 + s % 5, start.plusSeconds(600 + s));
      w.put(sym, 1.0 / 600 + (s % 3) * 1e-4);
      p.put(sym, 101.0 + s % 5);
    }
    snapshot500 = book500.snapshot();
    target500 = Weights.of(w);
    prices500 = AssetVector.of(p);
  }

  /** Records {@link #FILLS} fills into a new FIFO ledger; the score is per fill. */
  @Benchmark
  @OperationsPerInvocation(FILLS)
  public Ledger recordFills() {
    Ledger l = Ledger.open(start, 1e9, LedgerOptions.defaults());
    for (Fill f : fills) {
      l.record(f);
    }
    return l;
  }

  /** A snapshot of a book of 500 open positions (1,500 lots). */
  @Benchmark
  public LedgerSnapshot snapshot500() {
    return book500.snapshot();
  }

  /** Orders from a 500-asset target on a 500-position book. */
  @Benchmark
  public OrderPlan plan500() {
    return OrderPlanner.defaults().plan("bench", start, target500, snapshot500, prices500);
  }
}
