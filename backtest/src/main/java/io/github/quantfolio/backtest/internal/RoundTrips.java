package io.github.quantfolio.backtest.internal;

import io.github.quantfolio.backtest.ExitReason;
import io.github.quantfolio.backtest.Trade;
import java.util.ArrayList;
import java.util.List;

/**
 * The round trip open in each asset, from the fill that opened a position to the fill that
 * brings it back to flat: quantities and values entered and exited, fees, and the finished
 * {@link Trade} records (or only their counts, in sweeps). The {@link Engine} reports every
 * fill's part here; partial entries and exits are averaged.
 */
final class RoundTrips {

  private final MarketData data;
  private final boolean record;
  private final int[] side;
  private final int[] entryBar;
  private final double[] entryQty;
  private final double[] entryValue;
  private final double[] exitQty;
  private final double[] exitValue;
  private final double[] fees;
  private final double[] financing;
  private final List<Trade> trades = new ArrayList<>();
  private int count;
  private int closed;
  private int won;

  /**
   * @param record whether to keep {@link Trade} records (sweeps keep counts only: a Trade with
   *     its labels costs more than the bar loop)
   */
  RoundTrips(MarketData data, boolean record) {
    int n = data.assetCount();
    this.data = data;
    this.record = record;
    this.side = new int[n];
    this.entryBar = new int[n];
    this.entryQty = new double[n];
    this.entryValue = new double[n];
    this.exitQty = new double[n];
    this.exitValue = new double[n];
    this.fees = new double[n];
    this.financing = new double[n];
  }

  /** Opens a round trip of {@code size} shares at {@code exec} ({@code sign} +1 long, -1 short). */
  void open(int t, int i, int sign, double size, double exec, double fee) {
    side[i] = sign;
    entryBar[i] = t;
    entryQty[i] = size;
    entryValue[i] = size * exec;
    exitQty[i] = 0;
    exitValue[i] = 0;
    fees[i] = fee;
    financing[i] = 0;
  }

  /** Charges interest to the open position of asset {@code i}. */
  void addFinancing(int i, double amount) {
    financing[i] += amount;
  }

  /** Adds to the open position's entry. */
  void addEntry(int i, double size, double exec, double fee) {
    entryQty[i] += size;
    entryValue[i] += size * exec;
    fees[i] += fee;
  }

  /** Records a reducing fill of {@code size} shares (at most the position). */
  void addExit(int i, double size, double exec, double fee) {
    exitQty[i] += size;
    exitValue[i] += size * exec;
    fees[i] += fee;
  }

  /** Finishes the round trip of asset {@code i} at bar {@code t}. */
  void close(int t, int i, ExitReason reason) {
    int s = side[i];
    double pnl = s * (exitValue[i] - entryValue[i]) - fees[i] - financing[i];
    side[i] = 0;
    count++;
    if (reason != ExitReason.END_OF_DATA) {
      closed++;
      won += pnl > 0 ? 1 : 0;
    }
    if (record) {
      trades.add(new Trade(data.assets().get(i), s, entryBar[i], t, data.label(entryBar[i]),
          data.label(t), entryQty[i], entryValue[i] / entryQty[i], exitValue[i] / exitQty[i],
          fees[i], pnl, pnl / entryValue[i], reason, financing[i]));
    }
  }

  /** Round trips, including those open at the end. */
  int count() {
    return count;
  }

  /** Round trips closed before the end. */
  int closed() {
    return closed;
  }

  /** Closed round trips with a positive PnL. */
  int won() {
    return won;
  }

  /** The records, in closing order (empty unless recorded). */
  List<Trade> trades() {
    return trades;
  }
}
