package io.github.quantfolio.backtest;

/**
 * One round trip in one asset: from the fill that opened a position (from flat, or the part of a
 * reversing fill beyond flat) to the fill that brought it back to zero. Partial entries and exits
 * in between are averaged, so the PnL of all trades plus nothing else adds up to the backtest's
 * total PnL.
 *
 * @param asset the asset's name
 * @param side {@code +1} long, {@code -1} short (see {@link #sideName()})
 * @param entryBar row of the first entry fill
 * @param exitBar row of the closing fill (the last row for a trade still open)
 * @param entryTime label of the entry row (ISO date or date-time)
 * @param exitTime label of the exit row
 * @param quantity shares opened in total (&gt; 0)
 * @param entryPrice average executed entry price (slippage included)
 * @param exitPrice average executed exit price (slippage included); the last close for a trade
 *     still open
 * @param fees fees paid on the trade's fills
 * @param pnl {@code side * (exit value - entry value) - fees - financing}, currency units
 * @param returnPct {@code pnl / entry value} as a <b>fraction</b> (0.05 = +5 %), despite its
 *     name; deprecated: read it as {@link #returnFraction()}, whose name says what it is (the
 *     value stays a fraction, so existing code does not silently change meaning)
 * @param exitReason why it closed ({@link ExitReason#END_OF_DATA} while still open)
 * @param financing interest charged to the position while it was open (borrowed cash and short
 *     fees, see {@link MarginTerms}); 0 in a cash account
 * @since 0.1.0
 */
public record Trade(String asset, int side, int entryBar, int exitBar, String entryTime,
    String exitTime, double quantity, double entryPrice, double exitPrice, double fees, double pnl,
    double returnPct, ExitReason exitReason, double financing) {

  /**
   * A trade without financing (a cash account); the constructor of releases before 0.3.
   *
   * @param asset the asset's name
   * @param side {@code +1} long, {@code -1} short
   * @param entryBar row of the first entry fill
   * @param exitBar row of the closing fill
   * @param entryTime label of the entry row
   * @param exitTime label of the exit row
   * @param quantity shares opened in total (&gt; 0)
   * @param entryPrice average executed entry price
   * @param exitPrice average executed exit price
   * @param fees fees paid on the trade's fills
   * @param pnl {@code side * (exit value - entry value) - fees}
   * @param returnPct {@code pnl / entry value} as a fraction
   * @param exitReason why it closed
   */
  public Trade(String asset, int side, int entryBar, int exitBar, String entryTime,
      String exitTime, double quantity, double entryPrice, double exitPrice, double fees,
      double pnl, double returnPct, ExitReason exitReason) {
    this(asset, side, entryBar, exitBar, entryTime, exitTime, quantity, entryPrice, exitPrice,
        fees, pnl, returnPct, exitReason, 0);
  }

  /**
   * The trade's return {@code pnl / entry value}: a fraction (0.05 = +5 %) despite the name.
   *
   * @return the return as a fraction
   * @deprecated the name promises percent but the value is a fraction; use
   *     {@link #returnFraction()} (same value). Kept, unchanged, so that existing code does not
   *     silently change meaning.
   */
  @Deprecated
  public double returnPct() {
    return returnPct;
  }

  /**
   * The trade's return {@code pnl / entry value} as a fraction: 0.05 is a gain of 5 %, -0.2 a
   * loss of 20 % ({@code toString()} prints it in percent). The same value as the deprecated
   * {@code returnPct()}, which is a fraction too despite its name.
   *
   * @return the return as a fraction of the entry value
   * @since 0.1.0
   */
  public double returnFraction() {
    return returnPct;
  }

  /**
   * Bars between entry and exit fills.
   *
   * @return bars between entry and exit fills
   */
  public int holdingBars() {
    return exitBar - entryBar;
  }

  /**
   * True if the trade was still open at the last bar.
   *
   * @return true if the trade was still open at the last bar
   */
  public boolean isOpen() {
    return exitReason == ExitReason.END_OF_DATA;
  }

  /**
   * {@code "LONG"} or {@code "SHORT"}.
   *
   * @return {@code "LONG"} or {@code "SHORT"}
   * @since 0.1.0
   */
  public String sideName() {
    return side > 0 ? "LONG" : "SHORT";
  }

  /**
   * One line, e.g. {@code LONG 'A01' 2024-01-02 -> 2024-03-04 (43 bars): 83 shares at 12.00 ->
   * 9.00, fees 2.00, PnL -251.00 (-25.20%), SIGNAL}: quantities to 4 decimals (whole numbers
   * without), prices to cents (4 significant digits below 1), money to cents; an open trade is
   * marked as valued at the last close.
   */
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s '%s' %s -> %s (%d bars): %s shares at %s -> %s,"
        + " fees %.2f%s, PnL %.2f (%+.2f%%), %s", sideName(), asset, entryTime, exitTime,
        holdingBars(), quantity(quantity), price(entryPrice), price(exitPrice), fees,
        financing == 0 ? "" : String.format(java.util.Locale.ROOT, ", financing %.2f", financing),
        pnl, 100 * returnPct, isOpen() ? "still open, valued at the last close" : exitReason);
  }

  private static String quantity(double q) {
    double r = Math.rint(q);
    return Math.abs(q - r) <= 1e-9 * Math.max(1, Math.abs(q))
        ? String.format(java.util.Locale.ROOT, "%.0f", r)
        : String.format(java.util.Locale.ROOT, "%.4f", q);
  }

  private static String price(double p) {
    return Math.abs(p) >= 1 ? String.format(java.util.Locale.ROOT, "%.2f", p)
        : io.github.quantfolio.core.internal.TextTable.auto(p, 4);
  }
}
