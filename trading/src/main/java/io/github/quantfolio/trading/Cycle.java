package io.github.quantfolio.trading;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.adapters.Broker;
import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.ReviewContext;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.TradeProposal;
import io.github.quantfolio.risk.Metrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** One decision cycle of a {@link TradingPipeline}: the per-symbol stages, in symbol order. */
final class Cycle {

  private final PipelineConfig config;
  private final Instant asOf;
  private final Map<String, Bars> market;
  private final Map<String, Integer> asOfIndex;
  private final CycleBook book;
  private final TradingState state;
  private int tradesToday;
  private final Map<String, String> newWorking = new TreeMap<>();
  private final List<PipelineEvent> events = new ArrayList<>();

  Cycle(PipelineConfig config, Instant asOf, Map<String, Bars> market,
      Map<String, Integer> asOfIndex, CycleBook book, TradingState state, int tradesToday) {
    this.config = config;
    this.asOf = asOf;
    this.market = market;
    this.asOfIndex = asOfIndex;
    this.book = book;
    this.state = state;
    this.tradesToday = tradesToday;
  }

  int tradesToday() {
    return tradesToday;
  }

  Map<String, String> newWorkingOrders() {
    return newWorking;
  }

  List<PipelineEvent> events() {
    return events;
  }

  /** What the earlier stages left for the decision of one symbol. */
  private static final class Draft {
    Features features;
    Signal signal;
    String failure;
    double target = Double.NaN; // NaN: keep the position
    String targetWhy = "";
    Sizing sizing;
  }

  List<DecisionRecord> run(Broker broker, Map<String, String> indexErrors) {
    TreeSet<String> symbols = new TreeSet<>(asOfIndex.keySet());
    symbols.addAll(indexErrors.keySet());
    Map<String, Draft> drafts = new TreeMap<>();
    for (String s : symbols) {
      Draft d = new Draft();
      drafts.put(s, d);
      if (indexErrors.containsKey(s)) {
        d.failure = indexErrors.get(s);
      }
    }
    // Features are independent per symbol: with parallelFeatures() they are computed on the
    // common fork-join pool; the model and everything after run in symbol order either way.
    java.util.stream.Stream<Map.Entry<String, Draft>> pending = drafts.entrySet().stream()
        .filter(e -> e.getValue().failure == null);
    (config.parallelFeatures() ? pending.parallel() : pending)
        .forEach(e -> features(e.getKey(), e.getValue()));
    for (Map.Entry<String, Draft> e : drafts.entrySet()) {
      if (e.getValue().failure == null) {
        predict(e.getKey(), e.getValue());
      }
    }
    if (config.allocation() != null) {
      allocate(drafts);
    }
    List<DecisionRecord> records = new ArrayList<>(symbols.size());
    for (String s : symbols) {
      records.add(decide(s, drafts.get(s), broker));
    }
    return records;
  }

  private void features(String symbol, Draft d) {
    Bars bars = market.get(symbol);
    int t = asOfIndex.get(symbol);
    try {
      d.features = config.features().features(bars, t);
      if (d.features == null) {
        d.failure = "the feature source returned null";
        return;
      }
      if (!d.features.symbol().equals(symbol)) {
        d.failure = "the feature source returned features of '" + d.features.symbol()
            + "', not '" + symbol + "'";
        d.features = null;
        return;
      }
      if (!d.features.asOf().equals(asOf)) {
        d.failure = "the feature source returned features as of " + d.features.asOf()
            + ", not " + asOf;
        d.features = null;
        return;
      }
    } catch (RuntimeException e) {
      d.failure = "features failed: " + e;
    }
  }

  private void predict(String symbol, Draft d) {
    try {
      d.signal = config.model().predict(d.features);
      if (d.signal == null) {
        d.failure = "the model returned null";
      }
    } catch (RuntimeException e) {
      d.failure = "the model failed: " + e;
    }
    if (d.failure == null && config.sizer() != null) {
      target(symbol, d);
    }
  }

  /** Sizing mode: open at the sizer's size, close on the opposite signal, else keep. */
  private void target(String symbol, Draft d) {
    double position = book.position(symbol);
    double v = d.signal.value();
    boolean opens = v > 0 ? position <= 0 : v < 0 && config.shorts() && position >= 0;
    if (v < 0 && !config.shorts()) {
      d.target = 0;
      d.targetWhy = "signal " + v + " < 0: exit";
      return;
    }
    if (v < 0 && position > 0 && !opens) {
      d.target = 0;
      return;
    }
    if (!opens) {
      return; // keep (no view, or already positioned in the signal's direction)
    }
    try {
      double price = book.mark(symbol);
      SizingRequest r = SizingRequest.of(symbol, price, book.equity())
          .withConfidence(d.signal.confidence())
          .withPortfolio(book.cashForBuys(), 0, correlation(symbol).value, List.of())
          .withLotSize(config.lotSize());
      double vol = volatility(symbol);
      if (vol > 0) {
        r = r.withVolatility(vol);
      }
      r = config.sizingInputs().complete(r, d.features, d.signal);
      d.sizing = config.sizer().size(r);
      d.target = Math.signum(v) * d.sizing.quantity();
      d.targetWhy = "signal " + v + " (confidence " + d.signal.confidence() + "): "
          + config.sizer().name() + " size " + d.sizing.quantity();
    } catch (RuntimeException e) {
      d.failure = "sizing failed: " + e.getMessage();
    }
  }

  /** Allocation mode: weights over the candidates, zero for every other symbol. */
  private void allocate(Map<String, Draft> drafts) {
    List<String> candidates = new ArrayList<>();
    Map<String, Signal> signals = new TreeMap<>();
    Map<String, Features> features = new TreeMap<>();
    drafts.forEach((s, d) -> {
      if (d.failure == null) {
        signals.put(s, d.signal);
        features.put(s, d.features);
        if (d.signal.value() > 0) {
          candidates.add(s);
        }
      }
    });
    Weights w = null;
    if (!candidates.isEmpty()) {
      try {
        AllocationModel.Input in = new AllocationModel.Input(asOf, candidates,
            closes(candidates), signals, features);
        w = config.allocation().allocate(in);
        if (w == null) {
          throw new IllegalStateException("the allocation model returned null");
        }
        for (String a : w.assets()) {
          if (!candidates.contains(a)) {
            throw new IllegalStateException("the allocation model gave a weight to '" + a
                + "', which is not a candidate " + candidates);
          }
        }
      } catch (RuntimeException e) {
        for (String s : candidates) {
          drafts.get(s).failure = "allocation failed: " + e.getMessage();
        }
        return; // the other symbols keep their positions: no target without an allocation
      }
    }
    for (Map.Entry<String, Draft> e : drafts.entrySet()) {
      Draft d = e.getValue();
      if (d.failure != null) {
        continue;
      }
      String s = e.getKey();
      double weight = w != null && w.assets().contains(s) ? w.get(s) : 0;
      double units = weight * book.equity() / book.mark(s);
      double lots = Math.signum(units) * Math.floor(Math.abs(units) / config.lotSize() + 1e-9)
          * config.lotSize();
      d.target = lots;
      d.targetWhy = "weight " + weight + " of equity (" + config.allocation() + ")";
    }
  }

  /** The candidates' closes over the allocation look-back; their bars must share time stamps. */
  private PriceFrame closes(List<String> candidates) {
    String first = candidates.get(0);
    int t0 = asOfIndex.get(first);
    int n = Math.min(config.allocationLookback(), t0 + 1);
    TimeIndex index = market.get(first).index().slice(t0 - n + 1, t0 + 1);
    double[][] columns = new double[candidates.size()][];
    for (int k = 0; k < candidates.size(); k++) {
      String s = candidates.get(k);
      Bars b = market.get(s);
      int t = asOfIndex.get(s);
      if (t + 1 < n || !b.index().slice(t - n + 1, t + 1).equals(index)) {
        throw new IllegalArgumentException("the bars of '" + s + "' and '" + first
            + "' do not share the " + n + " time stamps up to " + asOf);
      }
      columns[k] = new double[n];
      for (int i = 0; i < n; i++) {
        columns[k][i] = b.close(t - n + 1 + i);
      }
    }
    return PriceFrame.of(index, candidates, columns);
  }

  private DecisionRecord decide(String symbol, Draft d, Broker broker) {
    double position = book.position(symbol);
    List<DecisionRecord.Cut> cuts = new ArrayList<>();
    if (d.failure != null) {
      return record(symbol, d, position, null, null, cuts, List.of(),
          DecisionRecord.Outcome.FAILED, d.failure);
    }
    double price = book.mark(symbol);
    if (Double.isNaN(d.target)) {
      return record(symbol, d, position, null, null, cuts, List.of(),
          DecisionRecord.Outcome.NO_TRADE, "keep the position");
    }
    double delta = d.target - position;
    if (Math.abs(delta) < 1e-9 * config.lotSize() || Math.abs(delta) * price
        < config.minTradeValue()) {
      return record(symbol, d, position, null, null, cuts, List.of(),
          DecisionRecord.Outcome.NO_TRADE, delta == 0 || Math.abs(delta) < 1e-9
              ? "at target" : "trade value below the minimum " + config.minTradeValue());
    }
    Side side = delta > 0 ? Side.BUY : Side.SELL;
    DecisionRecord.Proposal proposal = new DecisionRecord.Proposal(side, Math.abs(delta), price,
        d.target, d.targetWhy);
    boolean reduces = position != 0 && Math.signum(position) == -Math.signum(delta);
    if (state == TradingState.HALTED || (state == TradingState.REDUCING && !reduces)) {
      // Nothing can pass: do not ask the reviewer (an LLM call costs money and time).
      double q = proposal.quantity();
      String why = state == TradingState.HALTED ? "HALTED: no new orders"
          : "REDUCING: only orders that reduce a position";
      cuts.add(new DecisionRecord.Cut("trading state", q, 0, why));
      events.add(new PipelineEvent(asOf, PipelineEvent.Kind.LIMIT_HIT, symbol, state, state,
          cuts.get(0).toString()));
      return record(symbol, d, position, proposal, null, cuts, List.of(),
          DecisionRecord.Outcome.BLOCKED, "trading state: " + why);
    }
    ReviewDecision review = review(symbol, d, proposal);
    TradeProposal asked = new TradeProposal(symbol, side, proposal.quantity(), price,
        proposal.rationale());
    double wanted = review.quantityFor(asked);
    double approved = Math.min(wanted, proposal.quantity());
    if (wanted > proposal.quantity()) {
      cuts.add(new DecisionRecord.Cut("reviewer may only shrink", wanted, approved,
          "the reviewer asked for " + DecisionRecord.num(wanted) + ", more than the proposed "
              + DecisionRecord.num(proposal.quantity())));
    }
    if (approved == 0) {
      return record(symbol, d, position, proposal, review, cuts, List.of(),
          DecisionRecord.Outcome.REJECTED_BY_REVIEWER, review.rationale());
    }
    // A reversal: close first (a reducing leg), then open the rest.
    double closing = Math.signum(position) == -Math.signum(delta)
        ? Math.min(approved, Math.abs(position)) : 0;
    double[] legs = {closing, approved - closing};
    List<DecisionRecord.OrderOutcome> orders = new ArrayList<>();
    double volatility = volatility(symbol);
    Correlation corr = correlation(symbol);
    boolean rejected = false;
    String note = "";
    int legNo = 0;
    for (double legQuantity : legs) {
      if (legQuantity <= 0) {
        continue;
      }
      int before = cuts.size();
      double q = config.gate().apply(new RiskGate.Leg(symbol, side, legQuantity, price,
          volatility, corr.value, corr.with, config.lotSize()), book, state, tradesToday, cuts);
      for (DecisionRecord.Cut c : cuts.subList(before, cuts.size())) {
        events.add(new PipelineEvent(asOf, PipelineEvent.Kind.LIMIT_HIT, symbol, state, state,
            c.toString()));
      }
      if (q > 0) {
        DecisionRecord.OrderOutcome o = submit(broker, symbol, side, q, legNo);
        orders.add(o);
        if (o.accepted()) {
          tradesToday++;
          book.apply(symbol, side == Side.BUY ? q : -q, price);
        } else {
          rejected = true;
          note = "broker: " + o.message();
          events.add(new PipelineEvent(asOf, PipelineEvent.Kind.ORDER_REJECTED, symbol, state,
              state, o.clientOrderId() + " " + side + " " + DecisionRecord.num(q) + ": "
                  + o.message()));
          break; // do not open after a failed close
        }
      }
      legNo++;
    }
    for (DecisionRecord.Cut c : cuts) {
      if (c.blocked() && orders.isEmpty() && note.isEmpty()) {
        note = c.limit() + ": " + c.reason();
      }
    }
    DecisionRecord.Outcome outcome = rejected ? DecisionRecord.Outcome.BROKER_REJECTED
        : orders.isEmpty() ? DecisionRecord.Outcome.BLOCKED : DecisionRecord.Outcome.SUBMITTED;
    return record(symbol, d, position, proposal, review, cuts, orders, outcome, note);
  }

  private ReviewDecision review(String symbol, Draft d, DecisionRecord.Proposal p) {
    TradeProposal proposal = new TradeProposal(symbol, p.side(), p.quantity(), p.price(),
        p.rationale());
    Correlation corr = correlation(symbol);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("volatility", volatility(symbol));
    metrics.put("maxCorrelationWithBook", corr.value);
    double equity = book.equity();
    ReviewContext context = new ReviewContext(asOf, d.signal, TradingPipeline.featureMap(
        d.features), equity, book.cashForBuys(), book.weights(), book.grossValue() / equity,
        book.netValue() / equity, metrics, WindowStats.returns(market.get(symbol),
        asOfIndex.get(symbol), config.recentReturns()), config.gate().limitsInForce());
    return Reviews.ask(config, proposal, context);
  }

  private DecisionRecord.OrderOutcome submit(Broker broker, String symbol, Side side, double q,
      int leg) {
    String id = ClientOrderIds.of(config.runId(), asOf, symbol, leg);
    try {
      Order o = broker.submit(OrderRequest.market(id, symbol, side, q));
      if (!o.status().isFinal()) {
        newWorking.put(id, symbol);
      }
      return new DecisionRecord.OrderOutcome(id, side, q, o.status(), o.filledQuantity(),
          o.filledQuantity() > 0 ? o.averageFillPrice() : Double.NaN,
          o.status() == OrderStatus.REJECTED ? o.message() : "");
    } catch (RuntimeException e) {
      return new DecisionRecord.OrderOutcome(id, side, q, null, 0, Double.NaN, e.toString());
    }
  }

  private DecisionRecord record(String symbol, Draft d, double position,
      DecisionRecord.Proposal proposal, ReviewDecision review, List<DecisionRecord.Cut> cuts,
      List<DecisionRecord.OrderOutcome> orders, DecisionRecord.Outcome outcome, String note) {
    return new DecisionRecord(config.runId(), asOf, symbol, state, d.features, d.signal,
        position, proposal, review, cuts, d.sizing, orders, outcome, note);
  }

  // ------------------------------------------------------------------ statistics

  private final Map<String, WindowStats.Window> windows = new java.util.HashMap<>();
  private final Map<String, Double> volatilities = new java.util.HashMap<>();

  private record Correlation(double value, String with) {
  }

  private WindowStats.Window window(String s) {
    return windows.computeIfAbsent(s, k -> new WindowStats.Window(market.get(k),
        asOfIndex.get(k), config.gate().lookback()));
  }

  private double volatility(String symbol) {
    return volatilities.computeIfAbsent(symbol, s -> {
      Frequency f;
      try {
        f = market.get(s).frequency();
      } catch (RuntimeException e) {
        return Double.NaN; // fewer than two bars: no volatility yet
      }
      return Metrics.annualVolatility(window(s).returns, f); // NaN below 2 returns
    });
  }

  private final Map<String, Correlation> correlations = new java.util.HashMap<>();
  private int correlationsVersion = -1;

  /** The highest correlation with another open position (NaN and "" when none is known). */
  private Correlation correlation(String s) {
    if (correlationsVersion != book.version()) { // an order changed the book
      correlations.clear();
      correlationsVersion = book.version();
    }
    return correlations.computeIfAbsent(s, this::computeCorrelation);
  }

  private Correlation computeCorrelation(String s) {
    double best = Double.NaN;
    String with = "";
    WindowStats.Window w = window(s);
    for (String h : book.held()) { // the book changes as the cycle's orders go out
      if (h.equals(s) || !asOfIndex.containsKey(h)) {
        continue;
      }
      double c = w.correlation(window(h), config.gate().lookback());
      if (c > best || (Double.isNaN(best) && !Double.isNaN(c))) {
        best = c;
        with = h;
      }
    }
    return new Correlation(best, with);
  }
}
