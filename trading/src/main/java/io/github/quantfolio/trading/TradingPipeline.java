package io.github.quantfolio.trading;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.adapters.Account;
import io.github.quantfolio.core.adapters.Broker;
import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.Position;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.SignalModel;
import io.github.quantfolio.core.adapters.TradeReviewer;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.RiskLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed 000's flow as one object: market data -> features -> signal model -> proposal ->
 * reviewer -> risk gate -> sizing or allocation -> orders at a broker, one {@link #cycle} per
 * decision time, each leaving a {@link DecisionRecord} per symbol. The same object runs over
 * history ({@link Replay}), against a {@code PaperBroker} and live: it only talks to the
 * {@link Broker} interface.
 *
 * <pre>{@code
 * TradingPipeline pipeline = TradingPipeline.builder("momentum-1")
 *     .features(FeatureBuilder.defaults())
 *     .model(myModel)                       // features -> signal with confidence
 *     .reviewer(myReviewer)                 // optional: approve, reject or shrink
 *     .gate(RiskGate.of(RiskLimits.defaults()).withMaxDrawdown(0.2))
 *     .sizer(PositionSizer.confidenceWeighted(SizingConfig.defaults()))
 *     .build();
 * CycleResult r = pipeline.cycle(asOf, barsBySymbol, broker);
 * }</pre>
 *
 * <p><b>Targets.</b> With a {@link PositionSizer} (sizing mode) a positive signal opens a long
 * position of the sizer's size when the book is flat or short, a negative one closes a long
 * (and, with {@link Builder#shorts()}, opens a short), zero keeps the position; a held position
 * is not resized. With an {@link AllocationModel} (allocation mode) every cycle aims at the
 * model's weights over the symbols with a positive signal, zero for the others.
 *
 * <p><b>What the reviewer sees.</b> Its {@code ReviewContext} holds the book as this cycle's
 * earlier orders leave it (weights and exposure as fractions of equity), the symbol's last
 * {@link Builder#recentReturns(int)} simple returns, {@link RiskGate#limitsInForce()}, and two
 * risk metrics: {@code "volatility"}, the annualised sample volatility (n - 1) of the symbol's
 * close-to-close returns over the gate's look-back, and {@code "maxCorrelationWithBook"}, the
 * highest Pearson correlation of those returns with an open position's; each NaN when it
 * cannot be computed (fewer than two returns; no open position with three common returns).
 *
 * <p><b>The gate has the last word.</b> The reviewer sees the proposal and its context and may
 * approve, reject or resize it; a resize above the proposal is capped at the proposal (recorded
 * as a cut), so no reviewer can enlarge a trade, and the {@link RiskGate} then cuts or blocks
 * what remains. A reversal is sent as two legs, the closing leg (always allowed except when
 * halted) and the opening leg (gated).
 *
 * <p><b>States.</b> {@link TradingState#ACTIVE}; {@link TradingState#REDUCING} when the day's
 * loss against the first equity seen that day (UTC) reaches {@link RiskLimits#maxDailyLoss()},
 * lifted at the first cycle of the next day; {@link TradingState#HALTED} by the kill switch
 * {@link #halt(String)}, by the drawdown breaker ({@link RiskGate#withMaxDrawdown}) or when
 * equity is not positive, lifted only by {@link #resume()}. When halted, each cycle cancels the
 * pipeline's working orders and sends nothing.
 *
 * <p><b>Failures are contained per symbol:</b> a feature or model exception, a reviewer that
 * throws or times out (a reject with that rationale), or a broker that rejects or throws is
 * recorded in that symbol's record and the cycle goes on with the next symbol.
 *
 * <p>Client order ids are {@link ClientOrderIds} of the run id, the decision time, the symbol
 * and the leg, so a cycle retried after a crash cannot trade twice. Thread-safe (cycles are
 * serialised).
 *
 * @since 0.1.0
 */
public final class TradingPipeline {

  private final PipelineConfig config;
  private final Map<String, String> working = new TreeMap<>(); // client order id -> symbol
  private TradingState state = TradingState.ACTIVE;
  private boolean reducingForDailyLoss;
  private LocalDate day;
  private double dayStartEquity;
  private double peakEquity = Double.NEGATIVE_INFINITY;
  private int tradesToday;
  private final List<PipelineEvent> pendingEvents = new ArrayList<>(); // not yet dispatched
  private final List<PipelineEvent> reported = new ArrayList<>(); // dispatched, not yet reported

  private TradingPipeline(PipelineConfig config) {
    this.config = config;
  }

  /**
   * A builder for a pipeline whose client order ids derive from {@code runId}.
   *
   * @param runId the name of this trading run (not blank); two runs with the same id and
   *     decision times produce the same order ids
   * @return the builder
   */
  public static Builder builder(String runId) {
    return new Builder(runId);
  }

  /**
   * The trading state.
   *
   * @return the state
   */
  public synchronized TradingState state() {
    return state;
  }

  /**
   * The kill switch: moves to {@link TradingState#HALTED} at once; the next cycle cancels the
   * working orders and sends nothing until {@link #resume()}.
   *
   * @param reason why (recorded in the state-change event)
   */
  public void halt(String reason) {
    halt(reason, Instant.now());
  }

  /**
   * The kill switch at a given time (a replay's clock): as {@link #halt(String)}.
   *
   * @param reason why
   * @param time the time of the state-change event
   */
  public void halt(String reason, Instant time) {
    Checks.notNull(reason, "reason");
    Checks.notNull(time, "time");
    changeStateNow(TradingState.HALTED, "kill switch: " + reason, time);
  }

  /** Back to {@link TradingState#ACTIVE} (after a halt, or before the daily-loss reset). */
  public void resume() {
    resume(Instant.now());
  }

  /**
   * Back to {@link TradingState#ACTIVE} at a given time (a replay's clock).
   *
   * @param time the time of the state-change event
   */
  public void resume(Instant time) {
    Checks.notNull(time, "time");
    changeStateNow(TradingState.ACTIVE, "resumed by the caller", time);
  }

  /** A state change from outside a cycle: listeners hear it at once, the next cycle reports it. */
  private void changeStateNow(TradingState to, String why, Instant time) {
    PipelineEvent event;
    synchronized (this) {
      reducingForDailyLoss = false;
      int n = pendingEvents.size();
      moveTo(to, why, time);
      if (pendingEvents.size() == n) {
        return;
      }
      event = pendingEvents.get(n);
      reported.add(event);
      pendingEvents.remove(n);
    }
    for (PipelineListener l : config.listeners()) {
      try {
        l.onEvent(event);
      } catch (RuntimeException ignored) {
        // A listener cannot stop the kill switch; the next cycle reports the event.
      }
    }
  }

  /**
   * The pipeline's configuration.
   *
   * @return the configuration
   */
  public PipelineConfig config() {
    return config;
  }

  /**
   * One decision cycle at {@code asOf}: reads the account from {@code broker}, decides for every
   * symbol of {@code market} (sorted), submits the orders, and returns the records.
   *
   * @param asOf the decision time; each symbol's bars must hold a bar at exactly this instant
   *     (bars after it may be present and are never read)
   * @param market the bars of each symbol to decide on, by symbol
   * @param broker where the orders go
   * @return the cycle's records and events
   */
  public synchronized CycleResult cycle(Instant asOf, Map<String, Bars> market, Broker broker) {
    Checks.notNull(asOf, "asOf");
    Checks.notNull(market, "market");
    Checks.notNull(broker, "broker");
    if (market.isEmpty()) {
      throw new IllegalArgumentException("Pipeline '" + config.runId() + "' at " + asOf
          + ": market holds no symbol");
    }
    List<PipelineEvent> earlier = new ArrayList<>(reported);
    reported.clear();
    List<PipelineEvent> events = new ArrayList<>();
    List<String> listenerErrors = new ArrayList<>();
    TradingState before = state;
    Account account = broker.account();
    double equity = account.equity();
    updateState(asOf, equity, events);
    if (state == TradingState.HALTED) {
      cancelWorkingOrders(broker);
      account = broker.account();
    }
    Map<String, Double> pending = refreshWorkingOrders(broker);
    CycleBook book = new CycleBook(equity, account.cash());
    for (Position p : broker.positions()) {
      book.setPosition(p.symbol(), p.quantity());
      book.setMark(p.symbol(), broker.quote(p.symbol()).map(q -> q.mid())
          .orElse(p.averagePrice()));
    }
    pending.forEach((s, q) -> book.setPosition(s, book.position(s) + q));
    Map<String, Integer> asOfIndex = new TreeMap<>();
    Map<String, String> indexErrors = new TreeMap<>();
    for (Map.Entry<String, Bars> e : new TreeMap<>(market).entrySet()) {
      Checks.notNull(e.getValue(), "bars of '" + e.getKey() + "'");
      int t = indexOf(e.getValue().index(), asOf);
      if (t < 0) {
        indexErrors.put(e.getKey(), "no bar of '" + e.getKey() + "' at " + asOf);
      } else {
        asOfIndex.put(e.getKey(), t);
        book.setMark(e.getKey(), e.getValue().close(t));
      }
    }
    Cycle cycle = new Cycle(config, asOf, market, asOfIndex, book, state, tradesToday);
    List<DecisionRecord> records = cycle.run(broker, indexErrors);
    tradesToday = cycle.tradesToday();
    working.putAll(cycle.newWorkingOrders());
    events.addAll(cycle.events());
    for (PipelineEvent e : events) {
      for (PipelineListener l : config.listeners()) {
        try {
          l.onEvent(e);
        } catch (RuntimeException ex) {
          listenerErrors.add(l + " failed on " + e.kind() + ": " + ex);
        }
      }
    }
    earlier.addAll(events);
    return new CycleResult(asOf, before, state, equity, records, earlier, listenerErrors);
  }

  /** Working orders' remaining signed quantity by symbol; finished orders are forgotten. */
  private Map<String, Double> refreshWorkingOrders(Broker broker) {
    Map<String, Double> pending = new TreeMap<>();
    for (var it = working.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      Order o = broker.order(e.getKey()).orElse(null);
      if (o == null || o.status().isFinal()) {
        it.remove();
        continue;
      }
      double left = o.request().quantity() - o.filledQuantity();
      pending.merge(e.getValue(), o.request().side() == Side.BUY ? left : -left, Double::sum);
    }
    return pending;
  }

  private void cancelWorkingOrders(Broker broker) {
    for (String id : new ArrayList<>(working.keySet())) {
      broker.cancel(id);
      working.remove(id);
    }
  }

  private void updateState(Instant asOf, double equity, List<PipelineEvent> events) {
    LocalDate today = asOf.atZone(ZoneOffset.UTC).toLocalDate();
    if (!today.equals(day)) {
      day = today;
      dayStartEquity = equity;
      tradesToday = 0;
      if (state == TradingState.REDUCING && reducingForDailyLoss) {
        reducingForDailyLoss = false;
        moveTo(TradingState.ACTIVE, "new day " + today + ": daily-loss limit reset", asOf);
      }
    }
    peakEquity = Math.max(peakEquity, equity);
    if (state != TradingState.HALTED) {
      if (!(equity > 0)) {
        moveTo(TradingState.HALTED, "equity " + equity + " is not positive", asOf);
      } else if (equity <= peakEquity * (1 - config.gate().maxDrawdown())) {
        moveTo(TradingState.HALTED, String.format(java.util.Locale.ROOT,
            "drawdown %.4f from the peak %.2f reached the breaker at %.4f",
            1 - equity / peakEquity, peakEquity, config.gate().maxDrawdown()), asOf);
      } else if (state == TradingState.ACTIVE
          && equity <= dayStartEquity * (1 - config.gate().limits().maxDailyLoss())) {
        reducingForDailyLoss = true;
        moveTo(TradingState.REDUCING, String.format(java.util.Locale.ROOT,
            "daily loss %.4f of the day's starting equity %.2f reached the limit %.4f",
            1 - equity / dayStartEquity, dayStartEquity,
            config.gate().limits().maxDailyLoss()), asOf);
      }
    }
    events.addAll(pendingEvents);
    pendingEvents.clear();
  }

  private void moveTo(TradingState to, String why, Instant time) {
    if (to != state) {
      pendingEvents.add(new PipelineEvent(time, PipelineEvent.Kind.STATE_CHANGE, "", state, to,
          why));
      state = to;
    }
  }

  @Override
  public String toString() {
    return "TradingPipeline[" + config + ", state " + state + "]";
  }

  /** Builds a {@link TradingPipeline}; {@code features}, {@code model} and a sizer or an
   * allocation model are required. */
  public static final class Builder {
    private final String runId;
    private FeatureSource features;
    private SignalModel model;
    private TradeReviewer reviewer = TradeReviewer.approveAll();
    private Duration reviewTimeout;
    private RiskGate gate = RiskGate.of(RiskLimits.defaults());
    private PositionSizer sizer;
    private AllocationModel allocation;
    private int allocationLookback = 252;
    private boolean shorts;
    private double lotSize = 1;
    private double minTradeValue;
    private int recentReturns = 20;
    private PipelineConfig.SizingInputs sizingInputs = (r, f, s) -> r;
    private boolean parallelFeatures;
    private final List<PipelineListener> listeners = new ArrayList<>();

    private Builder(String runId) {
      Checks.notNull(runId, "runId");
      if (runId.isBlank()) {
        throw new IllegalArgumentException("Pipeline: runId must not be blank");
      }
      this.runId = runId;
    }

    /**
     * The feature source (for example {@code FeatureBuilder.defaults()}).
     *
     * @param source the features of a symbol as of a bar
     * @return this builder
     */
    public Builder features(FeatureSource source) {
      this.features = Checks.notNull(source, "features");
      return this;
    }

    /**
     * The signal model.
     *
     * @param signalModel features -> signal with confidence
     * @return this builder
     */
    public Builder model(SignalModel signalModel) {
      this.model = Checks.notNull(signalModel, "model");
      return this;
    }

    /**
     * The reviewer (default: approve everything).
     *
     * @param tradeReviewer the reviewer
     * @return this builder
     */
    public Builder reviewer(TradeReviewer tradeReviewer) {
      this.reviewer = Checks.notNull(tradeReviewer, "reviewer");
      return this;
    }

    /**
     * How long the pipeline waits for the reviewer before rejecting with "timed out" (default:
     * no limit; an HTTP reviewer has its own timeout).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder reviewTimeout(Duration timeout) {
      Checks.notNull(timeout, "reviewTimeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Pipeline: reviewTimeout must be positive, but found "
            + timeout);
      }
      this.reviewTimeout = timeout;
      return this;
    }

    /**
     * The risk gate (default: {@code RiskGate.of(RiskLimits.defaults())}).
     *
     * @param riskGate the gate
     * @return this builder
     */
    public Builder gate(RiskGate riskGate) {
      this.gate = Checks.notNull(riskGate, "gate");
      return this;
    }

    /**
     * Sizing mode: positions opened at this sizer's size.
     *
     * @param positionSizer the sizer
     * @return this builder
     */
    public Builder sizer(PositionSizer positionSizer) {
      this.sizer = Checks.notNull(positionSizer, "sizer");
      return this;
    }

    /**
     * Allocation mode: targets from this model's weights.
     *
     * @param model the allocation model (an optimizer or an ML model)
     * @return this builder
     */
    public Builder allocation(AllocationModel model) {
      this.allocation = Checks.notNull(model, "allocation");
      return this;
    }

    /**
     * The number of bars of closes the allocation model sees (default 252).
     *
     * @param bars at least 3
     * @return this builder
     */
    public Builder allocationLookback(int bars) {
      if (bars < 3) {
        throw new IllegalArgumentException("Pipeline: allocationLookback must be >= 3 bars, but"
            + " found " + bars);
      }
      this.allocationLookback = bars;
      return this;
    }

    /**
     * Negative signals open short positions (sizing mode).
     *
     * @return this builder
     */
    public Builder shorts() {
      this.shorts = true;
      return this;
    }

    /**
     * Orders in whole multiples of {@code lot} units (default 1).
     *
     * @param lot finite, &gt; 0
     * @return this builder
     */
    public Builder lotSize(double lot) {
      this.lotSize = Checks.positive(lot, "lotSize");
      return this;
    }

    /**
     * Trades worth less than {@code value} are not proposed (default 0).
     *
     * @param value finite, &gt;= 0
     * @return this builder
     */
    public Builder minTradeValue(double value) {
      this.minTradeValue = Checks.nonNegative(value, "minTradeValue");
      return this;
    }

    /**
     * How many recent returns the reviewer's context carries (default 20).
     *
     * @param count &gt;= 0
     * @return this builder
     */
    public Builder recentReturns(int count) {
      this.recentReturns = Checks.notNegative(count, "recentReturns");
      return this;
    }

    /**
     * Computes the symbols' features in parallel (on the common fork-join pool); the feature
     * source must be thread-safe ({@code FeatureBuilder} is). The model, the reviewer, the gate
     * and the orders still run in symbol order, so the records are the same as without it.
     *
     * @return this builder
     */
    public Builder parallelFeatures() {
      this.parallelFeatures = true;
      return this;
    }

    /**
     * Completes each sizing request with inputs the pipeline does not know (expected return,
     * maximum loss, stop distance), from the features and the signal.
     *
     * @param inputs the completion
     * @return this builder
     */
    public Builder sizingInputs(PipelineConfig.SizingInputs inputs) {
      this.sizingInputs = Checks.notNull(inputs, "sizingInputs");
      return this;
    }

    /**
     * Adds a listener for limit hits, state changes and rejected orders.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(PipelineListener listener) {
      listeners.add(Checks.notNull(listener, "listener"));
      return this;
    }

    /**
     * The pipeline.
     *
     * @return a new pipeline in state {@link TradingState#ACTIVE}
     * @throws IllegalStateException if features, model, or exactly one of sizer and allocation
     *     model is missing
     */
    public TradingPipeline build() {
      String what = "Pipeline '" + runId + "': ";
      if (features == null) {
        throw new IllegalStateException(what + "set the features (features(...))");
      }
      if (model == null) {
        throw new IllegalStateException(what + "set the signal model (model(...))");
      }
      if ((sizer == null) == (allocation == null)) {
        throw new IllegalStateException(what + "set exactly one of sizer(...) and "
            + "allocation(...), found " + (sizer == null ? "neither" : "both"));
      }
      return new TradingPipeline(new PipelineConfig(runId, features, model, reviewer,
          reviewTimeout, gate, sizer, allocation, allocationLookback, shorts, lotSize,
          minTradeValue, recentReturns, List.copyOf(listeners), sizingInputs,
          parallelFeatures));
    }
  }

  /**
   * The row of {@code asOf} in {@code index}, -1 if none: for a date index, the date whose
   * instant ({@link io.github.quantfolio.core.TimeIndex#instant}, midnight UTC) is
   * {@code asOf}.
   */
  static int indexOf(io.github.quantfolio.core.TimeIndex index, Instant asOf) {
    if (index.kind() == io.github.quantfolio.core.TimeIndex.Kind.DATE) {
      if (asOf.getEpochSecond() % 86_400 != 0 || asOf.getNano() != 0) {
        return -1;
      }
      return index.indexOf(LocalDate.ofEpochDay(Math.floorDiv(asOf.getEpochSecond(), 86_400)));
    }
    return index.indexOf(asOf);
  }

  static Map<String, Double> featureMap(Features f) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (f != null) {
      double[] v = f.values();
      for (int i = 0; i < v.length; i++) {
        m.put(f.names().get(i), v[i]);
      }
    }
    return m;
  }
}
