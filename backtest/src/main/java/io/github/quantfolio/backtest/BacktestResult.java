package io.github.quantfolio.backtest;

import io.github.quantfolio.backtest.internal.Engine;
import io.github.quantfolio.backtest.internal.FillLog;
import io.github.quantfolio.backtest.internal.MarketData;
import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.ValueFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import io.github.quantfolio.risk.PerformanceReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Everything a backtest produced: equity, cash, returns, costs, positions, round-trip trades,
 * per-asset PnL and a {@link PerformanceReport}. Immutable; array accessors return new arrays
 * (positions, cash and costs are replayed from the log of fills on each call: keep what you use
 * in a loop).
 *
 * <p>Units: equity, cash, fees, slippage and PnL in currency; returns and weights as fractions.
 * Row {@code t} holds the state after bar {@code t}'s close (and after any same-close fills).
 * Accounting identity, to rounding: {@code equity[t] = cash[t] + sum_i shares_i[t] * close_i[t]}
 * (the last known close for an asset without a bar) and {@code finalEquity - initialCapital =
 * sum(assetPnl) = sum(trade pnl)}.
 *
 * @since 0.1.0
 */
public final class BacktestResult {

  private final BacktestConfig config;
  private final MarketData data;
  private final double[] equity;
  private final FillLog fills; // positions, cash and costs are replayed from it on demand
  private final List<Trade> trades;
  private final double[] assetPnl;
  private final int cashLimitedOrders;
  private final int unfilledOrders;
  private final String firstUnfilled;
  private final int ordersBeyondCash;
  private final String deepestCut;
  private final double[] financing; // null in a cash account
  private final int marginLimitedOrders;
  private final String firstMarginLimit;
  private final List<String> marginCalls;

  BacktestResult(MarketData data, BacktestConfig config, Engine engine) {
    this.config = config;
    this.data = data;
    this.equity = engine.equityPath();
    this.fills = engine.fillLog();
    this.trades = Collections.unmodifiableList(new ArrayList<>(engine.trades()));
    this.assetPnl = engine.assetPnl();
    this.cashLimitedOrders = engine.cashLimitedOrders();
    this.unfilledOrders = engine.unfilledBuys();
    this.firstUnfilled = engine.firstUnfilledBuy();
    this.ordersBeyondCash = engine.buysBeyondCash();
    this.deepestCut = engine.deepestCutBuy();
    this.financing = engine.financingPath();
    this.marginLimitedOrders = engine.marginLimitedOrders();
    this.firstMarginLimit = engine.firstMarginLimitedOrder();
    this.marginCalls = List.copyOf(engine.marginCalls());
  }

  /** Asset {@code i}'s closes, each missing one replaced by the last known (valuation prices). */
  private double[] marks(int i) {
    double[] c = data.closeColumn(i);
    double last = Double.NaN;
    for (int t = 0; t < c.length; t++) {
      if (c[t] == c[t]) {
        last = c[t];
      } else {
        c[t] = last;
      }
    }
    return c;
  }

  /**
   * The timestamps (one row per bar).
   *
   * @return the timestamps (one row per bar)
   */
  public TimeIndex index() {
    return data.index();
  }

  /**
   * The asset names, in column order.
   *
   * @return the asset names, in column order
   */
  public List<String> assets() {
    return data.assets();
  }

  /**
   * The frequency used to annualise the report.
   *
   * @return the frequency used to annualise the report
   */
  public Frequency frequency() {
    return data.frequency();
  }

  /**
   * The configuration the backtest ran with.
   *
   * @return the configuration the backtest ran with
   */
  public BacktestConfig config() {
    return config;
  }

  /**
   * Starting capital.
   *
   * @return starting capital
   */
  public double initialCapital() {
    return config.initialCapital();
  }

  /**
   * Equity after the last bar.
   *
   * @return equity after the last bar
   */
  public double finalEquity() {
    return equity[equity.length - 1];
  }

  /**
   * Equity at each bar's close (a copy).
   *
   * @return equity at each bar's close (a copy)
   */
  public double[] equity() {
    return equity.clone();
  }

  /**
   * Cash at each bar's close (a new array).
   *
   * @return cash at each bar's close (a new array)
   */
  public double[] cash() {
    return fills.cashPath(config.initialCapital(), equity.length);
  }

  /**
   * Simple returns of equity per bar (a new array); the first is relative to the initial capital,
   * so the compounded returns equal {@code finalEquity / initialCapital - 1}.
   *
   * @return the simple return of each bar, as fractions (a new array)
   */
  public double[] returns() {
    double[] r = new double[equity.length];
    double prev = config.initialCapital();
    for (int t = 0; t < r.length; t++) {
      r[t] = equity[t] / prev - 1;
      prev = equity[t];
    }
    return r;
  }

  /**
   * Fees paid on each bar (a new array).
   *
   * @return fees paid on each bar (a new array)
   */
  public double[] fees() {
    return fills.feesPath(equity.length);
  }

  /**
   * Slippage paid on each bar (a new array): {@code |shares| * price * slippageBps / 1e4}.
   *
   * @return the slippage of each bar, in currency (a new array)
   */
  public double[] slippage() {
    return fills.slippagePath(equity.length);
  }

  /**
   * Fees plus slippage on each bar (a new array).
   *
   * @return fees plus slippage on each bar (a new array)
   */
  public double[] costs() {
    double[] c = fees();
    double[] s = slippage();
    for (int t = 0; t < c.length; t++) {
      c[t] += s[t];
    }
    return c;
  }

  /**
   * Interest charged on each bar (a new array): on borrowed cash and on short positions, under
   * the {@link MarginTerms} of {@link BacktestConfig#margin()}; all zeros in a cash account.
   * Like fees, it has left the cash and is part of the trades' PnL ({@link Trade#financing()}).
   *
   * @return the financing charged on each bar, in currency (a new array)
   */
  public double[] financing() {
    return financing == null ? new double[equity.length] : financing.clone();
  }

  /**
   * Total interest charged (see {@link #financing()}).
   *
   * @return total financing, in currency
   */
  public double totalFinancing() {
    return financing == null ? 0 : sum(financing);
  }

  /**
   * Orders whose opening or enlarging part was scaled down to fit the initial margin
   * ({@link MarginTerms}); 0 in a cash account.
   *
   * @return the number of margin-limited orders
   */
  public int marginLimitedOrders() {
    return marginLimitedOrders;
  }

  /**
   * The margin calls, one line each in time order, e.g. {@code 2024-03-05: equity 1,234.00
   * below the maintenance margin 2,000.00; 2 positions liquidated at the close}; the trades they
   * closed have {@link ExitReason#MARGIN_CALL}.
   *
   * @return the margin calls (unmodifiable; empty without any)
   */
  public List<String> marginCalls() {
    return marginCalls;
  }

  /**
   * Total fees paid.
   *
   * @return total fees paid
   */
  public double totalFees() {
    return sum(fees());
  }

  /**
   * Total slippage paid.
   *
   * @return total slippage paid
   */
  public double totalSlippage() {
    return sum(slippage());
  }

  /**
   * The number of fills (orders executed, stops included).
   *
   * @return the number of fills (orders executed, stops included)
   */
  public int fillCount() {
    return fills.size();
  }

  /**
   * One-way turnover per bar (a copy): value traded at market prices over the bar's closing
   * equity; NaN on bars whose equity is 0 or below (see {@link #wipeOutBar()}).
   *
   * @return the one-way turnover of each bar, as fractions of equity (a new array)
   */
  public double[] turnover() {
    double[] to = fills.tradedPath(equity.length);
    for (int t = 0; t < to.length; t++) {
      to[t] = equity[t] > 0 ? to[t] / equity[t] : Double.NaN;
    }
    return to;
  }

  /**
   * Average annual one-way turnover: mean per-bar turnover times periods per year.
   *
   * @return average annual one-way turnover: mean per-bar turnover times periods per year
   */
  public double annualTurnover() {
    return sum(turnover()) / equity.length * frequency().periodsPerYear();
  }

  /**
   * Round trips, in the order they closed; trades still open at the end come last.
   *
   * @return round trips, in the order they closed; trades still open at the end come last
   */
  public List<Trade> trades() {
    return trades;
  }

  /**
   * The round trips of {@code asset}.
   *
   * @param asset one of {@link #assets()}
   * @return the round trips of {@code asset}, in the order of {@link #trades()}
   */
  public List<Trade> trades(String asset) {
    position(asset);
    List<Trade> out = new ArrayList<>();
    for (Trade t : trades) {
      if (t.asset().equals(asset)) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Net PnL per asset in currency: trading cash flows plus the final position's value.
   *
   * @return net PnL per asset in currency: trading cash flows plus the final position's value
   */
  public AssetVector assetPnl() {
    return AssetVector.of(assets(), assetPnl.clone());
  }

  /**
   * Buy orders that were scaled down because cash (and leverage) did not cover them with their
   * costs: those only trimmed to pay their own costs (a 100 % target with fees always is), plus
   * the {@link #ordersBeyondCash()} and the {@link #unfilledOrders()}.
   *
   * @return the number of buy orders scaled down for cash
   */
  public int cashLimitedOrders() {
    return cashLimitedOrders;
  }

  /**
   * Buy orders that could not be filled at all: the cash (and leverage) left nothing of them once
   * their costs were paid — e.g. a fixed fee above the equity, or less cash than one whole share.
   * {@link #toString()} names the first.
   *
   * @return the count (included in {@link #cashLimitedOrders()})
   * @since 0.1.0
   */
  public int unfilledOrders() {
    return unfilledOrders;
  }

  /**
   * Buy orders filled only in part because their market value alone (before costs) exceeded the
   * cash (and leverage) available: the position differs from what the input asked for, unlike a
   * buy only trimmed to pay its costs. {@link #toString()} names the most deeply cut.
   *
   * @return the count (included in {@link #cashLimitedOrders()})
   * @since 0.1.0
   */
  public int ordersBeyondCash() {
    return ordersBeyondCash;
  }

  /**
   * The performance report of {@link #returns()} (risk-free rate from the config), computed on each
   * call (a backtest that only needs its trades does not pay for it): keep the result.
   *
   * @return the report
   * @throws IllegalStateException if equity fell to 0 or below (the account was wiped out: the
   *     returns from there on are undefined); the message gives the date and the equity
   */
  public PerformanceReport report() {
    int ruin = wipeOutBar();
    if (ruin >= 0) {
      throw new IllegalStateException(wipeOut(ruin) + "; returns after that are undefined, so "
          + "there is no performance report (see equity())");
    }
    return PerformanceReport.of(returns(), frequency(), config.riskFreeRate());
  }

  /**
   * The performance report against a benchmark: the report of {@link #report()} plus alpha,
   * beta, tracking error, information ratio and up/down capture of the benchmark's returns, and
   * the benchmark's own report (see {@code PerformanceReport}).
   *
   * @param benchmarkReturns the benchmark's simple return at each bar of {@link #index()} (NaN
   *     for none, e.g. the first bar), same length as {@link #returns()}
   * @return the report with its benchmark-relative fields
   * @throws IllegalArgumentException if the lengths differ or the benchmark has no valid return
   * @throws IllegalStateException if the account was wiped out (as {@link #report()})
   */
  public PerformanceReport report(double[] benchmarkReturns) {
    java.util.Objects.requireNonNull(benchmarkReturns, "Argument 'benchmarkReturns' must not be"
        + " null");
    int ruin = wipeOutBar();
    if (ruin >= 0) {
      throw new IllegalStateException(wipeOut(ruin) + "; returns after that are undefined, so "
          + "there is no performance report (see equity())");
    }
    return PerformanceReport.of(returns(), frequency(), config.riskFreeRate(), benchmarkReturns);
  }

  /**
   * The first bar whose closing equity is 0 or below, or -1 if equity stayed positive.
   *
   * @return the first bar whose closing equity is 0 or below, or -1 if equity stayed positive
   */
  public int wipeOutBar() {
    for (int t = 0; t < equity.length; t++) {
      if (!(equity[t] > 0)) {
        return t;
      }
    }
    return -1;
  }

  private String wipeOut(int t) {
    return "The account was wiped out: equity " + TextTable.num(equity[t], 2) + " on "
        + index().label(t) + " (capital " + TextTable.num(config.initialCapital(), 2) + ")";
  }

  /**
   * Shares of {@code asset} held after each bar (a new array).
   *
   * @param asset one of {@link #assets()}
   * @return the shares held after each bar (negative = short; a new array)
   */
  public double[] shares(String asset) {
    return fills.sharesPath(position(asset), equity.length);
  }

  /**
   * Weight of {@code asset} (position value over equity) after each bar (a new array); NaN on
   * bars whose equity is 0 or below, where weights are undefined.
   *
   * @param asset one of {@link #assets()}
   * @return the weight of {@code asset} after each bar, as fractions of equity (a new array)
   */
  public double[] weights(String asset) {
    int i = position(asset);
    double[] out = fills.sharesPath(i, equity.length);
    double[] px = marks(i);
    for (int t = 0; t < out.length; t++) {
      double q = out[t];
      out[t] = !(equity[t] > 0) ? Double.NaN : q == 0 ? 0 : q * px[t] / equity[t];
    }
    return out;
  }

  /**
   * Portfolio weights after bar {@code t}.
   *
   * @param t the bar, 0 &lt;= t &lt; the number of bars
   * @return the weights after bar {@code t}, as fractions of equity (negative = short)
   * @throws IllegalStateException if equity after bar {@code t} is 0 or below (weights are
   *     undefined)
   */
  public Weights weightsAt(int t) {
    Checks.index(t, equity.length, "t");
    if (!(equity[t] > 0)) {
      throw new IllegalStateException("Weights after " + index().label(t) + " are undefined: "
          + wipeOut(t));
    }
    int n = assets().size();
    double[] w = fills.sharesAt(t, n);
    for (int i = 0; i < n; i++) {
      if (w[i] != 0) {
        double px = Double.NaN;
        for (int k = t; k >= 0 && px != px; k--) {
          px = data.close()[k * n + i];
        }
        w[i] = w[i] * px / equity[t];
      }
    }
    return Weights.of(assets(), w);
  }

  /**
   * Weights after every bar as a frame ({@code T x N}, one column per asset: fractions of equity),
   * e.g. for plotting or {@code TablesawInterop.toTable}.
   *
   * @return the weights (a {@link ValueFrame}: weights are neither prices nor returns)
   */
  public ValueFrame weightsFrame() {
    int n = assets().size();
    double[][] cols = new double[n][];
    for (int i = 0; i < n; i++) {
      cols[i] = weights(assets().get(i));
    }
    return ValueFrame.of(index(), assets(), cols, frequency());
  }

  /**
   * Equity, cash, return, fees, slippage and turnover per bar as a frame (columns named so; money
   * in the account currency, the return and turnover as fractions), e.g. for
   * {@code TablesawInterop.toTable}.
   *
   * @return the columns (a {@link ValueFrame}: they are not all returns)
   */
  public ValueFrame equityFrame() {
    return ValueFrame.of(index(), List.of("equity", "cash", "return", "fees", "slippage",
        "turnover"), new double[][] {equity.clone(), cash(), returns(), fees(), slippage(),
            turnover()}, frequency());
  }

  private int position(String asset) {
    Checks.notNull(asset, "asset");
    int i = assets().indexOf(asset);
    if (i < 0) {
      throw new IllegalArgumentException("Unknown asset '" + asset + "'; the backtest has "
          + assets());
    }
    return i;
  }

  private static String ratio(double v) {
    return v != v ? "-" : v == Double.POSITIVE_INFINITY ? "+inf (no losing trade)"
        : TextTable.num(v, 2);
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }

  // ------------------------------------------------------------------ export

  /**
   * Writes {@link #equityFrame()} as CSV (time column first).
   *
   * @param path the file to write (created, or overwritten if it exists), UTF-8
   * @throws java.io.UncheckedIOException if writing fails
   */
  public void writeEquityCsv(Path path) {
    write(path, this::writeEquityCsv);
  }

  /**
   * Writes {@link #equityFrame()} as CSV to {@code out} (not closed).
   *
   * @param out where to write, not closed (flushed)
   * @throws java.io.UncheckedIOException if writing fails
   */
  public void writeEquityCsv(Writer out) {
    equityFrame().writeCsv(out);
  }

  /**
   * Writes {@link #weightsFrame()} as CSV.
   *
   * @param path the file to write (created, or overwritten if it exists), UTF-8
   * @throws java.io.UncheckedIOException if writing fails
   */
  public void writeWeightsCsv(Path path) {
    write(path, w -> weightsFrame().writeCsv(w));
  }

  /**
   * Writes the trades as CSV: asset, side, entry_time, exit_time, entry_bar, exit_bar, quantity,
   * entry_price, exit_price, fees, pnl, return, holding_bars, exit_reason, financing.
   *
   * @param path the file to write (created, or overwritten if it exists), UTF-8
   * @throws java.io.UncheckedIOException if writing fails
   */
  public void writeTradesCsv(Path path) {
    write(path, this::writeTradesCsv);
  }

  /**
   * Writes the trades as CSV to {@code out} (not closed).
   *
   * @param out where to write, not closed (flushed)
   * @throws java.io.UncheckedIOException if writing fails
   */
  public void writeTradesCsv(Writer out) {
    try {
      out.write("asset,side,entry_time,exit_time,entry_bar,exit_bar,quantity,entry_price,"
          + "exit_price,fees,pnl,return,holding_bars,exit_reason,financing\n");
      for (Trade t : trades) {
        out.write(csvField(t.asset()) + ',' + (t.side() > 0 ? "long" : "short") + ','
            + t.entryTime() + ',' + t.exitTime() + ',' + t.entryBar() + ',' + t.exitBar() + ','
            + t.quantity() + ',' + t.entryPrice() + ',' + t.exitPrice() + ',' + t.fees() + ','
            + t.pnl() + ',' + t.returnFraction() + ',' + t.holdingBars() + ',' + t.exitReason()
            + ',' + t.financing() + '\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private interface WriterTask {
    void writeTo(Writer w);
  }

  private static void write(Path path, WriterTask task) {
    Checks.notNull(path, "path");
    try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      task.writeTo(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ printing

  /**
   * A summary: period and assets, capital and costs (currency units), turnover, round-trip
   * trades with their per-trade win rate and, if any closed, their profit factor, average
   * P&amp;L and payoff ratio (from {@link TradeStatistics}, closed trades only), the orders the
   * cash could not cover (lines starting {@code CASH LIMITS}: unfilled buys and buys larger than
   * the cash, each with an example; buys only trimmed to pay their own costs are not listed),
   * then the performance report (whose win rate counts periods) or, if the account was wiped
   * out, when that happened.
   */
  @Override
  public String toString() {
    TradeSummary closed = TradeStatistics.of(trades, TradeStatistics.OpenTrades.EXCLUDE).all();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Backtest %s .. %s, %d bars of %s, %d asset%s%n",
        index().first(), index().last(), index().size(), frequency(), assets().size(),
        assets().size() == 1 ? "" : "s"));
    sb.append(String.format(Locale.ROOT,
        "capital %s -> %s, fees %s, slippage %s (currency units), annual turnover %s x equity%n",
        TextTable.num(initialCapital(), 2), TextTable.num(finalEquity(), 2),
        TextTable.num(totalFees(), 2), TextTable.num(totalSlippage(), 2),
        TextTable.num(annualTurnover(), 2)));
    sb.append(String.format(Locale.ROOT, "trades: %d closed round trips, %d won (per-trade win "
        + "rate %s), %d still open%n", closed.trades(), closed.wins(),
        closed.trades() == 0 ? "-" : TextTable.num(100 * closed.winRate(), 2) + "%",
        trades.size() - closed.trades()));
    if (closed.trades() > 0) {
      sb.append(String.format(Locale.ROOT, "per closed trade: profit factor %s, average P&L %s, "
          + "payoff ratio %s (TradeStatistics.of(result) for more)%n",
          ratio(closed.profitFactor()), TextTable.num(closed.averagePnl(), 2),
          ratio(closed.payoffRatio())));
    }
    if (unfilledOrders > 0) {
      sb.append(String.format(Locale.ROOT, "CASH LIMITS: %d buy order%s could not be filled at all"
          + " (cash did not cover %s with %s costs); the first: %s%n", unfilledOrders,
          unfilledOrders == 1 ? "" : "s", unfilledOrders == 1 ? "it" : "them",
          unfilledOrders == 1 ? "its" : "their", firstUnfilled));
    }
    if (ordersBeyondCash > 0) {
      sb.append(String.format(Locale.ROOT, "CASH LIMITS: %d buy order%s larger than the cash "
          + "available, filled in part; the most cut: %s%n", ordersBeyondCash,
          ordersBeyondCash == 1 ? " was" : "s were", deepestCut));
    }
    if (financing != null) {
      sb.append(String.format(Locale.ROOT, "margin account: %s; financing %s (currency units)%n",
          config.margin(), TextTable.num(totalFinancing(), 2)));
    }
    if (marginLimitedOrders > 0) {
      sb.append(String.format(Locale.ROOT, "MARGIN LIMITS: %d order%s scaled to the initial "
          + "margin; the first: %s%n", marginLimitedOrders, marginLimitedOrders == 1 ? "" : "s",
          firstMarginLimit));
    }
    if (!marginCalls.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "MARGIN CALLS: %d; the first: %s%n",
          marginCalls.size(), marginCalls.get(0)));
    }
    int ruin = wipeOutBar();
    if (ruin >= 0) {
      sb.append(wipeOut(ruin)).append("; no performance report\n");
    } else {
      sb.append(report());
    }
    return sb.toString();
  }
}
