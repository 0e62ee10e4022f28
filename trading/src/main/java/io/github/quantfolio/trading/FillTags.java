package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;

/**
 * Labels a fill carries into the ledger, so that P&amp;L can be reported per strategy and per
 * signal. Each open lot keeps the tags of the fill that opened it; everything a lot earns
 * (its realized and unrealized P&amp;L, its share of dividends and of the closing fill's fee) is
 * attributed to those tags, whichever fill closes it.
 *
 * @param strategy the strategy that decided the trade, or empty
 * @param signal the id of the signal or decision behind it, or empty
 * @since 0.1.0
 */
public record FillTags(String strategy, String signal) {

  /** No strategy, no signal. */
  public static final FillTags NONE = new FillTags("", "");

  /**
   * Validates the fields (not null; empty means "none").
   *
   * @param strategy the strategy that decided the trade, or empty
   * @param signal the id of the signal or decision behind it, or empty
   */
  public FillTags {
    Checks.notNull(strategy, "strategy");
    Checks.notNull(signal, "signal");
  }

  /**
   * Tags with a strategy and no signal.
   *
   * @param strategy the strategy (empty: none)
   * @return tags with a strategy and no signal
   */
  public static FillTags strategy(String strategy) {
    return new FillTags(strategy, "");
  }

  /**
   * Tags with both a strategy and a signal id.
   *
   * @param strategy the strategy (empty: none)
   * @param signal the signal or decision id (empty: none)
   * @return tags with both a strategy and a signal id
   */
  public static FillTags of(String strategy, String signal) {
    return new FillTags(strategy, signal);
  }
}
