package io.github.quantfolio.backtest;

import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * When a walk-forward portfolio re-estimates its weights: at the close of the last bar of each
 * period (the next bar's timestamp lies in a new period), so that the fill happens on the first
 * bar of the new period. Knowing the next timestamp is knowing the trading calendar, not prices.
 *
 * @since 0.1.0
 */
public enum RebalanceSchedule {
  /** Every bar. */
  DAILY,
  /** Last bar of each ISO week. */
  WEEKLY,
  /** Last bar of each calendar month. */
  MONTHLY,
  /** Last bar of each calendar quarter. */
  QUARTERLY,
  /** Last bar of each calendar year. */
  ANNUALLY,
  /** Never after the initial allocation (drift-threshold rebalancing only, if set). */
  NEVER;

  /**
   * True if bar {@code t} closes a period (false on the last bar: nothing could fill).
   *
   * @param index the timestamps of the bars, not null
   * @param t a bar of {@code index}, 0 &lt;= t &lt; {@code index.size()}
   * @return whether weights are re-estimated at bar {@code t}'s close
   */
  public boolean isRebalanceBar(TimeIndex index, int t) {
    if (t + 1 >= index.size() || this == NEVER) {
      return false;
    }
    if (this == DAILY) {
      return true;
    }
    LocalDate a = LocalDate.ofEpochDay(index.epochDay(t));
    LocalDate b = LocalDate.ofEpochDay(index.epochDay(t + 1));
    return switch (this) {
      case WEEKLY -> a.get(IsoFields.WEEK_BASED_YEAR) != b.get(IsoFields.WEEK_BASED_YEAR)
          || a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != b.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case MONTHLY -> a.getYear() != b.getYear() || a.getMonthValue() != b.getMonthValue();
      case QUARTERLY -> a.getYear() != b.getYear()
          || (a.getMonthValue() - 1) / 3 != (b.getMonthValue() - 1) / 3;
      case ANNUALLY -> a.getYear() != b.getYear();
      default -> throw new AssertionError(this);
    };
  }
}
