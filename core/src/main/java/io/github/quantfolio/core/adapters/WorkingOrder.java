package io.github.quantfolio.core.adapters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A {@link PaperBroker} order while it works: its fills so far, whether its stop has triggered,
 * the trading day it belongs to, and the rules that decide at what price it can fill on a quote
 * or on a bar. Mutable; guarded by the broker's lock.
 *
 * <p>Bar rules (the backtester's): a market order fills at the open; a limit buy at the open if
 * the open is at or below the limit, else at the limit if the low reaches it (sells mirrored); a
 * stop buy at the open if the bar gaps through the stop, else at the stop if the high reaches it
 * (sells mirrored). A stop-limit order that triggers becomes a limit order: after a gap through
 * the stop it may fill on the same bar by the limit rule; after an intrabar trigger it fills at
 * the stop when the stop is within the limit, otherwise it waits for later bars (the path
 * inside the bar is unknown).
 *
 * <p>Quote rules: buys trade at the ask, sells at the bid; a limit buy fills when the ask is at
 * or below the limit; a stop buy triggers when the ask reaches the stop (sells mirrored).
 */
final class WorkingOrder {

  final OrderRequest request;
  OrderStatus status = OrderStatus.OPEN;
  double filled;
  double notional;
  double fees;
  boolean triggered;
  /** The trading day (UTC date) of the first market event the order met; null before. */
  LocalDate day;
  String message = "";
  Instant updated;

  WorkingOrder(OrderRequest request, Instant created) {
    this.request = request;
    this.updated = created;
  }

  boolean buy() {
    return request.side() == Side.BUY;
  }

  double remaining() {
    return request.quantity() - filled;
  }

  Order toOrder() {
    return new Order(request, status, filled, filled == 0 ? Double.NaN : notional / filled, fees,
        message, updated);
  }

  /**
   * Ends the order with {@code end} (CANCELLED, EXPIRED or REJECTED); a rejection after partial
   * fills becomes CANCELLED, since a rejected order has nothing filled.
   */
  void end(OrderStatus end, String why, Instant time) {
    status = end == OrderStatus.REJECTED && filled > 0 ? OrderStatus.CANCELLED : end;
    message = why;
    updated = time;
  }

  /**
   * Whether a DAY order has outlived its day at an event of {@code time}; records the day at the
   * first event.
   */
  boolean expiresAt(Instant time) {
    LocalDate d = LocalDate.ofInstant(time, ZoneOffset.UTC);
    if (day == null) {
      day = d;
      return false;
    }
    return request.timeInForce() == TimeInForce.DAY && d.isAfter(day);
  }

  /** The price this order fills at on {@code q}, or NaN; may trigger its stop. */
  double priceOn(Quote q) {
    double px = q.priceFor(request.side());
    switch (request.type()) {
      case MARKET:
        return px;
      case LIMIT:
        return withinLimit(px) ? px : Double.NaN;
      default:
        if (!triggered && (buy() ? q.ask() >= request.stopPrice() : q.bid() <= request.stopPrice())) {
          triggered = true;
        }
        if (!triggered) {
          return Double.NaN;
        }
        return request.type() == OrderType.STOP || withinLimit(px) ? px : Double.NaN;
    }
  }

  /** The price this order fills at on {@code b}, or NaN; may trigger its stop. */
  double priceOn(OhlcBar b) {
    switch (request.type()) {
      case MARKET:
        return b.open();
      case LIMIT:
        return limitOn(b);
      case STOP:
        if (triggered) {
          return b.open();
        }
        return trigger(b);
      default: // STOP_LIMIT
        if (triggered) {
          return limitOn(b);
        }
        double s = request.stopPrice();
        if (buy() ? b.open() >= s : b.open() <= s) {
          triggered = true;
          return limitOn(b);
        }
        if (buy() ? b.high() >= s : b.low() <= s) {
          triggered = true;
          return withinLimit(s) ? s : Double.NaN;
        }
        return Double.NaN;
    }
  }

  private double trigger(OhlcBar b) {
    double s = request.stopPrice();
    if (buy() ? b.open() >= s : b.open() <= s) {
      triggered = true;
      return b.open();
    }
    if (buy() ? b.high() >= s : b.low() <= s) {
      triggered = true;
      return s;
    }
    return Double.NaN;
  }

  private double limitOn(OhlcBar b) {
    double l = request.limitPrice();
    if (buy()) {
      return b.open() <= l ? b.open() : b.low() <= l ? l : Double.NaN;
    }
    return b.open() >= l ? b.open() : b.high() >= l ? l : Double.NaN;
  }

  private boolean withinLimit(double price) {
    return buy() ? price <= request.limitPrice() : price >= request.limitPrice();
  }
}
