package io.github.quantfolio.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.Momentum;
import io.github.quantfolio.backtest.PositionSizing;
import io.github.quantfolio.backtest.Trade;
import io.github.quantfolio.backtest.TradeSignals;
import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.adapters.FeeModel;
import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.SignalModel;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The replay against the vectorized backtester (two engines, one answer), its no-look-ahead
 * property, the ledger against the broker, and the audit trail's JSON round trip.
 */
class ReplayTest {

  static final SimulatedMarket MARKET = MarketSimulator.builder().assets(4).sectors(2).days(700)
      .build().simulate();
  static final double SHARES = 100;

  static List<Bars> bars() {
    List<Bars> out = new ArrayList<>();
    for (String a : MARKET.assets()) {
      out.add(MARKET.bars(a));
    }
    return out;
  }

  /** Features "up" and "down": the Momentum strategy's entry and exit signals at the bar. */
  static FeatureSource momentumFeatures(List<Bars> bars) {
    Map<String, TradeSignals> signals = new HashMap<>();
    for (Bars b : bars) {
      signals.put(b.symbol(), new Momentum().signals(b)); // causal indicators: row t uses 0..t
    }
    return (b, t) -> {
      TradeSignals s = signals.get(b.symbol());
      return new Features(b.symbol(), b.index().instant(t), List.of("up", "down"),
          new double[] {s.longEntry()[t] ? 1 : 0, s.longExit()[t] ? 1 : 0});
    };
  }

  static final SignalModel ENTER_OR_EXIT = f -> f.get("up") > 0 ? new Signal(1, 1)
      : f.get("down") > 0 ? new Signal(-1, 1) : Signal.none();

  static TradingPipeline momentumPipeline(List<Bars> bars, String runId) {
    return TradingPipeline.builder(runId)
        .features(momentumFeatures(bars))
        .model(ENTER_OR_EXIT)
        .gate(RiskGate.noLimits())
        // No correlation penalty and no cap below the fixed size: the backtest has neither.
        .sizer(PositionSizer.of("fixed " + SHARES + " shares", new SizingConfig(0.02, 0.005, 0.6,
            0.02, 0.25, 2.0, 1, 0.15, 0), r -> SHARES * r.price() / r.equity()))
        .build();
  }

  /**
   * Two engines, one answer: the pipeline with the Momentum strategy's signals, no reviewer,
   * no limits and fixed sizing, replayed on the bar-driven paper broker, trades exactly as
   * {@code Backtest.run(new Momentum())} with fixed-share sizing: the same round trips (entry
   * and exit bar, quantity, prices) and the same equity at every close, fees included.
   */
  @Test
  void replayReproducesTheVectorizedBacktestOfMomentum() {
    List<Bars> bars = bars();
    double feeBps = 10;
    BacktestResult bt = Backtest.of(bars)
        .withConfig(BacktestConfig.defaults().withInitialCapital(1_000_000).withFeeBps(feeBps))
        .withSizing(PositionSizing.fixedShares(SHARES))
        .run(new Momentum());
    ReplayResult replay = Replay.of(momentumPipeline(bars, "momentum-check"))
        .withCash(1_000_000).withFees(FeeModel.bps(feeBps)).run(bars);

    List<Trade> closed = bt.trades().stream().filter(t -> !t.isOpen()).toList();
    assertTrue(closed.size() >= 10, "the check needs trades: " + closed.size());
    assertEquals(closed.size(), replay.trades().size(), "closed trades");
    // The ledger lists round trips by exit; the backtest by asset then entry: sort both by
    // symbol and entry. Prices agree to rounding (the ledger averages value / quantity).
    List<Trade> bts = new ArrayList<>(closed);
    bts.sort(java.util.Comparator.comparing(Trade::asset).thenComparing(Trade::entryBar));
    List<RoundTrip> rts = new ArrayList<>(replay.trades());
    rts.sort(java.util.Comparator.comparing(RoundTrip::symbol)
        .thenComparing(RoundTrip::entryTime));
    for (int k = 0; k < bts.size(); k++) {
      Trade t = bts.get(k);
      RoundTrip r = rts.get(k);
      String what = "trade " + k + " (" + t + " vs " + r + ")";
      assertEquals(t.asset(), r.symbol(), what);
      assertEquals(bt.index().instant(t.entryBar()), r.entryTime(), what);
      assertEquals(bt.index().instant(t.exitBar()), r.exitTime(), what);
      assertEquals(t.quantity(), r.quantity(), what);
      Tolerance.assertNear(t.entryPrice(), r.entryPrice(), 1e-12 * t.entryPrice(), what);
      Tolerance.assertNear(t.exitPrice(), r.exitPrice(), 1e-12 * t.exitPrice(), what);
    }
    double[] e1 = bt.equity();
    double[] e2 = replay.equity();
    assertEquals(e1.length, e2.length);
    for (int t = 0; t < e1.length; t++) {
      // Same fills and fees, summed in a different order: equal to rounding.
      Tolerance.assertNear(e1[t], e2[t], 1e-9 * 1_000_000, "equity at bar " + t);
    }
    assertEquals(bt.totalFees(), replay.fills().stream().mapToDouble(f -> f.fee()).sum(),
        1e-9 * 1_000_000);
  }

  /**
   * No look-ahead, tested as the backtester tests it: replaying bars cut after bar t gives the
   * same decisions and equity up to bar t as replaying them all; and corrupting every bar after
   * t (prices x 3) changes nothing up to t either.
   */
  @Test
  void decisionsUpToABarDoNotDependOnLaterBars() {
    List<Bars> all = bars();
    ReplayResult full = Replay.of(momentumPipeline(all, "lookahead")).withCash(1_000_000)
        .run(all);
    for (int cut : new int[] {150, 333, 600}) {
      List<Bars> head = new ArrayList<>();
      List<Bars> corrupted = new ArrayList<>();
      for (Bars b : all) {
        head.add(b.slice(0, cut + 1));
        double[] o = b.open().clone();
        double[] h = b.high().clone();
        double[] l = b.low().clone();
        double[] c = b.close().clone();
        for (int i = cut + 1; i < b.size(); i++) {
          o[i] *= 3;
          h[i] *= 3;
          l[i] *= 3;
          c[i] *= 3;
        }
        corrupted.add(Bars.of(b.symbol(), b.index(), o, h, l, c, b.volume()));
      }
      // Features come from the same source as the run (built on the bars it replays).
      ReplayResult cutRun = Replay.of(momentumPipeline(head, "lookahead")).withCash(1_000_000)
          .run(head);
      ReplayResult corruptRun = Replay.of(momentumPipeline(corrupted, "lookahead"))
          .withCash(1_000_000).run(corrupted);
      for (ReplayResult other : List.of(cutRun, corruptRun)) {
        for (int t = 0; t <= cut; t++) {
          assertEquals(full.equity()[t], other.equity()[t], "equity at bar " + t + ", cut " + cut);
        }
        java.time.Instant last = all.get(0).index().instant(cut);
        assertEquals(upTo(full.records(), last), upTo(other.records(), last),
            "records up to bar " + cut);
      }
    }
  }

  static List<DecisionRecord> upTo(List<DecisionRecord> records, java.time.Instant last) {
    return records.stream().filter(r -> !r.asOf().isAfter(last)).toList();
  }

  /** Parallel features change nothing: the same records, byte for byte, with FeatureBuilder. */
  @Test
  void parallelFeaturesGiveTheSameRecords() {
    SimulatedMarket m = MarketSimulator.builder().assets(12).sectors(3).days(600).seed(5).build()
        .simulate();
    List<Bars> bars = new ArrayList<>();
    for (String a : m.assets()) {
      bars.add(m.bars(a));
    }
    SignalModel model = f -> {
      double r = f.get(FeatureBuilder.returnName(20));
      return Double.isNaN(r) ? Signal.none() : new Signal(Math.tanh(10 * r), 0.7);
    };
    java.util.function.Supplier<TradingPipeline.Builder> builder = () -> TradingPipeline
        .builder("parallel").features(FeatureBuilder.defaults()).model(model)
        .gate(RiskGate.of(io.github.quantfolio.risk.RiskLimits.defaults().withMaxVolatility(0.6)))
        .sizer(PositionSizer.confidenceWeighted(SizingConfig.defaults()));
    ReplayResult sequential = Replay.of(builder.get().build()).run(bars);
    ReplayResult parallel = Replay.of(builder.get().parallelFeatures().build()).run(bars);
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    DecisionRecords.write(sequential.records(), a);
    DecisionRecords.write(parallel.records(), b);
    assertEquals(a.toString(), b.toString());
    assertTrue(sequential.fills().size() > 30, "the run must trade: " + sequential.fills().size());
  }

  /** The ledger fed by the broker's fills agrees with the broker: NAV = equity at the end. */
  @Test
  void ledgerNavEqualsBrokerEquity() {
    List<Bars> bars = bars();
    ReplayResult r = Replay.of(momentumPipeline(bars, "ledger")).withCash(1_000_000)
        .withFees(FeeModel.bps(5).withFixed(1)).run(bars);
    double[] equity = r.equity();
    Tolerance.assertNear(equity[equity.length - 1], r.book().nav(), 1e-9 * 1_000_000,
        "NAV vs broker equity");
    assertFalse(r.fills().isEmpty());
    String text = r.toString();
    assertTrue(text.startsWith("Replay " + r.index().first() + " .. " + r.index().last() + " ("
        + r.index().size() + " bars): equity 1000000.00 -> "), text);
    assertTrue(text.contains(r.fills().size() + " fills, " + r.trades().size()
        + " closed trades, " + r.records().size() + " decisions: "), text);
    assertTrue(text.contains("final state ACTIVE"), text);
    assertTrue(text.contains("Sharpe"), text);
    assertEquals(r.records().stream().filter(d -> d.symbol().equals("A01")).toList(),
        r.records("A01"));
  }

  /** Same inputs, byte-identical audit trail; and the trail reads back to equal records. */
  @Test
  void auditTrailIsByteIdenticalAndRoundTrips() {
    List<Bars> bars = bars();
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    ReplayResult first = Replay.of(momentumPipeline(bars, "audit")).run(bars);
    DecisionRecords.write(first.records(), a);
    DecisionRecords.write(Replay.of(momentumPipeline(bars, "audit")).run(bars).records(), b);
    assertEquals(a.toString(), b.toString());
    List<DecisionRecord> back = DecisionRecords.read(new StringReader(a.toString()));
    assertEquals(first.records(), back);
    assertTrue(first.records().stream().anyMatch(r -> !r.orders().isEmpty()));
  }
}
