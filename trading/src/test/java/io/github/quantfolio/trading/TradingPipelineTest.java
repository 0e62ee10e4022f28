package io.github.quantfolio.trading;

import static io.github.quantfolio.trading.PipelineFixtures.CLOSE;
import static io.github.quantfolio.trading.PipelineFixtures.at;
import static io.github.quantfolio.trading.PipelineFixtures.bars;
import static io.github.quantfolio.trading.PipelineFixtures.broker;
import static io.github.quantfolio.trading.PipelineFixtures.fixed;
import static io.github.quantfolio.trading.PipelineFixtures.geometric;
import static io.github.quantfolio.trading.PipelineFixtures.market;
import static io.github.quantfolio.trading.PipelineFixtures.quote;
import static io.github.quantfolio.trading.PipelineFixtures.zigzag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.adapters.Account;
import io.github.quantfolio.core.adapters.Broker;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.PaperBroker;
import io.github.quantfolio.core.adapters.Position;
import io.github.quantfolio.core.adapters.Quote;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.TradeReviewer;
import io.github.quantfolio.risk.RiskLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pipeline's stages, the gate's cuts, the trading states and contained failures. */
class TradingPipelineTest {

  static final double INF = Double.POSITIVE_INFINITY;
  static final Bars AAA = bars("AAA", zigzag(50, 50, 60));
  static final Bars BBB = bars("BBB", zigzag(20, 20, 60));
  static final int LAST = 59;
  /** 50 % of equity asked, 25 % after the sizer's maximum position size. */
  static final PositionSizer HALF = PositionSizer.fixedPercent(SizingConfig.defaults()
      .withBasePositionSize(0.5));

  static TradingPipeline.Builder pipeline(RiskLimits limits, Map<String, Signal> signals) {
    return TradingPipeline.builder("test").features(CLOSE).model(fixed(signals))
        .gate(RiskGate.of(limits)).sizer(HALF);
  }

  static RiskLimits weightLimit(double w) {
    return new RiskLimits(w, INF, INF, INF, INF);
  }

  /**
   * Hand calculation: equity 100,000, price 50. The sizer asks 50 % and caps it at its 25 %
   * maximum (500 units); the gate's 10 % weight limit cuts 500 to 10,000 / 50 = 200 units.
   */
  @Test
  void gateCutsTheSizedOrderToTheMaxPositionWeight() {
    PaperBroker broker = broker(100_000, LAST, AAA);
    CycleResult r = pipeline(weightLimit(0.1), Map.of("AAA", new Signal(1, 0.9))).build()
        .cycle(at(LAST), market(AAA), broker);
    DecisionRecord d = r.record("AAA");
    assertEquals(DecisionRecord.Outcome.SUBMITTED, d.outcome());
    assertEquals(500, d.sizing().quantity());
    assertEquals(0.25, d.sizing().fraction());
    assertEquals(List.of(new DecisionRecord.Cut("max position weight", 500, 200,
        d.cuts().get(0).reason())), d.cuts());
    assertEquals(200, d.orders().get(0).quantity());
    assertEquals(OrderStatus.FILLED, d.orders().get(0).status());
    assertEquals(100_000 - 200 * 50, broker.account().cash());
    assertEquals(1, r.events().size());
    assertEquals(PipelineEvent.Kind.LIMIT_HIT, r.events().get(0).kind());
  }

  /** A reviewer that always answers "resize x100" changes nothing but the audit record. */
  @Test
  void hostileReviewerCannotEnlargeATrade() {
    TradeReviewer hostile = (p, c) -> ReviewDecision.resize(100 * p.quantity(), "go big", 1);
    PaperBroker a = broker(100_000, LAST, AAA);
    PaperBroker b = broker(100_000, LAST, AAA);
    Map<String, Signal> buy = Map.of("AAA", new Signal(1, 0.9));
    DecisionRecord plain = pipeline(weightLimit(INF), buy).build()
        .cycle(at(LAST), market(AAA), a).record("AAA");
    DecisionRecord hostileRun = pipeline(weightLimit(INF), buy).reviewer(hostile).build()
        .cycle(at(LAST), market(AAA), b).record("AAA");
    assertEquals(500, plain.orders().get(0).quantity());
    assertEquals(plain.orders(), hostileRun.orders());
    assertEquals(new DecisionRecord.Cut("reviewer may only shrink", 50_000, 500,
        "the reviewer asked for 50000, more than the proposed 500"), hostileRun.cuts().get(0));
    assertEquals(a.positions(), b.positions());
  }

  @Test
  void reviewerMayShrinkOrReject() {
    Map<String, Signal> buy = Map.of("AAA", new Signal(1, 0.9), "BBB", new Signal(1, 0.9));
    TradeReviewer reviewer = (p, c) -> p.symbol().equals("AAA")
        ? ReviewDecision.resize(p.quantity() / 4, "quarter", 0.8)
        : ReviewDecision.reject("earnings tomorrow", 0.7).withRiskFlags(List.of("event"));
    CycleResult r = pipeline(weightLimit(INF), buy).reviewer(reviewer).build()
        .cycle(at(LAST), market(AAA, BBB), broker(100_000, LAST, AAA, BBB));
    assertEquals(125, r.record("AAA").orders().get(0).quantity());
    DecisionRecord bbb = r.record("BBB");
    assertEquals(DecisionRecord.Outcome.REJECTED_BY_REVIEWER, bbb.outcome());
    assertEquals("earnings tomorrow", bbb.note());
    assertEquals(List.of("event"), bbb.review().riskFlags());
    assertTrue(bbb.orders().isEmpty());
  }

  /** The reviewer sees the book, the limits and the recent returns. */
  @Test
  void reviewerSeesTheContext() {
    List<io.github.quantfolio.core.adapters.ReviewContext> seen = new ArrayList<>();
    TradeReviewer spy = (p, c) -> {
      seen.add(c);
      return ReviewDecision.approve("ok", 1);
    };
    PaperBroker broker = broker(100_000, LAST, AAA, BBB);
    broker.submit(OrderRequest.market("seed", "BBB", Side.BUY, 1000)); // 20,000 of BBB
    pipeline(weightLimit(0.3), Map.of("AAA", new Signal(1, 0.9))).reviewer(spy).recentReturns(5)
        .build().cycle(at(LAST), market(AAA, BBB), broker);
    var c = seen.get(0);
    assertEquals(100_000, c.nav());
    assertEquals(80_000, c.cash());
    assertEquals(Map.of("BBB", 0.2), c.positionWeights());
    assertEquals(0.2, c.grossExposure());
    assertEquals(5, c.recentReturns().length);
    assertEquals(0.3, c.limits().get("maxPositionWeight"));
    assertEquals(50.0, c.features().get("close"));
    assertEquals(new Signal(1, 0.9), c.signal());
  }

  @Test
  void failuresAreContainedPerSymbol() {
    TradeReviewer slowOrBroken = (p, c) -> {
      if (p.symbol().equals("BBB")) {
        throw new IllegalStateException("reviewer down");
      }
      try {
        Thread.sleep(30_000); // interrupted when the pipeline gives up on it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ReviewDecision.approve("late", 1);
    };
    Bars ccc = bars("CCC", zigzag(10, 10, 60));
    Bars ddd = bars("DDD", zigzag(10, 10, 60));
    Map<String, Signal> buy = Map.of("AAA", new Signal(1, 0.9), "BBB", new Signal(1, 0.9),
        "DDD", new Signal(1, 0.9));
    TradingPipeline p = TradingPipeline.builder("failures").features(CLOSE)
        .model(f -> {
          if (f.symbol().equals("CCC")) {
            throw new ArithmeticException("model blew up");
          }
          return buy.getOrDefault(f.symbol(), Signal.none());
        })
        .reviewer((pr, c) -> pr.symbol().equals("DDD") ? ReviewDecision.approve("ok", 1)
            : slowOrBroken.review(pr, c))
        .reviewTimeout(Duration.ofSeconds(1)) // generous: BBB must fail, not time out
        .gate(RiskGate.of(weightLimit(INF))).sizer(HALF).build();
    CycleResult r = p.cycle(at(LAST), market(AAA, BBB, ccc, ddd),
        broker(100_000, LAST, AAA, BBB, ccc, ddd));
    assertEquals("reviewer timed out after 1000 ms", r.record("AAA").review().rationale());
    assertEquals(DecisionRecord.Outcome.REJECTED_BY_REVIEWER, r.record("AAA").outcome());
    assertEquals("reviewer failed: java.lang.IllegalStateException: reviewer down",
        r.record("BBB").review().rationale());
    assertEquals(DecisionRecord.Outcome.FAILED, r.record("CCC").outcome());
    assertEquals("the model failed: java.lang.ArithmeticException: model blew up",
        r.record("CCC").note());
    assertNull(r.record("CCC").signal());
    assertEquals(DecisionRecord.Outcome.SUBMITTED, r.record("DDD").outcome());
  }

  /** A broker that rejects one symbol's orders: recorded, alerted, and the cycle goes on. */
  @Test
  void brokerRejectionIsRecordedAndTheCycleGoesOn() {
    PaperBroker paper = broker(100_000, LAST, AAA, BBB);
    Broker picky = new DelegatingBroker(paper) {
      @Override
      public Order submit(OrderRequest request) {
        if (request.symbol().equals("AAA")) {
          throw new IllegalStateException("HTTP 503");
        }
        return super.submit(request);
      }
    };
    List<PipelineEvent> heard = new ArrayList<>();
    CycleResult r = pipeline(weightLimit(INF), Map.of("AAA", new Signal(1, 0.9), "BBB",
        new Signal(1, 0.9))).listener(heard::add).build().cycle(at(LAST), market(AAA, BBB),
        picky);
    DecisionRecord a = r.record("AAA");
    assertEquals(DecisionRecord.Outcome.BROKER_REJECTED, a.outcome());
    assertNull(a.orders().get(0).status());
    assertEquals("broker: java.lang.IllegalStateException: HTTP 503", a.note());
    assertEquals(DecisionRecord.Outcome.SUBMITTED, r.record("BBB").outcome());
    assertEquals(PipelineEvent.Kind.ORDER_REJECTED, heard.get(0).kind());
    assertEquals(1, paper.positions().size());
  }

  /** A listener that throws cannot change a decision; its error is reported. */
  @Test
  void throwingListenerChangesNothing() {
    Map<String, Signal> buy = Map.of("AAA", new Signal(1, 0.9));
    CycleResult quiet = pipeline(weightLimit(0.1), buy).build()
        .cycle(at(LAST), market(AAA), broker(100_000, LAST, AAA));
    CycleResult noisy = pipeline(weightLimit(0.1), buy).listener(e -> {
      throw new IllegalStateException("pager down");
    }).build().cycle(at(LAST), market(AAA), broker(100_000, LAST, AAA));
    assertEquals(quiet.records(), noisy.records());
    assertEquals(1, noisy.listenerErrors().size());
    assertTrue(noisy.listenerErrors().get(0).contains("pager down"));
  }

  @Test
  void volatilityAndCorrelationLimitsBlockNewPositions() {
    // AAA swings 10 % every bar; BBB moves with it (x 0.4): correlation 1.
    Bars a = bars("AAA", zigzag(50, 55, 60));
    Bars b = bars("BBB", zigzag(20, 22, 60));
    RiskLimits vol = new RiskLimits(INF, INF, INF, 0.5, INF);
    DecisionRecord d = pipeline(vol, Map.of("AAA", new Signal(1, 0.9))).build()
        .cycle(at(LAST), market(a), broker(100_000, LAST, a)).record("AAA");
    assertEquals(DecisionRecord.Outcome.BLOCKED, d.outcome());
    assertEquals("volatility", d.cuts().get(0).limit());
    PaperBroker broker = broker(100_000, LAST, a, b);
    broker.submit(OrderRequest.market("seed", "AAA", Side.BUY, 100));
    RiskLimits corr = new RiskLimits(INF, INF, 0.9, INF, INF);
    d = pipeline(corr, Map.of("BBB", new Signal(1, 0.9))).build()
        .cycle(at(LAST), market(a, b), broker).record("BBB");
    assertEquals(DecisionRecord.Outcome.BLOCKED, d.outcome());
    assertEquals("correlation", d.cuts().get(0).limit());
    assertTrue(d.cuts().get(0).reason().startsWith("correlation 1.0000 with 'AAA'"),
        d.cuts().get(0).reason());
  }

  /**
   * Daily loss: 1000 AAA bought at 50 (equity 100,000); AAA at 45 later that day is a 5 % loss,
   * above the 3 % limit: REDUCING. A new buy is blocked, the exit of AAA passes; the next day
   * starts ACTIVE again.
   */
  @Test
  void dailyLossMovesToReducingUntilTheNextDay() {
    double[] ca = zigzag(50, 50, 60);
    ca[LAST] = 45;
    Bars a = bars("AAA", ca);
    PaperBroker broker = broker(100_000, LAST - 1, a, BBB);
    broker.submit(OrderRequest.market("seed", "AAA", Side.BUY, 1000));
    RiskLimits limits = new RiskLimits(INF, 0.03, INF, INF, INF);
    Map<String, Signal> signals = new java.util.HashMap<>(Map.of("AAA", new Signal(-1, 0.9),
        "BBB", new Signal(1, 0.9)));
    TradingPipeline p = pipeline(limits, signals).build();
    // First cycle of the day at bar 58: no signal; the day's starting equity is 100,000.
    signals.put("AAA", Signal.none());
    signals.put("BBB", Signal.none());
    CycleResult first = p.cycle(at(LAST - 1), market(a, BBB), broker);
    assertEquals(TradingState.ACTIVE, first.stateAfter());
    quote(broker, LAST, a, BBB);
    signals.put("AAA", new Signal(-1, 0.9));
    signals.put("BBB", new Signal(1, 0.9));
    CycleResult second = p.cycle(at(LAST), market(a, BBB), broker);
    assertEquals(TradingState.REDUCING, second.stateAfter());
    assertEquals(PipelineEvent.Kind.STATE_CHANGE, second.events().get(0).kind());
    assertEquals(DecisionRecord.Outcome.SUBMITTED, second.record("AAA").outcome());
    assertEquals(-1000, second.record("AAA").orderedQuantity());
    assertEquals(DecisionRecord.Outcome.BLOCKED, second.record("BBB").outcome());
    assertEquals("trading state", second.record("BBB").cuts().get(0).limit());
    assertNull(second.record("BBB").review(), "no reviewer call for an order that cannot pass");
    // Next day: ACTIVE again, BBB goes out.
    Bars nextDay = bars("BBB", zigzag(20, 20, 60)).withSymbol("BBB");
    java.time.Instant tomorrow = at(LAST).plus(Duration.ofDays(1));
    Bars later = shifted(nextDay, Duration.ofDays(1));
    broker.updateQuote(Quote.of("BBB", 20, tomorrow));
    CycleResult third = p.cycle(tomorrow, market(later), broker);
    assertEquals(TradingState.ACTIVE, third.stateAfter());
    assertEquals(DecisionRecord.Outcome.SUBMITTED, third.record("BBB").outcome());
  }

  static Bars shifted(Bars b, Duration by) {
    List<java.time.Instant> times = new ArrayList<>();
    for (int i = 0; i < b.size(); i++) {
      times.add(b.index().instant(i).plus(by));
    }
    return Bars.of(b.symbol(), io.github.quantfolio.core.TimeIndex.ofInstants(times), b.open(),
        b.high(), b.low(), b.close(), b.volume());
  }

  /** The kill switch halts at once, cancels the pipeline's working orders, sends nothing. */
  @Test
  void killSwitchHaltsAndCancelsWorkingOrders() {
    PaperBroker barDriven = PaperBroker.builder(100_000).barDriven().build();
    List<PipelineEvent> heard = new ArrayList<>();
    TradingPipeline p = pipeline(weightLimit(INF), Map.of("AAA", new Signal(1, 0.9)))
        .listener(heard::add).build();
    CycleResult first = p.cycle(at(LAST - 1), market(AAA), barDriven);
    String id = first.record("AAA").orders().get(0).clientOrderId();
    assertEquals(OrderStatus.OPEN, barDriven.order(id).orElseThrow().status());
    p.halt("operator", at(LAST - 1));
    assertEquals(TradingState.HALTED, p.state());
    assertEquals(PipelineEvent.Kind.STATE_CHANGE, heard.get(heard.size() - 1).kind());
    CycleResult second = p.cycle(at(LAST), market(AAA), barDriven);
    assertEquals(OrderStatus.CANCELLED, barDriven.order(id).orElseThrow().status());
    assertEquals(DecisionRecord.Outcome.BLOCKED, second.record("AAA").outcome());
    assertEquals("HALTED: no new orders", second.record("AAA").cuts().get(0).reason());
    assertNull(second.record("AAA").review(), "a halted pipeline does not ask the reviewer");
    assertEquals(TradingState.HALTED, second.events().get(0).to());
    p.resume(at(LAST));
    assertEquals(TradingState.ACTIVE, p.state());
  }

  /** Drawdown breaker: equity 20 % below its peak halts the pipeline. */
  @Test
  void drawdownBreakerHalts() {
    double[] ca = geometric(50, 1, 60);
    ca[LAST] = 30; // 1000 units: 100,000 -> 80,000
    Bars a = bars("AAA", ca);
    PaperBroker broker = broker(100_000, LAST - 1, a);
    broker.submit(OrderRequest.market("seed", "AAA", Side.BUY, 1000));
    TradingPipeline p = TradingPipeline.builder("dd").features(CLOSE)
        .model(fixed(Map.of())).gate(RiskGate.noLimits().withMaxDrawdown(0.2)).sizer(HALF)
        .build();
    assertEquals(TradingState.ACTIVE, p.cycle(at(LAST - 1), market(a), broker).stateAfter());
    quote(broker, LAST, a);
    CycleResult r = p.cycle(at(LAST), market(a), broker);
    assertEquals(TradingState.HALTED, r.stateAfter());
    assertTrue(r.events().get(0).detail().startsWith("drawdown 0.2000 from the peak 100000.00"),
        r.events().get(0).detail());
  }

  /**
   * A cycle retried after a crash (a new pipeline object, same run id and decision time) sends
   * the same client order ids, so the broker trades once.
   */
  @Test
  void retriedCycleDoesNotTradeTwice() {
    PaperBroker barDriven = PaperBroker.builder(100_000).barDriven().build();
    Map<String, Signal> buy = Map.of("AAA", new Signal(1, 0.9));
    CycleResult first = pipeline(weightLimit(INF), buy).build()
        .cycle(at(LAST - 1), market(AAA), barDriven);
    CycleResult retry = pipeline(weightLimit(INF), buy).build()
        .cycle(at(LAST - 1), market(AAA), barDriven);
    assertEquals(first.record("AAA").orders(), retry.record("AAA").orders());
    barDriven.updateBar(new io.github.quantfolio.core.adapters.OhlcBar("AAA", at(LAST), 50, 50,
        50, 50, 1e6));
    assertEquals(List.of(new Position("AAA", 500, 50)), barDriven.positions());
  }

  /** Allocation mode: equal weights over the symbols with a positive signal. */
  @Test
  void allocationModeTargetsTheModelsWeights() {
    Bars ccc = bars("CCC", zigzag(10, 10, 60));
    PaperBroker broker = broker(100_000, LAST, AAA, BBB, ccc);
    broker.submit(OrderRequest.market("seed", "CCC", Side.BUY, 100));
    CycleResult r = TradingPipeline.builder("alloc").features(CLOSE)
        .model(fixed(Map.of("AAA", new Signal(1, 1), "BBB", new Signal(0.5, 1), "CCC",
            new Signal(-1, 1))))
        .gate(RiskGate.noLimits()).allocation(AllocationModel.equalWeight()).build()
        .cycle(at(LAST), market(AAA, BBB, ccc), broker);
    // Equity 100,000: AAA 50,000 / 50 = 1000, BBB 50,000 / 20 = 2500, CCC to 0 (sell 100).
    assertEquals(-100, r.record("CCC").orderedQuantity());
    assertEquals(1000, r.record("AAA").orderedQuantity());
    assertEquals(2500 - 50, r.record("BBB").orderedQuantity(), "cash left after AAA: "
        + r.record("BBB"));
    assertEquals("cash", r.record("BBB").cuts().get(0).limit());
  }

  /**
   * An ML risk model in the optimizer step: a model that forecasts variances 0.04 and 0.01
   * (no correlation) gives min-volatility weights proportional to 1 / variance, 0.2 and 0.8
   * (hand calculation); on equity 100,000: AAA 20,000 / 50 = 400, BBB 80,000 / 20 = 4000.
   * The model saw only the candidates' returns up to the decision bar.
   */
  @Test
  void allocationWithAnMlRiskModel() {
    List<Integer> windowLengths = new ArrayList<>();
    io.github.quantfolio.risk.CovarianceModel forecast = io.github.quantfolio.risk
        .CovarianceModel.of("diagonal forecast", returns -> {
          windowLengths.add(returns.index().size());
          assertEquals(at(LAST), returns.index().instant(returns.index().size() - 1));
          return io.github.quantfolio.risk.CovarianceMatrix.of(returns.assets(),
              new double[][] {{0.04, 0}, {0, 0.01}});
        });
    CycleResult r = TradingPipeline.builder("ml-risk").features(CLOSE)
        .model(fixed(Map.of("AAA", new Signal(1, 1), "BBB", new Signal(1, 1))))
        .gate(RiskGate.noLimits()).allocation(AllocationModel.minVolatility(forecast))
        .allocationLookback(30).build()
        .cycle(at(LAST), market(AAA, BBB), broker(100_000, LAST, AAA, BBB));
    assertEquals(400, r.record("AAA").orderedQuantity());
    assertEquals(4000, r.record("BBB").orderedQuantity());
    assertEquals(List.of(29), windowLengths); // 30 closes, 29 returns
  }

  /**
   * Black-Litterman with the model's views, wired: the weights are those of the optimize
   * module's BlackLitterman and MeanVariance called directly with the same prior, views and
   * confidences (the Black-Litterman arithmetic has its reference tests there); the stronger,
   * more confident view gets more weight.
   */
  @Test
  void blackLittermanAllocationUsesTheSignalsAsViews() {
    var cov = io.github.quantfolio.risk.CovarianceMatrix.of(List.of("AAA", "BBB"),
        new double[][] {{0.04, 0.006}, {0.006, 0.0225}});
    io.github.quantfolio.risk.CovarianceModel fixedRisk =
        io.github.quantfolio.risk.CovarianceModel.of("fixed", returns -> cov);
    CycleResult r = TradingPipeline.builder("bl").features(CLOSE)
        .model(fixed(Map.of("AAA", new Signal(0.8, 0.9), "BBB", new Signal(0.2, 0.5))))
        .gate(RiskGate.noLimits())
        .allocation(AllocationModel.blackLitterman(2.5, 0.02, 0.1, fixedRisk)).build()
        .cycle(at(LAST), market(AAA, BBB), broker(100_000, LAST, AAA, BBB));
    var prior = io.github.quantfolio.optimize.BlackLitterman.marketImpliedPrior(
        io.github.quantfolio.core.Weights.equal(List.of("AAA", "BBB")), cov, 2.5, 0.02);
    var bl = io.github.quantfolio.optimize.BlackLitterman.of(cov, prior)
        .withAbsoluteView("AAA", 0.02 + 0.1 * 0.8).withAbsoluteView("BBB", 0.02 + 0.1 * 0.2)
        .withConfidences(0.9, 0.5);
    var w = io.github.quantfolio.optimize.MeanVariance.of(bl.posteriorReturns(), cov)
        .maxQuadraticUtility(2.5).weights();
    assertEquals(Math.floor(w.get("AAA") * 100_000 / 50 + 1e-9),
        r.record("AAA").orderedQuantity());
    assertTrue(w.get("AAA") > w.get("BBB"), w.toString());
    assertEquals(DecisionRecord.Outcome.SUBMITTED, r.record("BBB").outcome());
  }

  /**
   * Sector limit, by hand: equity 120,000 with 400 AAA at 50 (20,000, sector Tech). The sizer
   * asks 25 % for BBB (30,000 / 20 = 1500 units, also Tech); the 30 % sector limit allows
   * 36,000 in Tech, of which AAA holds 20,000: 16,000 / 20 = 800 units. CCC has no sector:
   * blocked.
   */
  @Test
  void sectorLimitCutsAndASymbolWithoutSectorIsBlocked() {
    Bars ccc = bars("CCC", zigzag(10, 10, 60));
    PaperBroker broker = broker(100_000 + 20_000, LAST, AAA, BBB, ccc);
    broker.submit(OrderRequest.market("seed", "AAA", Side.BUY, 400));
    CycleResult r = TradingPipeline.builder("sectors").features(CLOSE)
        .model(fixed(Map.of("BBB", new Signal(1, 0.9), "CCC", new Signal(1, 0.9))))
        .gate(RiskGate.of(new RiskLimits(INF, INF, INF, INF, 0.3))
            .withSectors(Map.of("AAA", "Tech", "BBB", "Tech")))
        .sizer(HALF).build()
        .cycle(at(LAST), market(AAA, BBB, ccc), broker);
    DecisionRecord b = r.record("BBB");
    assertEquals(1500, b.sizing().quantity()); // 25 % of 120,000 at 20
    assertEquals("max sector weight", b.cuts().get(0).limit());
    // equity 120,000: the sector may hold 36,000, AAA has 20,000: 16,000 / 20 = 800 units
    assertEquals(800, b.orderedQuantity());
    DecisionRecord c = r.record("CCC");
    assertEquals(DecisionRecord.Outcome.BLOCKED, c.outcome());
    assertEquals("'CCC' has no sector", c.cuts().get(0).reason());
  }

  @Test
  void builderAndCycleRejectBadInput() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TradingPipeline.builder("x").features(CLOSE).model(fixed(Map.of())).build());
    assertEquals("Pipeline 'x': set exactly one of sizer(...) and allocation(...), found neither",
        e.getMessage());
    TradingPipeline p = pipeline(weightLimit(INF), Map.of()).build();
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
        () -> p.cycle(at(LAST), Map.of(), broker(1, LAST)));
    assertTrue(e2.getMessage().contains("market holds no symbol"));
    DecisionRecord missing = p.cycle(at(LAST).plusSeconds(1), market(AAA),
        broker(100, LAST, AAA)).record("AAA");
    assertEquals(DecisionRecord.Outcome.FAILED, missing.outcome());
    assertEquals("no bar of 'AAA' at 2024-03-07T01:00:01Z", missing.note());
  }

  /** Passes every call to another broker (tests override what they need). */
  static class DelegatingBroker implements Broker {
    private final Broker inner;

    DelegatingBroker(Broker inner) {
      this.inner = inner;
    }

    @Override
    public boolean isPaper() {
      return inner.isPaper();
    }

    @Override
    public Account account() {
      return inner.account();
    }

    @Override
    public List<Position> positions() {
      return inner.positions();
    }

    @Override
    public Optional<Quote> quote(String symbol) {
      return inner.quote(symbol);
    }

    @Override
    public Order submit(OrderRequest request) {
      return inner.submit(request);
    }

    @Override
    public Order cancel(String clientOrderId) {
      return inner.cancel(clientOrderId);
    }

    @Override
    public Optional<Order> order(String clientOrderId) {
      return inner.order(clientOrderId);
    }

    @Override
    public void addFillListener(io.github.quantfolio.core.adapters.FillListener listener) {
      inner.addFillListener(listener);
    }

    @Override
    public void removeFillListener(io.github.quantfolio.core.adapters.FillListener listener) {
      inner.removeFillListener(listener);
    }
  }
}
