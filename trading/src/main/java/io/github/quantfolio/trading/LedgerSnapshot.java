package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.TextTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link Ledger} frozen at one moment: cash, positions, P&amp;L, exposure and round-trip
 * statistics. Amounts are in the account currency; returns and weights are fractions.
 *
 * @param time the latest event or mark the snapshot reflects
 * @param cash cash (negative when fills spent more than the deposits)
 * @param netDeposits deposits minus withdrawals so far
 * @param nav {@code cash + sum of quantity x mark}
 * @param realizedPnl closed round trips net of all their fees, plus dividends
 * @param unrealizedPnl open lots at their marks, net of their capitalized opening fees
 * @param dailyPnl the change of NAV net of cash flows since the last end-of-day snapshot (since
 *     opening when there is none)
 * @param totalReturn time-weighted return since opening (see {@link Ledger})
 * @param fees all fees paid
 * @param positions the open positions, by symbol
 * @param bySymbol P&amp;L of every symbol ever traded, by symbol
 * @param byStrategy P&amp;L by the strategy tag of the lots (empty key: untagged)
 * @param bySignal P&amp;L by the signal tag of the lots (empty key: untagged)
 * @param roundTrips the number of closed round trips
 * @param winningRoundTrips how many of them made money after fees
 * @param grossProfit the sum of the winning round trips' P&amp;L
 * @param grossLoss the sum of the losing round trips' P&amp;L (&lt;= 0)
 * @since 0.1.0
 */
public record LedgerSnapshot(Instant time, double cash, double netDeposits, double nav,
    double realizedPnl, double unrealizedPnl, double dailyPnl, double totalReturn, double fees,
    List<LedgerPosition> positions, List<PnlLine> bySymbol, List<PnlLine> byStrategy,
    List<PnlLine> bySignal, int roundTrips, int winningRoundTrips, double grossProfit,
    double grossLoss) {

  /**
   * Copies the lists (unmodifiable).
   *
   * @param time the latest event or mark the snapshot reflects
   * @param cash cash (negative when fills spent more than the deposits)
   * @param netDeposits deposits minus withdrawals so far
   * @param nav {@code cash + sum of quantity x mark}
   * @param realizedPnl closed round trips net of all their fees, plus dividends
   * @param unrealizedPnl open lots at their marks, net of their capitalized opening fees
   * @param dailyPnl the change of NAV net of cash flows since the last end-of-day snapshot (since
   *    opening when there is none)
   * @param totalReturn time-weighted return since opening (see {@link Ledger})
   * @param fees all fees paid
   * @param positions the open positions, by symbol
   * @param bySymbol P&amp;L of every symbol ever traded, by symbol
   * @param byStrategy P&amp;L by the strategy tag of the lots (empty key: untagged)
   * @param bySignal P&amp;L by the signal tag of the lots (empty key: untagged)
   * @param roundTrips the number of closed round trips
   * @param winningRoundTrips how many of them made money after fees
   * @param grossProfit the sum of the winning round trips' P&amp;L
   * @param grossLoss the sum of the losing round trips' P&amp;L (&lt;= 0)
   */
  public LedgerSnapshot {
    positions = List.copyOf(positions);
    bySymbol = List.copyOf(bySymbol);
    byStrategy = List.copyOf(byStrategy);
    bySignal = List.copyOf(bySignal);
  }

  static LedgerSnapshot of(Ledger ledger) {
    double cash = ledger.cashNow();
    double nav = cash;
    double realized = 0;
    double unrealized = 0;
    double fees = 0;
    List<PnlLine> bySymbol = new ArrayList<>();
    Map<String, double[]> unrealizedByStrategy = new HashMap<>();
    Map<String, double[]> unrealizedBySignal = new HashMap<>();
    List<Book> open = new ArrayList<>();
    List<double[]> openStats = new ArrayList<>(); // per open book: unrealized, cost, open fees
    FillTags lastTags = null;
    double[] strategy = null;
    double[] signal = null;
    for (Book b : ledger.booksBySymbol()) {
      double u = 0;
      if (b.openQuantity > 0) {
        double cost = 0;
        double openFees = 0;
        for (int k = 0; k < b.lots.size(); k++) {
          double q = b.lots.quantity(k);
          double lot = b.sign * q * (b.mark - b.lots.price(k)) - b.lots.fee(k);
          u += lot;
          cost += q * b.lots.price(k);
          openFees += b.lots.fee(k);
          FillTags tags = b.lots.tags(k);
          if (tags != lastTags) {
            lastTags = tags;
            strategy = unrealizedByStrategy.computeIfAbsent(tags.strategy(), x -> new double[1]);
            signal = unrealizedBySignal.computeIfAbsent(tags.signal(), x -> new double[1]);
          }
          strategy[0] += lot;
          signal[0] += lot;
        }
        open.add(b);
        openStats.add(new double[] {u, cost, openFees});
        nav += b.signedQuantity() * b.mark;
      }
      realized += b.realized;
      unrealized += u;
      fees += b.fees;
      if (b.fees > 0 || b.realized != 0 || b.openQuantity > 0) {
        bySymbol.add(new PnlLine(b.symbol, b.realized, u));
      }
    }
    List<LedgerPosition> positions = new ArrayList<>(open.size());
    for (int i = 0; i < open.size(); i++) {
      Book b = open.get(i);
      double[] st = openStats.get(i);
      double q = b.signedQuantity();
      double value = q * b.mark;
      positions.add(new LedgerPosition(b.symbol, q, st[1] / b.openQuantity, st[2], b.mark,
          b.markTime, value, st[0], b.realized, nav > 0 ? value / nav : Double.NaN));
    }
    double netDeposits = ledger.netDeposits();
    return new LedgerSnapshot(ledger.latestTime(), cash, netDeposits, nav, realized, unrealized,
        nav - ledger.referenceNav() - (netDeposits - ledger.referenceNetDeposits()),
        ledger.timeWeightedReturn(nav), fees, positions, bySymbol,
        lines(ledger.realizedByStrategy(), unrealizedByStrategy),
        lines(ledger.realizedBySignal(), unrealizedBySignal), ledger.roundTripCount(),
        ledger.winningTrips(), ledger.grossProfit(), ledger.grossLoss());
  }

  private static List<PnlLine> lines(Map<String, double[]> realized,
      Map<String, double[]> unrealized) {
    TreeMap<String, double[]> all = new TreeMap<>();
    realized.forEach((k, v) -> all.computeIfAbsent(k, x -> new double[2])[0] += v[0]);
    unrealized.forEach((k, v) -> all.computeIfAbsent(k, x -> new double[2])[1] += v[0]);
    List<PnlLine> out = new ArrayList<>(all.size());
    all.forEach((k, v) -> out.add(new PnlLine(k, v[0], v[1])));
    return out;
  }

  /**
   * {@code realizedPnl + unrealizedPnl}, which equals {@code nav - netDeposits} to rounding.
   *
   * @return {@code realizedPnl + unrealizedPnl}, which equals {@code nav - netDeposits} to rounding
   */
  public double totalPnl() {
    return realizedPnl + unrealizedPnl;
  }

  /**
   * The sum of the long positions' market values (&gt;= 0).
   *
   * @return the sum of the long positions' market values (&gt;= 0)
   */
  public double longExposure() {
    double e = 0;
    for (LedgerPosition p : positions) {
      e += Math.max(p.marketValue(), 0);
    }
    return e;
  }

  /**
   * The sum of the short positions' absolute market values (&gt;= 0).
   *
   * @return the sum of the short positions' absolute market values (&gt;= 0)
   */
  public double shortExposure() {
    double e = 0;
    for (LedgerPosition p : positions) {
      e -= Math.min(p.marketValue(), 0);
    }
    return e;
  }

  /**
   * {@code longExposure + shortExposure}.
   *
   * @return {@code longExposure + shortExposure}
   */
  public double grossExposure() {
    return longExposure() + shortExposure();
  }

  /**
   * {@code longExposure - shortExposure}.
   *
   * @return {@code longExposure - shortExposure}
   */
  public double netExposure() {
    return longExposure() - shortExposure();
  }

  /**
   * {@code grossExposure / nav}; 0 with no positions, and {@code +Infinity} when there are
   * positions but the NAV is not positive.
   *
   * @return the gross leverage
   */
  public double leverage() {
    double g = grossExposure();
    if (g == 0) {
      return 0;
    }
    return nav > 0 ? g / nav : Double.POSITIVE_INFINITY;
  }

  /**
   * The open position in {@code symbol}, if any.
   *
   * @param symbol the instrument
   * @return the open position in {@code symbol}, if any
   */
  public Optional<LedgerPosition> position(String symbol) {
    return positions.stream().filter(p -> p.symbol().equals(symbol)).findFirst();
  }

  /**
   * Per-trade win rate: winning round trips over all closed round trips; NaN when none has
   * closed.
   *
   * @return a fraction in [0, 1], or NaN
   */
  public double winRate() {
    return roundTrips == 0 ? Double.NaN : (double) winningRoundTrips / roundTrips;
  }

  /**
   * {@code grossProfit / -grossLoss} over the closed round trips: NaN when none has closed or
   * none made or lost money, {@code +Infinity} when none lost.
   *
   * @return the profit factor
   */
  public double profitFactor() {
    if (grossLoss == 0) {
      return grossProfit > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    return grossProfit / -grossLoss;
  }

  /**
   * The {@code n} symbols with the largest total P&amp;L that are positive, best first.
   *
   * @param n how many at most, &gt;= 0
   * @return the top contributors
   */
  public List<PnlLine> topContributors(int n) {
    return bySymbol.stream().filter(l -> l.total() > 0)
        .sorted(Comparator.comparingDouble(PnlLine::total).reversed()).limit(n).toList();
  }

  /**
   * The {@code n} symbols with the most negative total P&amp;L, worst first.
   *
   * @param n how many at most, &gt;= 0
   * @return the top detractors
   */
  public List<PnlLine> topDetractors(int n) {
    return bySymbol.stream().filter(l -> l.total() < 0)
        .sorted(Comparator.comparingDouble(PnlLine::total)).limit(n).toList();
  }

  /** A readable report: NAV, P&amp;L, exposure, round trips and the positions table. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("Ledger at ").append(time).append('\n');
    sb.append(String.format("NAV %s = cash %s + positions %s; net deposits %s%n", money(nav),
        money(cash), money(nav - cash), money(netDeposits)));
    sb.append(String.format("P&L %s = realized %s + unrealized %s (fees paid %s); daily %s;"
        + " time-weighted return %s%n", money(totalPnl()), money(realizedPnl),
        money(unrealizedPnl), money(fees), money(dailyPnl), percent(totalReturn)));
    sb.append(String.format("Exposure long %s, short %s, gross %s, net %s; leverage %.2fx%n",
        money(longExposure()), money(shortExposure()), money(grossExposure()),
        money(netExposure()), leverage()));
    sb.append(String.format("Round trips %d closed, %d won (per-trade win rate %s), profit factor"
        + " %s%n", roundTrips, winningRoundTrips, percent(winRate()),
        Double.isNaN(profitFactor()) ? "n/a" : TextTable.num(profitFactor(), 2)));
    if (positions.isEmpty()) {
      sb.append("No open positions\n");
      return sb.toString();
    }
    TextTable t = new TextTable("symbol", "quantity", "avg price", "mark", "value", "weight",
        "unrealized", "realized");
    for (LedgerPosition p : positions) {
      t.row(p.symbol(), quantity(p.quantity()), TextTable.nonZero(p.averagePrice(), 4),
          TextTable.nonZero(p.mark(), 4), TextTable.fixed(p.marketValue(), 2), percent(p.weight()),
          TextTable.fixed(p.unrealizedPnl(), 2), TextTable.fixed(p.realizedPnl(), 2));
    }
    return sb.append(t.render()).toString();
  }

  /** Whole units without decimals; fractional ones to 8 significant digits. */
  private static String quantity(double q) {
    return q == Math.rint(q) && Math.abs(q) < 1e15 ? String.format("%.0f", q)
        : TextTable.auto(q, 8);
  }

  private static String money(double v) {
    return String.format("%,.2f", v);
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "n/a" : String.format("%.2f%%", 100 * v);
  }
}
