package io.github.quantfolio.examples;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.adapters.FeeModel;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.PaperBroker;
import io.github.quantfolio.core.adapters.Quote;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.TradeReviewer;
import io.github.quantfolio.llm.ChatCompletionsReviewer;
import io.github.quantfolio.risk.RiskLimits;
import io.github.quantfolio.trading.AccountProfile;
import io.github.quantfolio.trading.AllocationModel;
import io.github.quantfolio.trading.CycleResult;
import io.github.quantfolio.trading.DecisionRecord;
import io.github.quantfolio.trading.DecisionRecords;
import io.github.quantfolio.trading.FeatureBuilder;
import io.github.quantfolio.trading.LedgerPosition;
import io.github.quantfolio.trading.PipelineEvent;
import io.github.quantfolio.trading.Replay;
import io.github.quantfolio.trading.ReplayResult;
import io.github.quantfolio.trading.RiskGate;
import io.github.quantfolio.trading.TradingPipeline;
import io.github.quantfolio.trading.WalkForwardSchedule;
import io.github.quantfolio.trading.WalkForwardSignalModel;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed 000's flow end to end: a Tribuo random forest trained walk-forward on
 * {@code FeatureBuilder} features gives signals; a reviewer (a rule-based stand-in, or an LLM
 * when {@code QUANTFOLIO_LLM_URL} is set) approves, rejects or shrinks; the risk gate has the
 * last word; max-Sharpe weights over the symbols the model likes set the targets. The pipeline is
 * replayed over four simulated years, its decision log for one day is printed, and the same
 * object then trades against a paper broker holding the replay's final book.
 *
 * <p>Run it with {@code java -cp examples/target/quantfolio-examples-all.jar
 * io.github.quantfolio.examples.AiTradingPipeline} after {@code mvn -B -DskipTests install}.
 * To review with a model server: {@code QUANTFOLIO_LLM_URL=http://127.0.0.1:11434/v1
 * QUANTFOLIO_LLM_MODEL=qwen2.5:7b-instruct} (and {@code QUANTFOLIO_LLM_KEY} if it needs one);
 * the argument {@code --rules} keeps the rule-based reviewer whatever the environment says.
 */
public final class AiTradingPipeline {

  private AiTradingPipeline() {
  }

  public static void main(String[] args) {
    System.out.println("== 1. Market and model ==");
    SimulatedMarket market = MarketSimulator.builder().seed(11).assets(6).sectors(2).days(1000)
        .build().simulate();
    Map<String, Bars> history = new TreeMap<>();
    for (String a : market.assets()) {
      history.put(a, market.bars(a));
    }
    List<Bars> bars = new ArrayList<>(history.values());
    FeatureBuilder features = FeatureBuilder.defaults();
    System.out.println("Simulated market: " + history.keySet() + ", " + bars.get(0).size()
        + " daily bars from " + bars.get(0).index().first());
    System.out.println("Features (250-bar window): " + features.names());
    // The forest predicts whether the next 5 bars go up; it is retrained every 126 bars on the
    // rows whose 5-bar labels ended at least 2 bars before the cut-off (purged, embargoed).
    RandomForestSignalModel.Config forest = new RandomForestSignalModel.Config(10, 4, 0.5f, 42);
    WalkForwardSignalModel model = WalkForwardSignalModel.train(history, features,
        WalkForwardSchedule.of(5, 2, 126), RandomForestSignalModel.trainer(forest));
    System.out.println("Model: random forest (" + forest.trees() + " trees, depth "
        + forest.maxDepth() + "), " + model.cutoffs().size() + " walk-forward trainings, first"
        + " cut-off " + model.cutoffs().get(0) + "; before it the model has no view");

    System.out.println();
    System.out.println("== 2. The pipeline ==");
    TradeReviewer reviewer = reviewer(List.of(args).contains("--rules"));
    Map<String, Integer> limitHits = new TreeMap<>();
    List<PipelineEvent> stateChanges = new ArrayList<>();
    TradingPipeline pipeline = TradingPipeline.builder("ai-demo")
        .features(features)
        .model(model)
        .reviewer(reviewer)
        .gate(RiskGate.of(RiskLimits.defaults().withMaxPositionWeight(0.3)
                .withMaxVolatility(0.6))
            .withMaxDrawdown(0.25)
            .withAccount(AccountProfile.paper("paper-1").withMaxGrossExposure(1)))
        .allocation(AllocationModel.maxSharpe(0.02))
        .allocationLookback(126)
        .minTradeValue(1_000)
        .listener(e -> {
          if (e.kind() == PipelineEvent.Kind.LIMIT_HIT) {
            limitHits.merge(e.detail().substring(0, e.detail().indexOf(':')), 1, Integer::sum);
          } else if (e.kind() == PipelineEvent.Kind.STATE_CHANGE) {
            stateChanges.add(e);
          }
        })
        .build();
    System.out.println(pipeline);

    System.out.println();
    System.out.println("== 3. Replay: decisions at each close, fills at the next open ==");
    FeeModel fees = FeeModel.bps(5).withMinimum(1);
    ReplayResult replay = Replay.of(pipeline).withCash(100_000).withFees(fees)
        .withRiskFreeRate(0.02).run(bars);
    System.out.print(replay);
    System.out.println("Limits that cut or blocked a trade: " + limitHits);
    System.out.println("State changes: " + (stateChanges.isEmpty() ? "none" : stateChanges));

    System.out.println();
    System.out.println("== 4. The decision log of one day ==");
    Instant day = lastDayWithAnOrder(replay.records());
    List<DecisionRecord> log = replay.records().stream().filter(r -> r.asOf().equals(day))
        .toList();
    log.forEach(r -> System.out.println("  " + r));
    DecisionRecord traded = log.stream().filter(r -> !r.orders().isEmpty()).findFirst()
        .orElseThrow();
    System.out.println("Its audit record as a JSON line (DecisionRecords.write):");
    System.out.println("  " + DecisionRecords.toJson(traded));

    System.out.println();
    System.out.println("== 5. The same object against a paper broker ==");
    Instant last = bars.get(0).index().instant(bars.get(0).size() - 1);
    PaperBroker paper = paperBrokerWithTheBookOf(replay, history, last, fees);
    CycleResult cycle = pipeline.cycle(last, history, paper);
    System.out.print(cycle);
    List<DecisionRecord> replayed = replay.records().stream()
        .filter(r -> r.asOf().equals(last)).toList();
    boolean same = true;
    for (int i = 0; i < replayed.size(); i++) {
      same &= replayed.get(i).orderedQuantity() == cycle.records().get(i).orderedQuantity();
    }
    System.out.println("The paper broker received the orders the replay decided at " + last
        + " (never filled there, the data ended): " + same);
    System.out.println("Paper account after the fills: equity "
        + String.format("%.2f", paper.account().equity()) + ", positions " + paper.positions());
  }

  /**
   * An LLM reviewer when the environment names a server (and {@code --rules} was not given),
   * else the rule-based stand-in.
   */
  private static TradeReviewer reviewer(boolean rulesOnly) {
    String url = System.getenv("QUANTFOLIO_LLM_URL");
    if (rulesOnly || url == null || url.isBlank()) {
      System.out.println("Reviewer: rule-based stand-in (set QUANTFOLIO_LLM_URL for an LLM)");
      return new RuleBasedReviewer(0.55, 0.45, 0.25);
    }
    String model = System.getenv().getOrDefault("QUANTFOLIO_LLM_MODEL", "qwen2.5:7b-instruct");
    ChatCompletionsReviewer.Builder b = ChatCompletionsReviewer.builder(URI.create(url), model)
        .withTimeout(Duration.ofSeconds(120));
    String key = System.getenv("QUANTFOLIO_LLM_KEY");
    ChatCompletionsReviewer r = (key == null || key.isBlank() ? b : b.withApiKey(key)).build();
    System.out.println("Reviewer: " + r);
    return r;
  }

  private static Instant lastDayWithAnOrder(List<DecisionRecord> records) {
    Instant day = null;
    for (DecisionRecord r : records) {
      if (r.outcome() == DecisionRecord.Outcome.SUBMITTED) {
        day = r.asOf();
      }
    }
    if (day == null) {
      throw new IllegalStateException("the replay sent no order");
    }
    return day;
  }

  /**
   * A quote-driven paper broker holding the replay's final book: the NAV (plus the fees of
   * buying the positions back) in cash, then each position bought at its last close.
   */
  private static PaperBroker paperBrokerWithTheBookOf(ReplayResult replay,
      Map<String, Bars> history, Instant last, FeeModel fees) {
    List<LedgerPosition> positions = replay.book().positions();
    double cash = replay.book().nav();
    for (LedgerPosition p : positions) {
      cash += fees.fee(p.quantity() * p.mark());
    }
    PaperBroker paper = PaperBroker.builder(cash).withFees(fees).build();
    history.forEach((s, b) -> paper.updateQuote(Quote.of(s, b.close(b.size() - 1), last)));
    for (LedgerPosition p : positions) {
      paper.submit(OrderRequest.market("seed-" + p.symbol(), p.symbol(), Side.BUY,
          p.quantity()));
    }
    return paper;
  }
}
