package io.github.quantfolio.core.adapters;

import java.time.Instant;

/**
 * An order as the broker holds it: the request, its state and, once filled, the fill.
 *
 * @param request the submitted request
 * @param status the current state
 * @param fillPrice the price per unit of the fill when {@code FILLED}, else NaN
 * @param message why the order was rejected or cancelled, or empty
 * @param updated when the status last changed
 * @since 0.1.0
 */
public record Order(OrderRequest request, OrderStatus status, double fillPrice, String message,
    Instant updated) {

  /** Validates the fields (see the record description). */
  public Order {
    Values.notNull(request, "Order", "request");
    String what = request.describe();
    Values.notNull(status, what, "status");
    Values.notNull(message, what, "message");
    Values.notNull(updated, what, "updated");
    if (status == OrderStatus.FILLED) {
      Values.positive(fillPrice, what, "fillPrice");
    } else if (!Double.isNaN(fillPrice)) {
      throw new IllegalArgumentException(what + ": expected fillPrice NaN for a " + status
          + " order, but found " + fillPrice);
    }
  }

  /** The caller's id of this order. */
  public String clientOrderId() {
    return request.clientOrderId();
  }

  /** The units filled: the request's quantity when {@code FILLED}, else 0. */
  public double filledQuantity() {
    return status == OrderStatus.FILLED ? request.quantity() : 0;
  }
}
