package io.github.quantfolio.core.adapters;

/**
 * An order as the caller submits it. {@code clientOrderId} is chosen by the caller and makes
 * submission idempotent: a broker executes at most one order per id, so a request retried after a
 * timeout cannot trade twice.
 *
 * <p>Prices by type: a {@link OrderType#MARKET} order has neither price (both NaN), a
 * {@link OrderType#LIMIT} order a limit, a {@link OrderType#STOP} order a stop, a
 * {@link OrderType#STOP_LIMIT} order both.
 *
 * @param clientOrderId the caller's unique id for this order (not blank)
 * @param symbol the instrument (not blank)
 * @param side buy or sell
 * @param quantity units, finite and &gt; 0
 * @param type market, limit, stop or stop-limit
 * @param limitPrice the limit, finite and &gt; 0, for limit and stop-limit orders; else NaN
 * @param stopPrice the stop, finite and &gt; 0, for stop and stop-limit orders; else NaN
 * @param timeInForce how long the order works
 * @since 0.1.0
 */
public record OrderRequest(String clientOrderId, String symbol, Side side, double quantity,
    OrderType type, double limitPrice, double stopPrice, TimeInForce timeInForce) {

  /**
   * Validates the fields (see the record description); messages name the order.
   *
   * @param clientOrderId the caller's unique id for this order (not blank)
   * @param symbol the instrument (not blank)
   * @param side buy or sell
   * @param quantity units, finite and &gt; 0
   * @param type market, limit, stop or stop-limit
   * @param limitPrice the limit for limit and stop-limit orders; else NaN
   * @param stopPrice the stop for stop and stop-limit orders; else NaN
   * @param timeInForce how long the order works
   */
  public OrderRequest {
    Values.text(clientOrderId, "Order", "clientOrderId");
    String what = "Order '" + clientOrderId + "'";
    Values.text(symbol, what, "symbol");
    Values.notNull(side, what, "side");
    what = "Order '" + clientOrderId + "' (" + side + " '" + symbol + "')";
    Values.notNull(type, what, "type");
    Values.notNull(timeInForce, what, "timeInForce");
    Values.positive(quantity, what, "quantity");
    boolean limited = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
    boolean stopped = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
    price(quantity, limitPrice, limited, "limitPrice", type, what);
    price(quantity, stopPrice, stopped, "stopPrice", type, what);
  }

  private static void price(double quantity, double p, boolean needed, String name,
      OrderType type, String what) {
    if (needed) {
      Values.positive(p, what, name);
      Values.finiteProduct(quantity, "quantity", p, name, what);
    } else if (!Double.isNaN(p)) {
      throw new IllegalArgumentException(what + ": expected " + name + " NaN for a " + type
          + " order, but found " + p);
    }
  }

  /** {@code Order 'c-17' (BUY 'AAPL')}: how messages name this order. */
  String describe() {
    return "Order '" + clientOrderId + "' (" + side + " '" + symbol + "')";
  }

  /**
   * A market order, good till cancelled.
   *
   * @param clientOrderId the caller's unique id
   * @param symbol the instrument
   * @param side buy or sell
   * @param quantity units, &gt; 0
   * @return the request
   */
  public static OrderRequest market(String clientOrderId, String symbol, Side side,
      double quantity) {
    return new OrderRequest(clientOrderId, symbol, side, quantity, OrderType.MARKET, Double.NaN,
        Double.NaN, TimeInForce.GTC);
  }

  /**
   * A limit order at {@code limitPrice}, good till cancelled.
   *
   * @param clientOrderId the caller's unique id
   * @param symbol the instrument
   * @param side buy or sell
   * @param quantity units, &gt; 0
   * @param limitPrice the worst acceptable price, &gt; 0
   * @return the request
   */
  public static OrderRequest limit(String clientOrderId, String symbol, Side side, double quantity,
      double limitPrice) {
    return new OrderRequest(clientOrderId, symbol, side, quantity, OrderType.LIMIT, limitPrice,
        Double.NaN, TimeInForce.GTC);
  }

  /**
   * A stop order at {@code stopPrice} (a market order once the price reaches the stop), good
   * till cancelled.
   *
   * @param clientOrderId the caller's unique id
   * @param symbol the instrument
   * @param side buy (stop above the market) or sell (stop below it)
   * @param quantity units, &gt; 0
   * @param stopPrice the trigger price, &gt; 0
   * @return the request
   */
  public static OrderRequest stop(String clientOrderId, String symbol, Side side, double quantity,
      double stopPrice) {
    return new OrderRequest(clientOrderId, symbol, side, quantity, OrderType.STOP, Double.NaN,
        stopPrice, TimeInForce.GTC);
  }

  /**
   * A stop-limit order: a limit order at {@code limitPrice} once the price reaches
   * {@code stopPrice}, good till cancelled.
   *
   * @param clientOrderId the caller's unique id
   * @param symbol the instrument
   * @param side buy or sell
   * @param quantity units, &gt; 0
   * @param stopPrice the trigger price, &gt; 0
   * @param limitPrice the worst acceptable price after the trigger, &gt; 0
   * @return the request
   */
  public static OrderRequest stopLimit(String clientOrderId, String symbol, Side side,
      double quantity, double stopPrice, double limitPrice) {
    return new OrderRequest(clientOrderId, symbol, side, quantity, OrderType.STOP_LIMIT,
        limitPrice, stopPrice, TimeInForce.GTC);
  }

  /**
   * This request with another time in force.
   *
   * @param tif day, good till cancelled, or immediate or cancel
   * @return a new request
   */
  public OrderRequest withTimeInForce(TimeInForce tif) {
    return new OrderRequest(clientOrderId, symbol, side, quantity, type, limitPrice, stopPrice,
        tif);
  }
}
