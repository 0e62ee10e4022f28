package io.github.quantfolio.bench;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.adapters.FeeModel;
import io.github.quantfolio.core.adapters.PaperBroker;
import io.github.quantfolio.core.adapters.Quote;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.SignalModel;
import io.github.quantfolio.core.adapters.TradeReviewer;
import io.github.quantfolio.risk.RiskLimits;
import io.github.quantfolio.trading.AccountProfile;
import io.github.quantfolio.trading.CycleResult;
import io.github.quantfolio.trading.FeatureBuilder;
import io.github.quantfolio.trading.PositionSizer;
import io.github.quantfolio.trading.Replay;
import io.github.quantfolio.trading.ReplayResult;
import io.github.quantfolio.trading.RiskGate;
import io.github.quantfolio.trading.SizingConfig;
import io.github.quantfolio.trading.TradingPipeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pipeline issue's targets: one decision cycle over 500 symbols (features from 250 bars,
 * a cheap model, an in-process reviewer, the risk gate with an account profile, sizing, orders
 * to a paper broker) within 20 ms, and a replay of 10 years x 20 symbols within 2 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class PipelineBenchmark {

  /** A cheap model: 20-bar momentum, squashed, at a fixed confidence. */
  static final SignalModel MODEL = f -> {
    double r = f.get(FeatureBuilder.returnName(20));
    return Double.isNaN(r) ? Signal.none() : new Signal(Math.tanh(10 * r), 0.7);
  };

  /** An in-process reviewer: at most 2 % of NAV per trade. */
  static final TradeReviewer REVIEWER = (p, c) -> p.notional() <= 0.02 * c.nav()
      ? ReviewDecision.approve("within 2 % of NAV", 0.9)
      : ReviewDecision.resize(Math.max(1, Math.floor(0.02 * c.nav() / p.referencePrice())),
          "capped at 2 % of NAV", 0.9);

  private Map<String, Bars> market500;
  private Instant asOf500;
  private List<Bars> decade20;
  private PaperBroker broker;

  static TradingPipeline pipeline(String runId) {
    return builder(runId).build();
  }

  static TradingPipeline.Builder builder(String runId) {
    return TradingPipeline.builder(runId)
        .features(FeatureBuilder.defaults())
        .model(MODEL)
        .reviewer(REVIEWER)
        .gate(RiskGate.of(RiskLimits.defaults().withMaxVolatility(0.6))
            .withAccount(AccountProfile.paper("bench").withMaxPositionWeight(0.05)))
        .sizer(PositionSizer.confidenceWeighted(SizingConfig.defaults()));
  }

  @Setup(Level.Trial)
  public void setUp() {
    SimulatedMarket m = MarketSimulator.builder().assets(500).sectors(10).days(300).seed(7)
        .build().simulate();
    market500 = new LinkedHashMap<>();
    for (String a : m.assets()) {
      market500.put(a, m.bars(a));
    }
    Bars first = market500.values().iterator().next();
    asOf500 = first.index().instant(first.size() - 1);
    SimulatedMarket d = MarketSimulator.builder().assets(20).sectors(4).days(2520).seed(8)
        .build().simulate();
    decade20 = new ArrayList<>();
    for (String a : d.assets()) {
      decade20.add(d.bars(a));
    }
  }

  /** A fresh account for every cycle, so that each one trades (nothing is held yet). */
  @Setup(Level.Invocation)
  public void freshBroker() {
    broker = PaperBroker.builder(10_000_000).withFees(FeeModel.bps(5)).build();
    for (Bars b : market500.values()) {
      broker.updateQuote(Quote.of(b.symbol(), b.close()[b.size() - 1], asOf500));
    }
  }

  @Benchmark
  public CycleResult cycle500() {
    return pipeline("bench").cycle(asOf500, market500, broker);
  }

  /** As {@link #cycle500}, features computed on both cores ({@code parallelFeatures()}). */
  @Benchmark
  public CycleResult cycle500ParallelFeatures() {
    return builder("bench").parallelFeatures().build().cycle(asOf500, market500, broker);
  }

  /** As {@link #replay10Years20Symbols}, features computed on both cores. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public ReplayResult replay10Years20SymbolsParallelFeatures() {
    return Replay.of(builder("replay").parallelFeatures().build()).withCash(1_000_000)
        .withFees(FeeModel.bps(5)).run(decade20);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public ReplayResult replay10Years20Symbols() {
    return Replay.of(pipeline("replay")).withCash(1_000_000).withFees(FeeModel.bps(5))
        .run(decade20);
  }
}
