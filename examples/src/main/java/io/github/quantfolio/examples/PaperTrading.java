package io.github.quantfolio.examples;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.adapters.FeeModel;
import io.github.quantfolio.core.adapters.OhlcBar;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.PaperBroker;
import io.github.quantfolio.optimize.ExpectedReturns;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.OptimizationException;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.trading.AccountProfile;
import io.github.quantfolio.trading.Accounts;
import io.github.quantfolio.trading.AuditEntry;
import io.github.quantfolio.trading.Ledger;
import io.github.quantfolio.trading.LedgerSnapshot;
import io.github.quantfolio.trading.OrderPlan;
import io.github.quantfolio.trading.OrderPlanner;
import io.github.quantfolio.trading.PnlLine;
import io.github.quantfolio.trading.ReplayClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A simulated year of paper trading: every month end, capped max-Sharpe target weights from the
 * last year of prices go through the order planner and the account's pre-trade controls to a
 * bar-driven paper broker, which fills them at the next day's open with fees; a ledger fed by the
 * broker's fills reports realized and unrealized P&amp;L by symbol.
 *
 * <p>Run it with {@code java -cp examples/target/quantfolio-examples-all.jar
 * io.github.quantfolio.examples.PaperTrading} after {@code mvn -B -DskipTests install}.
 */
public final class PaperTrading {

  private PaperTrading() {
  }

  public static void main(String[] args) {
    SimulatedMarket market = MarketSimulator.defaultMarket();
    List<String> symbols = List.of("A01", "A02", "A04", "A05", "A06", "A07", "A08", "A10");
    PriceFrame prices = market.prices().select(symbols.toArray(String[]::new));
    Map<String, Bars> bars = new HashMap<>();
    symbols.forEach(s -> bars.put(s, market.bars(s)));
    int first = prices.rows() - 252; // trade the last simulated year
    Instant start = prices.index().instant(first);

    // The account: a bar-driven paper broker (5 bps, at least 1.00 per fill) behind seed 002's
    // paper-account limits, and a ledger that hears every fill.
    ReplayClock clock = ReplayClock.startingAt(start);
    PaperBroker broker = PaperBroker.builder(100_000).barDriven()
        .withFees(FeeModel.bps(5).withMinimum(1)).withClock(clock).build();
    AccountProfile profile = AccountProfile.paper("DU123456").withMaxOrderValue(50_000)
        .withMaxDailyTrades(100).withAllowedSymbols(symbols.toArray(String[]::new))
        .withMaxPositionWeight(0.30);
    // Seed 002's live account sits next to it (here another paper broker stands in for IBKR);
    // switching to it needs a confirmation that names it, so this run stays on paper.
    AccountProfile live = AccountProfile.live("U123456").withMaxOrderValue(25_000)
        .withMaxDailyTrades(50).withAllowedSymbols("AAPL", "MSFT", "SPY");
    Accounts accounts = Accounts.builder().add(profile, broker)
        .add(live, PaperBroker.withCash(0, clock)).withClock(clock).build();
    accounts.switchTo("DU123456");
    try {
      accounts.switchTo("U123456");
    } catch (IllegalArgumentException refused) {
      System.out.println("Refused: " + refused.getMessage());
    }
    Ledger ledger = Ledger.open(start, 100_000);
    broker.addFillListener(ledger::record);
    OrderPlanner planner = OrderPlanner.defaults().withMinimumTradeValue(500)
        .withCashReserve(0.01).withFeeEstimate(5, 1);

    List<String> ids = new ArrayList<>();
    int rejected = 0;
    for (int t = first; t < prices.rows(); t++) {
      Instant now = prices.index().instant(t);
      clock.advanceTo(now);
      // The day's bars fill yesterday's orders at the open (in submission order, so the sells
      // fund the buys); the ledger marks the closes.
      List<OhlcBar> today = new ArrayList<>();
      for (String s : symbols) {
        Bars b = bars.get(s);
        today.add(new OhlcBar(s, now, b.open()[t], b.high()[t], b.low()[t], b.close()[t],
            b.volume()[t]));
      }
      broker.updateBars(today);
      ledger.mark(prices, t);
      boolean monthEnd = t + 1 == prices.rows()
          || prices.index().date(t + 1).getMonth() != prices.index().date(t).getMonth();
      if (monthEnd && t + 1 < prices.rows()) {
        PriceFrame window = prices.between(prices.index().date(t - 251), prices.index().date(t));
        Weights target = target(window);
        OrderPlan plan = planner.plan("paper-demo", now, target, ledger.snapshot(),
            AssetVector.of(symbols, closes(prices, t)));
        for (OrderRequest o : plan.orders()) {
          Order result = accounts.submit(o);
          ids.add(o.clientOrderId());
          rejected += result.status() == OrderStatus.REJECTED ? 1 : 0;
        }
      }
      ledger.endOfDay(now);
    }

    LedgerSnapshot book = ledger.snapshot();
    Map<OrderStatus, Integer> outcomes = new EnumMap<>(OrderStatus.class);
    String brokerRejection = null;
    for (String id : ids) {
      Order o = broker.order(id).orElseThrow();
      outcomes.merge(o.status(), 1, Integer::sum);
      if (o.status() == OrderStatus.REJECTED && brokerRejection == null) {
        brokerRejection = o.message();
      }
    }
    System.out.printf(Locale.ROOT, "Paper trading %s .. %s: %d orders planned, %d rejected by the"
        + " pre-trade controls; at the broker: %s%n", prices.index().label(first),
        prices.index().last(), ids.size(), rejected, outcomes);
    if (brokerRejection != null) {
      System.out.println("  (the broker rejects a buy that the cash cannot pay at the next open,"
          + " e.g. " + brokerRejection + ")");
    }
    System.out.println();
    System.out.println(book);
    System.out.println("P&L by symbol (realized includes fees; unrealized at the last close):");
    for (PnlLine l : book.bySymbol()) {
      System.out.printf(Locale.ROOT, "  %-4s realized %10.2f  unrealized %10.2f  total %10.2f%n",
          l.key(), l.realized(), l.unrealized(), l.total());
    }
    System.out.printf(Locale.ROOT, "%nBroker equity %.2f = ledger NAV %.2f%n",
        broker.account().equity(), book.nav());
    List<AuditEntry> audit = accounts.auditLog();
    System.out.println("Audit log: " + audit.size() + " entries, the first three:");
    audit.stream().limit(3).forEach(e -> System.out.println("  " + e));
  }

  /** Capped max Sharpe on the window; min volatility when no mix beats the risk-free rate. */
  private static Weights target(PriceFrame window) {
    MeanVariance mv = MeanVariance.of(ExpectedReturns.meanHistorical(window),
        CovarianceEstimator.ledoitWolf().estimate(window.returns())).withBounds(0, 0.25);
    try {
      return mv.maxSharpe(0.02).weights();
    } catch (OptimizationException e) {
      return mv.minVolatility().weights();
    }
  }

  private static double[] closes(PriceFrame prices, int t) {
    double[] c = new double[prices.assets().size()];
    for (int j = 0; j < c.length; j++) {
      c[j] = prices.get(t, j);
    }
    return c;
  }
}
