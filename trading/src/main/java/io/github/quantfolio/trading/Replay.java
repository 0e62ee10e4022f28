package io.github.quantfolio.trading;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.adapters.FeeModel;
import io.github.quantfolio.core.adapters.Fill;
import io.github.quantfolio.core.adapters.OhlcBar;
import io.github.quantfolio.core.adapters.PaperBroker;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.PerformanceReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs a {@link TradingPipeline} bar by bar over history with a bar-driven {@link PaperBroker}:
 * at each time stamp the broker first fills the orders of the previous decision on the new bar
 * (market orders at its open, by the backtester's rules) and marks positions at its close, then
 * the pipeline decides at that close. Decisions at bar t therefore fill on bar t+1 and never see
 * a later bar; decisions of the last bar are not filled.
 *
 * <p>A {@link Ledger} records every fill (its round trips are the trades) and is marked at each
 * close; its NAV equals the broker's equity at every bar (a test checks it).
 *
 * <pre>{@code
 * ReplayResult r = Replay.of(pipeline).withCash(100_000).withFees(FeeModel.bps(5)).run(bars);
 * System.out.println(r);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Replay {

  private final TradingPipeline pipeline;
  private final double cash;
  private final FeeModel fees;
  private final boolean shorts;
  private final double riskFreeRate;

  private Replay(TradingPipeline pipeline, double cash, FeeModel fees, boolean shorts,
      double riskFreeRate) {
    this.pipeline = pipeline;
    this.cash = cash;
    this.fees = fees;
    this.shorts = shorts;
    this.riskFreeRate = riskFreeRate;
  }

  /**
   * A replay of {@code pipeline} with 100,000 in cash, no fees, no shorts at the broker and a
   * zero risk-free rate in the report.
   *
   * @param pipeline the pipeline (its state carries over between runs; build a new one for an
   *     independent run)
   * @return the replay
   */
  public static Replay of(TradingPipeline pipeline) {
    return new Replay(Checks.notNull(pipeline, "pipeline"), 100_000, FeeModel.NONE,
        pipeline.config().shorts(), 0);
  }

  /**
   * With another starting cash.
   *
   * @param amount finite, &gt; 0
   * @return a copy
   */
  public Replay withCash(double amount) {
    return new Replay(pipeline, Checks.positive(amount, "cash"), fees, shorts, riskFreeRate);
  }

  /**
   * With the broker's fee model.
   *
   * @param model the fees per fill
   * @return a copy
   */
  public Replay withFees(FeeModel model) {
    return new Replay(pipeline, cash, Checks.notNull(model, "fees"), shorts, riskFreeRate);
  }

  /**
   * With the annual risk-free rate of the performance report.
   *
   * @param rate the annual rate
   * @return a copy
   */
  public Replay withRiskFreeRate(double rate) {
    return new Replay(pipeline, cash, fees, shorts, Checks.finite(rate, "riskFreeRate"));
  }

  /**
   * Replays over the bars of several symbols; the time stamps are the union of theirs, and a
   * symbol takes part from its first bar with prices on (rows of NaN before a late listing are
   * no bar).
   *
   * @param bars one series per symbol (distinct symbols)
   * @return equity, trades, records and the report
   */
  public ReplayResult run(List<Bars> bars) {
    Checks.notNull(bars, "bars");
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("Replay: no bars");
    }
    Map<String, Bars> market = new LinkedHashMap<>();
    for (Bars b : bars) {
      Checks.notNull(b, "bars");
      if (market.put(b.symbol(), b) != null) {
        throw new IllegalArgumentException("Replay: two series of '" + b.symbol() + "'");
      }
    }
    TimeIndex index = unionIndex(bars);
    int n = index.size();
    ReplayClock clock = ReplayClock.startingAt(index.instant(0));
    PaperBroker.Builder builder = PaperBroker.builder(cash).withClock(clock).withFees(fees)
        .barDriven();
    PaperBroker broker = (shorts ? builder.withShorts() : builder).build();
    Ledger ledger = Ledger.open(index.instant(0), cash,
        shorts ? LedgerOptions.defaults().withShorts() : LedgerOptions.defaults());
    List<Fill> fills = new ArrayList<>();
    broker.addFillListener(f -> {
      fills.add(f);
      ledger.record(f);
    });
    int[] cursor = new int[bars.size()];
    // Columns read once: Bars hands out copies, and a bar is read per symbol and time stamp.
    int k0 = bars.size();
    double[][] open = new double[k0][];
    double[][] high = new double[k0][];
    double[][] low = new double[k0][];
    double[][] close = new double[k0][];
    double[][] volume = new double[k0][];
    long[][] times = new long[k0][];
    for (int k = 0; k < k0; k++) {
      Bars b = bars.get(k);
      open[k] = b.open();
      high[k] = b.high();
      low[k] = b.low();
      close[k] = b.close();
      volume[k] = b.volume();
      times[k] = new long[b.size()];
      for (int i = 0; i < b.size(); i++) {
        times[k][i] = b.index().instant(i).toEpochMilli();
      }
    }
    double[] equity = new double[n];
    List<DecisionRecord> records = new ArrayList<>();
    List<PipelineEvent> events = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      Instant now = index.instant(t);
      clock.advanceTo(now);
      List<OhlcBar> update = new ArrayList<>();
      Map<String, Bars> live = new LinkedHashMap<>();
      for (int k = 0; k < bars.size(); k++) {
        Bars b = bars.get(k);
        int i = cursor[k];
        if (i < times[k].length && times[k][i] == now.toEpochMilli()) {
          cursor[k] = i + 1;
          if (Double.isNaN(close[k][i])) {
            continue; // not listed yet (a late listing's leading NaN rows)
          }
          update.add(new OhlcBar(b.symbol(), now, open[k][i], high[k][i], low[k][i],
              close[k][i], volume[k][i]));
          live.put(b.symbol(), b);
        }
      }
      broker.updateBars(update);
      for (OhlcBar bar : update) {
        ledger.mark(bar);
      }
      equity[t] = broker.account().equity();
      if (!live.isEmpty()) {
        CycleResult c = pipeline.cycle(now, live, broker);
        records.addAll(c.records());
        events.addAll(c.events());
      }
    }
    double[] returns = new double[n - 1];
    for (int t = 1; t < n; t++) {
      returns[t - 1] = equity[t] / equity[t - 1] - 1;
    }
    PerformanceReport report = n >= 3
        ? PerformanceReport.of(returns, Frequency.infer(index), riskFreeRate) : null;
    return new ReplayResult(index, equity, fills, ledger.roundTrips(), ledger.snapshot(),
        records, events, report, pipeline.state());
  }

  /** The sorted union of the series' time stamps (dates if every series is dated). */
  static TimeIndex unionIndex(List<Bars> bars) {
    boolean dates = true;
    for (Bars b : bars) {
      dates &= b.index().kind() == TimeIndex.Kind.DATE;
    }
    if (dates) {
      TreeSet<LocalDate> all = new TreeSet<>();
      for (Bars b : bars) {
        all.addAll(b.index().dates());
      }
      return TimeIndex.ofDates(new ArrayList<>(all));
    }
    TreeSet<Instant> all = new TreeSet<>();
    for (Bars b : bars) {
      for (int i = 0; i < b.size(); i++) {
        all.add(b.index().instant(i));
      }
    }
    return TimeIndex.ofInstants(new ArrayList<>(all));
  }

  @Override
  public String toString() {
    return "Replay[cash " + cash + ", fees " + fees + (shorts ? ", shorts" : "") + ", "
        + pipeline + "]";
  }
}
