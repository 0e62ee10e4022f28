package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;

/**
 * How a {@link Ledger} books fills: the lot method and whether short positions may be held.
 *
 * @param lotMethod which lots a reducing fill closes
 * @param shortsAllowed whether a sell may take a position below zero
 * @since 0.1.0
 */
public record LedgerOptions(LotMethod lotMethod, boolean shortsAllowed) {

  /**
   * Validates the fields (not null).
   *
   * @param lotMethod which lots a reducing fill closes
   * @param shortsAllowed whether a sell may take a position below zero
   */
  public LedgerOptions {
    Checks.notNull(lotMethod, "lotMethod");
  }

  /**
   * FIFO lots, no short positions.
   *
   * @return FIFO lots, no short positions
   */
  public static LedgerOptions defaults() {
    return new LedgerOptions(LotMethod.FIFO, false);
  }

  /**
   * These options with {@code method}.
   *
   * @param method which lots a reducing fill closes
   * @return these options with {@code method}
   */
  public LedgerOptions withLotMethod(LotMethod method) {
    return new LedgerOptions(method, shortsAllowed);
  }

  /**
   * These options with short positions allowed.
   *
   * @return these options with short positions allowed
   */
  public LedgerOptions withShorts() {
    return new LedgerOptions(lotMethod, true);
  }
}
