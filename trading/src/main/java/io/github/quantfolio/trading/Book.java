package io.github.quantfolio.trading;

import io.github.quantfolio.core.adapters.Fill;
import io.github.quantfolio.core.adapters.Side;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The position in one symbol: its open lots, mark and realized P&amp;L. Mutated only by
 * {@link Ledger}, which validates every event before it reaches a book, so nothing here can fail
 * half-way.
 *
 * <p>Lot accounting: an opening fill's fee is capitalized in its lot, so a lot's unrealized
 * P&amp;L is {@code sign x q x (mark - price) - fee}; closing {@code c} of a lot's {@code q} units
 * realizes {@code sign x c x (exit - price)} minus the lot's fee share {@code fee x c / q} and the
 * closing fill's fee share (pro rata to quantity, the last piece taking the remainder so that the
 * shares add up to the fee exactly).
 */
final class Book {

  /** Quantities within this fraction of a fill or lot are rounding dust, not a position. */
  static final double DUST = 1e-12;

  final String symbol;
  final Lots lots = new Lots();
  /** +1 long, -1 short, 0 flat. */
  int sign;
  /** Sum of the lots' quantities (unsigned). */
  double openQuantity;
  double mark = Double.NaN;
  Instant markTime;
  /** Realized P&amp;L: round trips net of fees, plus dividends. */
  double realized;
  double fees;

  Book(String symbol) {
    this.symbol = symbol;
  }

  double signedQuantity() {
    return sign * openQuantity;
  }

  /** The long quantity that a sell may close without opening a short. */
  double longQuantity() {
    return sign > 0 ? openQuantity : 0;
  }

  /**
   * Applies {@code f}: closes opposite lots (by {@code method}), opens a lot with what is left,
   * reports each closed piece to {@code closed}, and returns the realized P&amp;L of the fill.
   */
  double apply(Fill f, FillTags tags, LotMethod method, Consumer<RoundTrip> closed) {
    int s = f.side() == Side.BUY ? 1 : -1;
    double q = f.quantity();
    double remaining = q;
    double feeLeft = f.fee();
    double pnlOfFill = 0;
    if (sign == -s) {
      Direction dir = sign > 0 ? Direction.LONG : Direction.SHORT;
      while (remaining > DUST * q && lots.size() > 0) {
        int k = method == LotMethod.LIFO ? lots.size() - 1 : 0;
        double lq = lots.quantity(k);
        boolean whole = remaining >= lq * (1 - DUST);
        double close = whole ? lq : remaining;
        boolean lastPiece = remaining - close <= DUST * q;
        double openFee = whole ? lots.fee(k) : lots.fee(k) * (close / lq);
        double closeFee = lastPiece ? feeLeft : f.fee() * (close / q);
        double pnl = sign * close * (f.price() - lots.price(k)) - openFee - closeFee;
        closed.accept(new RoundTrip(symbol, dir, close, lots.time(k), lots.price(k), f.time(),
            f.price(), openFee + closeFee, pnl, lots.tags(k)));
        pnlOfFill += pnl;
        if (!whole) {
          lots.set(k, lq - close, lots.price(k), lots.fee(k) - openFee);
        } else if (k == 0) {
          lots.removeFirst();
        } else {
          lots.removeLast();
        }
        openQuantity -= close;
        remaining -= close;
        feeLeft -= closeFee;
      }
      if (lots.size() == 0) {
        sign = 0;
        openQuantity = 0;
      }
    }
    if (remaining > DUST * q) {
      open(s, remaining, f.price(), feeLeft, f.time(), tags, method);
    }
    realized += pnlOfFill;
    fees += f.fee();
    if (markTime == null || !f.time().isBefore(markTime)) {
      mark = f.price();
      markTime = f.time();
    }
    return pnlOfFill;
  }

  private void open(int s, double quantity, double price, double fee, Instant time,
      FillTags tags, LotMethod method) {
    sign = s;
    if (method != LotMethod.AVERAGE_COST || lots.size() == 0) {
      lots.addLast(quantity, price, fee, time, tags);
      openQuantity += quantity;
      return;
    }
    // Average cost: every open unit carries the same price and capitalized fee per unit.
    double oldQuantity = openQuantity;
    double oldFees = 0;
    for (int k = 0; k < lots.size(); k++) {
      oldFees += lots.fee(k);
    }
    double total = oldQuantity + quantity;
    double averagePrice = (oldQuantity * lots.price(0) + quantity * price) / total;
    double feePerUnit = (oldFees + fee) / total;
    int last = lots.size() - 1;
    if (lots.tags(last).equals(tags)) {
      lots.set(last, lots.quantity(last) + quantity, price, 0);
    } else {
      lots.addLast(quantity, price, 0, time, tags);
    }
    for (int k = 0; k < lots.size(); k++) {
      lots.set(k, lots.quantity(k), averagePrice, feePerUnit * lots.quantity(k));
    }
    openQuantity = total;
  }

  /** Multiplies quantities by {@code ratio} and divides prices (and the mark) by it. */
  void split(double ratio) {
    double total = 0;
    for (int k = 0; k < lots.size(); k++) {
      double q = lots.quantity(k) * ratio;
      lots.set(k, q, lots.price(k) / ratio, lots.fee(k));
      total += q;
    }
    openQuantity = total;
    mark /= ratio;
  }
}
