package io.github.quantfolio.core.adapters;

/**
 * An order as the caller submits it. {@code clientOrderId} is chosen by the caller and makes
 * submission idempotent: a broker executes at most one order per id, so a request retried after a
 * timeout cannot trade twice.
 *
 * @param clientOrderId the caller's unique id for this order (not blank)
 * @param symbol the instrument (not blank)
 * @param side buy or sell
 * @param quantity units, finite and &gt; 0
 * @param type market or limit
 * @param limitPrice for a limit order the limit, finite and &gt; 0 (with a finite
 *     {@code quantity x limitPrice}); NaN for a market order
 * @since 0.1.0
 */
public record OrderRequest(String clientOrderId, String symbol, Side side, double quantity,
    OrderType type, double limitPrice) {

  /** Validates the fields (see the record description). */
  public OrderRequest {
    Values.text(clientOrderId, "Order", "clientOrderId");
    String what = "Order '" + clientOrderId + "'";
    Values.text(symbol, what, "symbol");
    Values.notNull(side, what, "side");
    what = "Order '" + clientOrderId + "' (" + side + " '" + symbol + "')";
    Values.positive(quantity, what, "quantity");
    Values.notNull(type, what, "type");
    if (type == OrderType.MARKET && !Double.isNaN(limitPrice)) {
      throw new IllegalArgumentException(what + ": expected limitPrice NaN for a market order, but "
          + "found " + limitPrice);
    }
    if (type == OrderType.LIMIT) {
      Values.positive(limitPrice, what, "limitPrice");
      Values.finiteProduct(quantity, "quantity", limitPrice, "limitPrice", what);
    }
  }

  /** {@code Order 'c-17' (BUY 'AAPL')}: how messages name this order. */
  String describe() {
    return "Order '" + clientOrderId + "' (" + side + " '" + symbol + "')";
  }

  /** A market order. */
  public static OrderRequest market(String clientOrderId, String symbol, Side side,
      double quantity) {
    return new OrderRequest(clientOrderId, symbol, side, quantity, OrderType.MARKET, Double.NaN);
  }

  /** A limit order at {@code limitPrice}. */
  public static OrderRequest limit(String clientOrderId, String symbol, Side side, double quantity,
      double limitPrice) {
    return new OrderRequest(clientOrderId, symbol, side, quantity, OrderType.LIMIT, limitPrice);
  }
}
