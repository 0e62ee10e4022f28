package io.github.quantfolio.trading;

import io.github.quantfolio.core.adapters.Fill;
import java.time.Instant;

/**
 * One entry of a {@link Ledger}'s history, in the order it was recorded. Marks are not events
 * (they change valuations, not the book).
 *
 * @since 0.1.0
 */
public sealed interface LedgerEvent {

  /**
   * When the event happened.
   *
   * @return when the event happened
   */
  Instant time();

  /**
   * The change of cash it caused, in the account currency (signed).
   *
   * @return the change of cash it caused, in the account currency (signed)
   */
  double cashFlow();

  /**
   * Cash paid in.
   *
   * @param time when
   * @param amount cash added, &gt; 0
   */
  record Deposit(Instant time, double amount) implements LedgerEvent {
    @Override
    public double cashFlow() {
      return amount;
    }
  }

  /**
   * Cash paid out.
   *
   * @param time when
   * @param amount cash removed, &gt; 0
   */
  record Withdrawal(Instant time, double amount) implements LedgerEvent {
    @Override
    public double cashFlow() {
      return -amount;
    }
  }

  /**
   * A fill and what it did to the book.
   *
   * @param fill the execution
   * @param tags the strategy and signal it was recorded with
   * @param realizedPnl the P&amp;L it realized by closing lots, net of the fees of the closed
   *     quantity (0 for a fill that only opens)
   * @param positionAfter the signed position in the symbol after the fill
   */
  record Trade(Fill fill, FillTags tags, double realizedPnl, double positionAfter)
      implements LedgerEvent {
    @Override
    public Instant time() {
      return fill.time();
    }

    @Override
    public double cashFlow() {
      return fill.cashFlow();
    }
  }

  /**
   * A cash dividend: a long position receives {@code perUnit x quantity}, a short one pays it.
   *
   * @param symbol the instrument
   * @param perUnit dividend per unit held, &gt; 0
   * @param position the signed position it was paid on
   * @param time the payment time
   */
  record Dividend(String symbol, double perUnit, double position, Instant time)
      implements LedgerEvent {
    @Override
    public double cashFlow() {
      return perUnit * position;
    }
  }

  /**
   * A split: every open unit becomes {@code ratio} units at {@code 1 / ratio} of the price (a
   * 2-for-1 split has ratio 2, a 1-for-10 reverse split 0.1). No cash moves.
   *
   * @param symbol the instrument
   * @param ratio new units per old unit, &gt; 0
   * @param time when it took effect
   */
  record Split(String symbol, double ratio, Instant time) implements LedgerEvent {
    @Override
    public double cashFlow() {
      return 0;
    }
  }
}
