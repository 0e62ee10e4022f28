package io.github.quantfolio.backtest;

import io.github.quantfolio.core.internal.Checks;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The terms of a leveraged (margin) account, as a forex or CFD broker sets them: financing rates
 * and initial and maintenance margin per asset. Immutable; start from {@link #none()} or
 * {@link #of(double, double)} and set {@link BacktestConfig#withMargin(MarginTerms)}.
 *
 * <p><b>Financing.</b> Interest is charged on every bar {@code t > 0} for the calendar time
 * since bar {@code t - 1}'s close (actual days over {@link #dayCountBasis()}, fractional for
 * intraday bars), on the balances left at that close, before any fill of bar {@code t}:
 * <ul>
 *   <li>borrowed cash {@code max(0, -cash)} at {@link #borrowRate()}, shared among the long
 *       positions in proportion to their market value (the longs are what the loan pays for;
 *       a debit balance with no long position left means equity below zero, and accrues
 *       nothing more);
 *   <li>each short position's market value {@code |shares| * last close} at
 *       {@link #shortRate()}, charged to that position.
 * </ul>
 * Charges leave cash, are reported per bar by {@link BacktestResult#financing()} like fees, and
 * are part of each {@link Trade}'s {@link Trade#financing()} and PnL, so that the PnL of the
 * trades still sums to the change in equity.
 *
 * <p><b>Initial margin.</b> An order that opens or enlarges a position fills only so far as the
 * initial margin of the resulting book, {@code sum |shares_i| * price_i * initial_i} at the fill
 * prices, stays within the equity left after the bar's costs; the orders of a bar that would
 * exceed it are scaled down pro rata (like buys beyond the cash) and counted in
 * {@link BacktestResult#marginLimitedOrders()}. Orders that reduce a position always fill.
 * {@link BacktestConfig#maxLeverage()} still caps gross exposure: set it to at least
 * {@code 1 / initialMargin} for the margin to be what binds.
 *
 * <p><b>Maintenance margin and margin calls.</b> After marking each bar's close, if equity is
 * below the maintenance margin {@code sum |shares_i| * close_i * maintenance_i}, every position
 * is liquidated at that close (with the usual slippage and fees), its trade closed with
 * {@link ExitReason#MARGIN_CALL}, and pending orders are cancelled
 * ({@link BacktestResult#marginCalls()} says when and why). Only closes are checked: an intrabar
 * excursion does not trigger a call, and a gap can leave equity below zero.
 *
 * <p>Serializable, so that backtests with these terms can be shipped to a cluster
 * ({@code JobExecutor}).
 *
 * @since 0.3.0
 */
public final class MarginTerms implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private static final MarginTerms NONE = new MarginTerms(Double.NaN, Double.NaN, new TreeMap<>(),
      0, 0, 360);

  /** Default initial margin, a fraction; NaN without margins. */
  private final double initial;
  /** Default maintenance margin, a fraction; NaN without margins. */
  private final double maintenance;
  /** Margins of assets with terms of their own: name to {initial, maintenance}. */
  private final TreeMap<String, double[]> perAsset;
  /** Annual rate on borrowed cash. */
  private final double borrowRate;
  /** Annual fee on short market value. */
  private final double shortRate;
  /** Days in the interest year, 360 or 365. */
  private final int dayCountBasis;

  private MarginTerms(double initial, double maintenance, TreeMap<String, double[]> perAsset,
      double borrowRate, double shortRate, int dayCountBasis) {
    this.initial = initial;
    this.maintenance = maintenance;
    this.perAsset = perAsset;
    this.borrowRate = borrowRate;
    this.shortRate = shortRate;
    this.dayCountBasis = dayCountBasis;
  }

  /**
   * No financing and no margin rules: the cash account of {@link BacktestConfig#defaults()}.
   *
   * @return terms without financing or margin
   */
  public static MarginTerms none() {
    return NONE;
  }

  /**
   * A margin account with the same initial and maintenance margin for every asset and no
   * financing (add it with {@link #withBorrowRate} and {@link #withShortRate}).
   *
   * @param initialMargin fraction of a position's market value the equity must cover to open or
   *     enlarge it, in (0, 1] (0.05 = 20:1 leverage)
   * @param maintenanceMargin fraction below which a margin call liquidates, in
   *     (0, initialMargin]
   * @return the terms
   * @throws IllegalArgumentException if a margin is outside its range
   */
  public static MarginTerms of(double initialMargin, double maintenanceMargin) {
    checkMargins("default", initialMargin, maintenanceMargin);
    return new MarginTerms(initialMargin, maintenanceMargin, new TreeMap<>(), 0, 0, 360);
  }

  /**
   * A copy with financing only (no margin rules): interest on borrowed cash and on shorts.
   *
   * @param borrowRate annual rate on borrowed cash (0.05 = 5 % a year), finite &gt;= 0
   * @param shortRate annual fee on the market value of short positions, finite &gt;= 0
   * @return terms that charge financing and set no margin
   */
  public static MarginTerms financing(double borrowRate, double shortRate) {
    return NONE.withBorrowRate(borrowRate).withShortRate(shortRate);
  }

  /**
   * A copy with other margins for one asset (a currency pair or a CFD with its own terms).
   *
   * @param asset the asset's name as in the backtest's data, not blank
   * @param initialMargin in (0, 1]
   * @param maintenanceMargin in (0, initialMargin]
   * @return a copy with that asset's margins
   * @throws IllegalStateException if these terms have no default margins ({@link #none()} or
   *     {@link #financing}): start from {@link #of(double, double)}
   */
  public MarginTerms withAsset(String asset, double initialMargin, double maintenanceMargin) {
    Checks.notNull(asset, "asset");
    if (asset.isBlank()) {
      throw new IllegalArgumentException("Expected an asset name, but found a blank one");
    }
    if (!hasMargin()) {
      throw new IllegalStateException("Margins for '" + asset + "' need default margins for the"
          + " other assets: start from MarginTerms.of(initial, maintenance)");
    }
    checkMargins("'" + asset + "'", initialMargin, maintenanceMargin);
    TreeMap<String, double[]> m = new TreeMap<>(perAsset);
    m.put(asset, new double[] {initialMargin, maintenanceMargin});
    return new MarginTerms(initial, maintenance, m, borrowRate, shortRate, dayCountBasis);
  }

  /**
   * A copy with another annual rate on borrowed cash.
   *
   * @param rate annual rate (0.05 = 5 % a year), finite &gt;= 0
   * @return a copy with {@code borrowRate = rate}
   */
  public MarginTerms withBorrowRate(double rate) {
    return new MarginTerms(initial, maintenance, perAsset, rate("borrowRate", rate), shortRate,
        dayCountBasis);
  }

  /**
   * A copy with another annual fee on short positions' market value.
   *
   * @param rate annual rate (0.01 = 1 % a year), finite &gt;= 0
   * @return a copy with {@code shortRate = rate}
   */
  public MarginTerms withShortRate(double rate) {
    return new MarginTerms(initial, maintenance, perAsset, borrowRate, rate("shortRate", rate),
        dayCountBasis);
  }

  /**
   * A copy with another day-count basis: interest for {@code d} calendar days is
   * {@code rate * d / basis}.
   *
   * @param basis 360 (money-market convention, the default) or 365
   * @return a copy with {@code dayCountBasis = basis}
   */
  public MarginTerms withDayCountBasis(int basis) {
    if (basis != 360 && basis != 365) {
      throw new IllegalArgumentException("Expected dayCountBasis 360 or 365, but found " + basis);
    }
    return new MarginTerms(initial, maintenance, perAsset, borrowRate, shortRate, basis);
  }

  private static double rate(String name, double rate) {
    if (!(rate >= 0) || rate == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("Expected finite " + name + " >= 0 (a year, 0.05 = 5 %),"
          + " but found " + rate);
    }
    return rate;
  }

  private static void checkMargins(String who, double initialMargin, double maintenanceMargin) {
    if (!(initialMargin > 0 && initialMargin <= 1)) {
      throw new IllegalArgumentException("Expected the " + who + " initialMargin in (0, 1], but"
          + " found " + initialMargin);
    }
    if (!(maintenanceMargin > 0 && maintenanceMargin <= initialMargin)) {
      throw new IllegalArgumentException("Expected the " + who + " maintenanceMargin in (0, "
          + initialMargin + "] (at most the initial margin), but found " + maintenanceMargin);
    }
  }

  /**
   * Whether margins are set (initial and maintenance rules apply).
   *
   * @return true unless made by {@link #none()} or {@link #financing}
   */
  public boolean hasMargin() {
    return initial == initial;
  }

  /**
   * Whether any financing is charged.
   *
   * @return true if a rate is above zero
   */
  public boolean hasFinancing() {
    return borrowRate > 0 || shortRate > 0;
  }

  /**
   * Whether these terms change anything compared with a plain cash account.
   *
   * @return {@code hasMargin() || hasFinancing()}
   */
  public boolean isActive() {
    return hasMargin() || hasFinancing();
  }

  /**
   * The initial margin of assets without terms of their own.
   *
   * @return a fraction in (0, 1], or NaN without margins
   */
  public double defaultInitialMargin() {
    return initial;
  }

  /**
   * The maintenance margin of assets without terms of their own.
   *
   * @return a fraction in (0, initial], or NaN without margins
   */
  public double defaultMaintenanceMargin() {
    return maintenance;
  }

  /**
   * The initial margin of {@code asset} (its own or the default).
   *
   * @param asset an asset name
   * @return a fraction in (0, 1], or NaN without margins
   */
  public double initialMargin(String asset) {
    double[] m = perAsset.get(asset);
    return m == null ? initial : m[0];
  }

  /**
   * The maintenance margin of {@code asset} (its own or the default).
   *
   * @param asset an asset name
   * @return a fraction in (0, initial], or NaN without margins
   */
  public double maintenanceMargin(String asset) {
    double[] m = perAsset.get(asset);
    return m == null ? maintenance : m[1];
  }

  /**
   * The assets with margins of their own, sorted.
   *
   * @return their names (unmodifiable)
   */
  public List<String> assetsWithOwnMargins() {
    return List.copyOf(perAsset.keySet());
  }

  /**
   * Annual rate on borrowed cash.
   *
   * @return the rate, &gt;= 0
   */
  public double borrowRate() {
    return borrowRate;
  }

  /**
   * Annual fee on the market value of short positions.
   *
   * @return the rate, &gt;= 0
   */
  public double shortRate() {
    return shortRate;
  }

  /**
   * Days in the interest year.
   *
   * @return 360 or 365
   */
  public int dayCountBasis() {
    return dayCountBasis;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MarginTerms m)) {
      return false;
    }
    if (Double.compare(initial, m.initial) != 0 || Double.compare(maintenance, m.maintenance) != 0
        || borrowRate != m.borrowRate || shortRate != m.shortRate
        || dayCountBasis != m.dayCountBasis || !perAsset.keySet().equals(m.perAsset.keySet())) {
      return false;
    }
    for (Map.Entry<String, double[]> e : perAsset.entrySet()) {
      if (!java.util.Arrays.equals(e.getValue(), m.perAsset.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(initial, maintenance, perAsset.keySet(), borrowRate, shortRate,
        dayCountBasis);
  }

  /**
   * In words, e.g. {@code margin 5% initial / 3% maintenance (EURUSD 3.33% / 2%), borrow 5% a
   * year, shorts 1% a year, ACT/360}, or {@code cash account} for {@link #none()}.
   */
  @Override
  public String toString() {
    if (!isActive()) {
      return "cash account";
    }
    StringBuilder s = new StringBuilder();
    if (hasMargin()) {
      s.append("margin ").append(pct(initial)).append(" initial / ").append(pct(maintenance))
          .append(" maintenance");
      if (!perAsset.isEmpty()) {
        s.append(" (");
        boolean first = true;
        for (Map.Entry<String, double[]> e : perAsset.entrySet()) {
          s.append(first ? "" : ", ").append(e.getKey()).append(' ')
              .append(pct(e.getValue()[0])).append(" / ").append(pct(e.getValue()[1]));
          first = false;
        }
        s.append(')');
      }
    } else {
      s.append("no margin rules");
    }
    return s.append(", borrow ").append(pct(borrowRate)).append(" a year, shorts ")
        .append(pct(shortRate)).append(" a year, ACT/").append(dayCountBasis).toString();
  }

  private static String pct(double fraction) {
    return BacktestConfig.number(100 * fraction) + "%";
  }
}
