package io.github.quantfolio.core.adapters;

import java.time.Instant;

/**
 * An order as the broker holds it: the request, its state and what has been filled so far.
 *
 * @param request the submitted request
 * @param status the current state
 * @param filledQuantity units filled so far, in [0, quantity]; the full quantity when
 *     {@code FILLED}, 0 when {@code OPEN} or {@code REJECTED}
 * @param averageFillPrice the quantity-weighted price of the fills, NaN when nothing is filled
 * @param fees the fees charged on the fills so far, &gt;= 0
 * @param message why the order was rejected, cancelled or expired, or empty
 * @param updated when the order last changed
 * @since 0.1.0
 */
public record Order(OrderRequest request, OrderStatus status, double filledQuantity,
    double averageFillPrice, double fees, String message, Instant updated) {

  /** Relative tolerance of "the full quantity" for fractional quantities. */
  private static final double FULL = 1e-9;

  /**
   * Validates the fields (see the record description); messages name the order.
   *
   * @param request the submitted request
   * @param status the current state
   * @param filledQuantity units filled so far
   * @param averageFillPrice the quantity-weighted fill price, NaN when nothing is filled
   * @param fees the fees so far
   * @param message why the order was rejected, cancelled or expired, or empty
   * @param updated when the order last changed
   */
  public Order {
    Values.notNull(request, "Order", "request");
    String what = request.describe();
    Values.notNull(status, what, "status");
    Values.notNull(message, what, "message");
    Values.notNull(updated, what, "updated");
    Values.finite(filledQuantity, what, "filledQuantity");
    double q = request.quantity();
    if (filledQuantity < 0 || filledQuantity > q * (1 + FULL)) {
      throw new IllegalArgumentException(what + ": expected 0 <= filledQuantity <= " + q
          + ", but found " + filledQuantity);
    }
    boolean full = filledQuantity >= q * (1 - FULL);
    boolean ok = switch (status) {
      case OPEN, REJECTED -> filledQuantity == 0;
      case PARTIALLY_FILLED -> filledQuantity > 0 && !full;
      case FILLED -> full;
      case CANCELLED, EXPIRED -> !full;
    };
    if (!ok) {
      throw new IllegalArgumentException(what + ": a " + status + " order cannot have filled "
          + filledQuantity + " of " + q);
    }
    if (filledQuantity == 0) {
      if (!Double.isNaN(averageFillPrice)) {
        throw new IllegalArgumentException(what + ": expected averageFillPrice NaN with nothing"
            + " filled, but found " + averageFillPrice);
      }
    } else {
      Values.positive(averageFillPrice, what, "averageFillPrice");
    }
    Values.finite(fees, what, "fees");
    if (fees < 0) {
      throw new IllegalArgumentException(what + ": expected fees >= 0, but found " + fees);
    }
  }

  /**
   * An order with nothing filled.
   *
   * @param request the request
   * @param status {@code OPEN}, {@code REJECTED}, {@code CANCELLED} or {@code EXPIRED}
   * @param message why, or empty
   * @param updated when
   * @return the order
   */
  public static Order unfilled(OrderRequest request, OrderStatus status, String message,
      Instant updated) {
    return new Order(request, status, 0, Double.NaN, 0, message, updated);
  }

  /**
   * The caller's id of this order.
   *
   * @return the client order id
   */
  public String clientOrderId() {
    return request.clientOrderId();
  }

  /**
   * The units still to fill: 0 once the order is final.
   *
   * @return {@code quantity - filledQuantity} while working, else 0
   */
  public double remainingQuantity() {
    return status.isFinal() ? 0 : request.quantity() - filledQuantity;
  }
}
