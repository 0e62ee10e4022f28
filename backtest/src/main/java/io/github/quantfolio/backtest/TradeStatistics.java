package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import java.util.List;
import java.util.Locale;
import java.util.RandomAccess;
import java.util.stream.IntStream;

/**
 * Per-trade statistics of round-trip {@link Trade}s, for all trades and for long and short
 * trades separately ({@link TradeSummary}). Unlike the
 * {@link io.github.quantfolio.risk.PerformanceReport}, whose win rate, profit factor, payoff
 * ratio and Kelly fraction count <em>periods</em>, every number here counts <em>trades</em>.
 *
 * <p>Definitions, with {@code p_i} the P&amp;L of trade i (currency), {@code r_i} its return
 * {@link Trade#returnFraction()} ({@code pnl / entry value}), N trades, W wins ({@code p > 0}),
 * L losses ({@code p < 0}), the rest breakevens:
 * <ul>
 *   <li>win rate {@code w = W / N}; profit factor {@code sum(p_i > 0) / |sum(p_i < 0)|}
 *       (+Infinity with wins and no loss, 0 with losses and no win, NaN with neither);
 *   <li>average / median P&amp;L and return (median of an even N: the mean of the two middle
 *       values, {@code 0.5 * a + 0.5 * b}; bit for bit the median of a copy sorted by
 *       {@link java.util.Arrays#sort(double[])}, which puts -0.0 before 0.0); average win
 *       {@code sum(p_i > 0) / W}, average loss {@code sum(p_i < 0) / L} (negative); payoff
 *       ratio {@code avgWin / |avgLoss|} (+Infinity without a loss, NaN without a win);
 *   <li>expectancy {@code w * avgWin + (L / N) * avgLoss}, which equals the average P&amp;L;
 *       largest win {@code max p_i}, largest loss {@code min p_i};
 *   <li>longest winning / losing streak: consecutive wins / losses in list order (a
 *       {@link BacktestResult}'s trades are in the order they closed); a breakeven ends both; for
 *       the long and short groups, the streaks of that side's trades in order;
 *   <li>average holding period in bars ({@code exitBar - entryBar}) and, with a time index, in
 *       calendar days ({@code (exit time - entry time) / 24 h}, fractional for intraday bars);
 *   <li>trades per year {@code N / (bars / periodsPerYear)}, the span measured as the
 *       annualisation of returns does;
 *   <li>time in market: the fraction of bars that end with any position (long group: any long
 *       position; short group: any short one) in any asset; only from a {@link BacktestResult},
 *       whose positions it reads, so it does not depend on {@link OpenTrades};
 *   <li>SQN, Van Tharp's system quality number, {@code sqrt(N) * mean(r) / sd(r)} with the N - 1
 *       standard deviation (NaN for N &lt; 2 or sd = 0), on the per-trade <b>returns</b> r_i
 *       rather than on R-multiples (P&amp;L over the initial risk, Tharp's definition: a trade
 *       here has no declared initial risk) or raw P&amp;L (backtrader's {@code SQN} analyzer),
 *       because returns do not grow with the position size as equity compounds. Tharp's later
 *       cap of N at 100 is not applied. Reference: Van K. Tharp, <i>The Definitive Guide to
 *       Position Sizing</i>, IITM, 2008;
 *   <li>Kelly estimate {@code w - (1 - w) / payoff} (Kelly 1956, in the win-rate / payoff form);
 *       equal to w without losses, NaN without wins.
 * </ul>
 *
 * <p>Open trades ({@link ExitReason#END_OF_DATA}: valued at the last close, no exit costs) are
 * excluded by default ({@link OpenTrades#EXCLUDE}), since their P&amp;L is not realised; the
 * choice is part of the result and of its {@code toString()}. No trades gives N = 0, counts 0 and
 * every ratio NaN.
 *
 * <p>Cost: one pass over the trades into primitive arrays of their P&amp;L and returns (16 bytes
 * per trade), each chunk of 32,768 trades summed right after it is read (sums, streaks, the
 * variance of the returns, bucket histograms of the IEEE 754 bit patterns), then one pass per
 * median kind to finish the medians by a linear-time selection within one bucket (Floyd-Rivest;
 * no sort). A random-access list is read in parallel chunks, and the two medians are computed in
 * parallel, on the common fork-join pool; every result is the same bit for bit whatever the
 * number of threads (fixed chunks, each sum in one fixed order, medians equal to those of a
 * sorted copy). The variance behind SQN is summed from each chunk's first return and joined by
 * Chan's update (typically within a few units of rounding of the exact value, at most the
 * chunk's size in units). Timings of a million trades: docs/performance.md.
 *
 * @since 0.1.0
 */
public final class TradeStatistics {

  /**
   * Whether trades still open at the end of the data count.
   *
   * @since 0.1.0
   */
  public enum OpenTrades {
    /** Only closed round trips count (realised P&amp;L); the default. */
    EXCLUDE,
    /** Open trades count too, valued at the last close without exit costs. */
    INCLUDE
  }

  private final OpenTrades openTrades;
  private final int openInInput;
  private final TradeSummary all;
  private final TradeSummary longs;
  private final TradeSummary shorts;

  private TradeStatistics(OpenTrades openTrades, int openInInput, TradeSummary[] s) {
    this.openTrades = openTrades;
    this.openInInput = openInInput;
    this.all = s[0];
    this.longs = s[1];
    this.shorts = s[2];
  }

  /**
   * The statistics of a trade list without a time index: holding days, trades per year and time
   * in market are NaN.
   *
   * @param trades the trades, in order (none null)
   * @param openTrades whether trades still open count
   * @return the statistics
   * @throws IllegalArgumentException if a trade has a side other than +1 / -1, a negative entry
   *     bar, an exit bar before its entry bar, or a non-finite P&amp;L or return (the message names
   *     the trade's position, asset and exit time)
   */
  public static TradeStatistics of(List<Trade> trades, OpenTrades openTrades) {
    return compute(trades, openTrades, null, null, null);
  }

  /**
   * The statistics of a trade list whose bars refer to {@code index}: holding days and trades per
   * year are defined; time in market is NaN (it needs the positions of a {@link BacktestResult}).
   *
   * @param trades the trades, in order (none null)
   * @param openTrades whether trades still open count
   * @param index the time index the trades' bars refer to
   * @param frequency the frequency of {@code index}, for trades per year
   * @return the statistics
   * @throws IllegalArgumentException as {@link #of(List, OpenTrades)}, and if a trade's exit bar is
   *     beyond the index
   */
  public static TradeStatistics of(List<Trade> trades, OpenTrades openTrades, TimeIndex index,
      Frequency frequency) {
    Checks.notNull(index, "index");
    Checks.notNull(frequency, "frequency");
    return compute(trades, openTrades, index, frequency, null);
  }

  /**
   * The statistics of a backtest's closed trades ({@link OpenTrades#EXCLUDE}).
   *
   * @param result the backtest
   * @return the statistics, with holding days, trades per year and time in market
   */
  public static TradeStatistics of(BacktestResult result) {
    return of(result, OpenTrades.EXCLUDE);
  }

  /**
   * The statistics of a backtest's trades.
   *
   * @param result the backtest
   * @param openTrades whether trades still open at the last bar count
   * @return the statistics, with holding days, trades per year and time in market
   */
  public static TradeStatistics of(BacktestResult result, OpenTrades openTrades) {
    Checks.notNull(result, "result");
    int bars = result.index().size();
    int[] in = new int[3 * bars]; // per bar: any position, any long, any short
    for (String asset : result.assets()) {
      double[] q = result.shares(asset);
      for (int t = 0; t < bars; t++) {
        if (q[t] != 0) {
          in[3 * t] = 1;
          in[3 * t + (q[t] > 0 ? 1 : 2)] = 1;
        }
      }
    }
    double[] count = new double[3];
    for (int t = 0; t < bars; t++) {
      for (int g = 0; g < 3; g++) {
        count[g] += in[3 * t + g];
      }
    }
    for (int g = 0; g < 3; g++) {
      count[g] /= bars;
    }
    return compute(result.trades(), openTrades, result.index(), result.frequency(), count);
  }

  private static TradeStatistics compute(List<Trade> trades, OpenTrades openTrades,
      TimeIndex index, Frequency frequency, double[] inMarket) {
    Checks.notNull(trades, "trades");
    Checks.notNull(openTrades, "openTrades");
    boolean include = openTrades == OpenTrades.INCLUDE;
    TradeStatsKernel.Input in = new TradeStatsKernel.Input(trades.size(), index != null);
    int chunks = in.chunks();
    boolean histograms = trades.size() > TradeStatsKernel.SORT_UP_TO;
    if (trades instanceof RandomAccess) { // the chunks in parallel: no order between them matters
      IntStream.range(0, chunks).parallel().forEach(c -> {
        TradeStatsKernel.Chunk k = in.chunk(c);
        for (int i = k.start(); i < k.end(); i++) {
          if (!read(trades.get(i), i, k, include, index)) {
            return;
          }
        }
        k.summarise(histograms);
      });
    } else {
      TradeStatsKernel.Chunk k = null;
      int i = 0;
      for (Trade t : trades) {
        if (i % TradeStatsKernel.CHUNK == 0) {
          if (k != null) {
            k.summarise(histograms);
          }
          k = in.chunk(i / TradeStatsKernel.CHUNK);
        }
        if (!read(t, i++, k, include, index)) {
          k = null; // invalid: reported below, nothing to sum
          break;
        }
      }
      if (k != null) {
        k.summarise(histograms);
      }
    }
    int invalid = in.firstInvalid();
    if (invalid >= 0) { // the first invalid trade in list order, as a sequential pass finds it
      Trade t = trades.get(invalid);
      if (t == null) {
        throw new NullPointerException("trades[" + invalid + "] is null");
      }
      validate(t, invalid, index);
    }
    double years = frequency == null ? Double.NaN
        : index.size() / frequency.periodsPerYear();
    return new TradeStatistics(openTrades, in.open(),
        TradeStatsKernel.compute(in, years, inMarket));
  }

  /** Adds trade i to its chunk, or records it there as invalid and returns false. */
  private static boolean read(Trade t, int i, TradeStatsKernel.Chunk k, boolean include,
      TimeIndex index) {
    if (t == null || !isValid(t, index)) {
      k.invalid(i);
      return false;
    }
    if (t.isOpen()) {
      k.open();
      if (!include) {
        return true;
      }
    }
    int entry = t.entryBar();
    int exit = t.exitBar();
    long millis = index == null ? 0 : index.epochMillis(exit) - index.epochMillis(entry);
    k.add(t.side(), t.pnl(), t.returnFraction(), exit - entry, millis);
    return true;
  }

  private static boolean isValid(Trade t, TimeIndex index) {
    int side = t.side();
    int entry = t.entryBar();
    int exit = t.exitBar();
    return (side == 1 || side == -1) && entry >= 0 && exit >= entry
        && (index == null || exit < index.size()) && Double.isFinite(t.pnl())
        && Double.isFinite(t.returnFraction());
  }

  /** Throws the exception that names what is wrong with trade i, which is invalid. */
  private static void validate(Trade t, int i, TimeIndex index) {
    int side = t.side();
    int entry = t.entryBar();
    int exit = t.exitBar();
    String who = "trades[" + i + "] ('" + t.asset() + "', exit " + t.exitTime() + ")";
    if (side != 1 && side != -1) {
      throw new IllegalArgumentException("Expected side +1 or -1 in " + who + ", but found "
          + side);
    }
    if (entry < 0 || exit < entry) {
      throw new IllegalArgumentException("Expected 0 <= entryBar <= exitBar in " + who
          + ", but found entryBar " + entry + ", exitBar " + exit);
    }
    if (index != null && exit >= index.size()) {
      throw new IllegalArgumentException("Expected exitBar < " + index.size() + " (the index's "
          + "size) in " + who + ", but found " + exit);
    }
    throw new IllegalArgumentException("Expected a finite pnl and return in " + who
        + ", but found pnl " + t.pnl() + ", return " + t.returnFraction());
  }

  /**
   * Whether open trades were counted.
   *
   * @return the open-trade policy these statistics were computed with
   */
  public OpenTrades openTrades() {
    return openTrades;
  }

  /**
   * Trades still open at the end ({@link ExitReason#END_OF_DATA}) in the input, counted or not.
   *
   * @return the number of open trades in the input
   */
  public int openTradesInInput() {
    return openInInput;
  }

  /**
   * All counted trades.
   *
   * @return the statistics of all counted trades
   */
  public TradeSummary all() {
    return all;
  }

  /**
   * The counted long trades.
   *
   * @return the statistics of the long trades
   */
  public TradeSummary longs() {
    return longs;
  }

  /**
   * The counted short trades.
   *
   * @return the statistics of the short trades
   */
  public TradeSummary shorts() {
    return shorts;
  }

  /**
   * A table with one row per statistic and the columns All, Long and Short, under a header that
   * says how many trades count and whether open ones do: P&amp;L in currency units, rates and
   * returns in percent, "-" for undefined values, "+inf" for a profit factor or payoff ratio
   * without losing trades.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Trade statistics (per trade, not per period): %d %s"
        + "%n", all.trades(), openTrades == OpenTrades.INCLUDE
            ? "trades, " + openInInput + " of them still open (valued at the last close)"
            : "closed trades" + (openInInput == 0 ? "" : " (" + openInInput
                + " still open, excluded)")));
    TradeSummary[] g = {all, longs, shorts};
    sb.append(String.format(Locale.ROOT, "%-32s %14s %14s %14s%n", "", "All", "Long", "Short"));
    row(sb, "Trades", g, s -> Integer.toString(s.trades()));
    row(sb, "Wins / losses / breakevens", g,
        s -> s.wins() + "/" + s.losses() + "/" + s.breakevens());
    row(sb, "Win rate", g, s -> pct(s.winRate()));
    row(sb, "Profit factor", g, s -> num(s.profitFactor()));
    row(sb, "Total P&L", g, s -> num(s.totalPnl()));
    row(sb, "Average P&L (= expectancy)", g, s -> num(s.expectancy()));
    row(sb, "Median P&L", g, s -> num(s.medianPnl()));
    row(sb, "Average return", g, s -> pct(s.averageReturn()));
    row(sb, "Median return", g, s -> pct(s.medianReturn()));
    row(sb, "Average win", g, s -> num(s.averageWin()));
    row(sb, "Average loss", g, s -> num(s.averageLoss()));
    row(sb, "Payoff ratio", g, s -> num(s.payoffRatio()));
    row(sb, "Largest win", g, s -> num(s.largestWin()));
    row(sb, "Largest loss", g, s -> num(s.largestLoss()));
    row(sb, "Longest winning streak", g, s -> Integer.toString(s.longestWinningStreak()));
    row(sb, "Longest losing streak", g, s -> Integer.toString(s.longestLosingStreak()));
    row(sb, "Average holding (bars)", g, s -> num(s.averageHoldingBars()));
    row(sb, "Average holding (days)", g, s -> num(s.averageHoldingDays()));
    row(sb, "Trades per year", g, s -> num(s.tradesPerYear()));
    row(sb, "Time in market", g, s -> pct(s.timeInMarket()));
    row(sb, "SQN (on per-trade returns)", g, s -> num(s.sqn()));
    row(sb, "Kelly estimate", g, s -> pct(s.kelly()));
    sb.append("P&L in currency units; - = undefined; +inf = no losing trade\n");
    return sb.toString();
  }

  private interface Cell {
    String of(TradeSummary s);
  }

  private static void row(StringBuilder sb, String label, TradeSummary[] g, Cell cell) {
    sb.append(String.format(Locale.ROOT, "%-32s %14s %14s %14s%n", label, cell.of(g[0]),
        cell.of(g[1]), cell.of(g[2])));
  }

  private static String num(double v) {
    return v != v ? "-" : v == Double.POSITIVE_INFINITY ? "+inf" : TextTable.num(v, 2);
  }

  private static String pct(double v) {
    return v != v ? "-" : TextTable.num(100 * v, 2) + "%";
  }
}
