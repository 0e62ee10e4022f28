package io.github.quantfolio.backtest;

/**
 * One round trip in one asset: from the fill that opened a position (from flat, or the part of a
 * reversing fill beyond flat) to the fill that brought it back to zero. Partial entries and exits
 * in between are averaged, so the PnL of all trades plus nothing else adds up to the backtest's
 * total PnL.
 *
 * @param asset the asset's name
 * @param side {@code +1} long, {@code -1} short
 * @param entryBar row of the first entry fill
 * @param exitBar row of the closing fill (the last row for a trade still open)
 * @param entryTime label of the entry row (ISO date or date-time)
 * @param exitTime label of the exit row
 * @param quantity shares opened in total (&gt; 0)
 * @param entryPrice average executed entry price (slippage included)
 * @param exitPrice average executed exit price (slippage included); the last close for a trade
 *     still open
 * @param fees fees paid on the trade's fills
 * @param pnl {@code side * (exit value - entry value) - fees}, currency units
 * @param returnPct {@code pnl / entry value} (a fraction)
 * @param exitReason why it closed ({@link ExitReason#END_OF_DATA} while still open)
 * @since 0.1.0
 */
public record Trade(String asset, int side, int entryBar, int exitBar, String entryTime,
    String exitTime, double quantity, double entryPrice, double exitPrice, double fees, double pnl,
    double returnPct, ExitReason exitReason) {

  /** Bars between entry and exit fills. */
  public int holdingBars() {
    return exitBar - entryBar;
  }

  /** True if the trade was still open at the last bar. */
  public boolean isOpen() {
    return exitReason == ExitReason.END_OF_DATA;
  }
}
