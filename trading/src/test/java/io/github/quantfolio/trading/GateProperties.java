package io.github.quantfolio.trading;

import static io.github.quantfolio.trading.PipelineFixtures.CLOSE;
import static io.github.quantfolio.trading.PipelineFixtures.at;
import static io.github.quantfolio.trading.PipelineFixtures.bars;
import static io.github.quantfolio.trading.PipelineFixtures.broker;
import static io.github.quantfolio.trading.PipelineFixtures.fixed;
import static io.github.quantfolio.trading.PipelineFixtures.zigzag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.PaperBroker;
import io.github.quantfolio.core.adapters.Position;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.TradeReviewer;
import io.github.quantfolio.risk.RiskLimits;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The gate has the last word, on random books: a reviewer that always asks for 100 times the
 * proposal leaves exactly the orders of a reviewer that approves everything, and no order that
 * opens or adds to a position leaves it above the weight limits or gross exposure above the
 * account's limit.
 */
class GateProperties {

  static final int LAST = 59;
  static final double INF = Double.POSITIVE_INFINITY;

  /** One random symbol: its price, the signal, and a position held before the cycle. */
  record Asset(double price, double signal, double confidence, int held) {
  }

  record Scenario(List<Asset> assets, double cash, double maxWeight, double maxGross,
      double sizeFraction, boolean shorts) {
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Asset> asset = Combinators.combine(
        Arbitraries.doubles().between(1, 500).ofScale(2),
        Arbitraries.of(-1.0, -0.5, 0.0, 0.5, 1.0),
        Arbitraries.doubles().between(0.6, 1).ofScale(2),
        Arbitraries.integers().between(0, 400)).as(Asset::new);
    return Combinators.combine(asset.list().ofMinSize(1).ofMaxSize(6),
        Arbitraries.doubles().between(10_000, 1_000_000).ofScale(0),
        Arbitraries.doubles().between(0.01, 0.6).ofScale(3),
        Arbitraries.doubles().between(0.2, 2).ofScale(2),
        Arbitraries.doubles().between(0.01, 1).ofScale(2),
        Arbitraries.of(true, false)).as(Scenario::new);
  }

  static Map<String, Bars> market(Scenario s) {
    Map<String, Bars> m = new TreeMap<>();
    for (int i = 0; i < s.assets().size(); i++) {
      double p = s.assets().get(i).price();
      m.put("S" + i, bars("S" + i, zigzag(p, p, 60)));
    }
    return m;
  }

  /** A broker holding the scenario's positions (bought with extra cash, so cash stays s.cash). */
  static PaperBroker broker(Scenario s, Map<String, Bars> market) {
    double cost = 0;
    for (Asset a : s.assets()) {
      cost += a.held() * a.price();
    }
    PaperBroker b = PipelineFixtures.broker(s.cash() + cost, LAST,
        market.values().toArray(new Bars[0]));
    for (int i = 0; i < s.assets().size(); i++) {
      if (s.assets().get(i).held() > 0) {
        b.submit(OrderRequest.market("seed" + i, "S" + i, Side.BUY, s.assets().get(i).held()));
      }
    }
    return b;
  }

  static CycleResult run(Scenario s, TradeReviewer reviewer, PaperBroker broker) {
    Map<String, Signal> signals = new TreeMap<>();
    for (int i = 0; i < s.assets().size(); i++) {
      Asset a = s.assets().get(i);
      signals.put("S" + i, new Signal(a.signal(), a.confidence()));
    }
    AccountProfile profile = AccountProfile.paper("acct").withMaxGrossExposure(s.maxGross());
    TradingPipeline.Builder b = TradingPipeline.builder("prop").features(CLOSE)
        .model(fixed(signals)).reviewer(reviewer)
        .gate(RiskGate.of(new RiskLimits(s.maxWeight(), INF, INF, INF, INF))
            .withAccount(profile))
        .sizer(PositionSizer.fixedPercent(SizingConfig.defaults().withMaxPositionSize(1)
            .withBasePositionSize(s.sizeFraction())));
    return (s.shorts() ? b.shorts() : b).build().cycle(at(LAST), market(s), broker);
  }

  @Property(tries = 300)
  void hostileReviewerChangesNoOrder(@ForAll("scenarios") Scenario s) {
    Map<String, Bars> market = market(s);
    TradeReviewer hostile = (p, c) -> ReviewDecision.resize(100 * p.quantity(), "x100", 1);
    CycleResult plain = run(s, TradeReviewer.approveAll(), broker(s, market));
    PaperBroker hostileBroker = broker(s, market);
    CycleResult loud = run(s, hostile, hostileBroker);
    for (int i = 0; i < plain.records().size(); i++) {
      assertEquals(plain.records().get(i).orders(), loud.records().get(i).orders());
    }
    checkLimits(s, loud, hostileBroker);
  }

  /** Whatever the reviewer answers, the book after the cycle is within the limits it tightened. */
  @Property(tries = 300)
  void anyReviewerAnswerStaysWithinTheLimits(@ForAll("scenarios") Scenario s,
      @ForAll("factors") double factor) {
    Map<String, Bars> market = market(s);
    TradeReviewer random = (p, c) -> ReviewDecision.resize(factor * p.quantity(), "any", 1);
    PaperBroker broker = broker(s, market);
    CycleResult r = run(s, random, broker);
    checkLimits(s, r, broker);
    for (DecisionRecord d : r.records()) {
      if (d.proposal() != null) {
        assertTrue(Math.abs(d.orderedQuantity()) <= d.proposal().quantity(), d.toString());
      }
    }
  }

  @Provide
  Arbitrary<Double> factors() {
    return Arbitraries.doubles().between(0.001, 1000).ofScale(3);
  }

  /** Every position the cycle opened or enlarged is within the weight limit; gross likewise. */
  static void checkLimits(Scenario s, CycleResult r, PaperBroker broker) {
    double equity = r.equity();
    double gross = 0;
    for (Position p : broker.positions()) {
      int i = Integer.parseInt(p.symbol().substring(1));
      Asset a = s.assets().get(i);
      double value = Math.abs(p.quantity()) * a.price();
      gross += value;
      boolean enlarged = Math.abs(p.quantity()) > a.held();
      if (enlarged) {
        assertTrue(value <= s.maxWeight() * equity * (1 + 1e-12), p + " above "
            + s.maxWeight() + " of " + equity);
      }
    }
    boolean anyIncrease = r.records().stream().anyMatch(d -> d.orders().stream()
        .anyMatch(o -> o.accepted()) && d.proposal() != null
        && Math.abs(d.proposal().targetPosition()) > Math.abs(d.positionBefore()));
    if (anyIncrease) {
      double before = 0;
      for (Asset a : s.assets()) {
        before += a.held() * a.price();
      }
      assertTrue(gross <= Math.max(s.maxGross() * equity, before) * (1 + 1e-12),
          "gross " + gross + " above " + s.maxGross() + " x " + equity);
    }
  }
}
