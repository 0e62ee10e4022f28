package io.github.quantfolio.trading;

import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.trading.PreTradeViolation.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-trade controls of an {@link AccountProfile}: every rule an order would break, checked
 * before anything reaches a broker.
 *
 * <p>The order's value is {@code quantity x price}, with {@code price} the limit price of a limit
 * order or the price a market order is expected to fill at. The position-weight and
 * gross-exposure rules only stop orders that increase the exposure they measure, so an order
 * that reduces an over-limit position is allowed. Weights and exposure are relative to the
 * account's equity; with equity not positive, every increasing order breaks them.
 *
 * @since 0.1.0
 */
public final class PreTradeCheck {

  private PreTradeCheck() {
  }

  /**
   * Checks {@code order} against {@code profile}.
   *
   * @param profile the account and its limits
   * @param order the order
   * @param price the price to value the order at, finite and &gt; 0
   * @param state the account before the order
   * @return the violations, in {@link Rule} order; empty if the order passes
   */
  public static List<PreTradeViolation> check(AccountProfile profile, OrderRequest order,
      double price, AccountState state) {
    Checks.notNull(profile, "profile");
    Checks.notNull(order, "order");
    Checks.positive(price, "price of order " + order.clientOrderId());
    Checks.notNull(state, "state");
    String what = "Order " + order.clientOrderId() + " (" + order.side() + " "
        + order.quantity() + " '" + order.symbol() + "') on account " + profile.id() + ": ";
    List<PreTradeViolation> out = new ArrayList<>();
    if (!profile.allows(order.symbol())) {
      out.add(new PreTradeViolation(Rule.SYMBOL_NOT_ALLOWED, Double.NaN, Double.NaN, what
          + "symbol '" + order.symbol() + "' is not allowed (allowed: "
          + profile.allowedSymbols() + ")"));
    }
    double value = order.quantity() * price;
    if (value > profile.maxOrderValue()) {
      out.add(violation(Rule.MAX_ORDER_VALUE, profile.maxOrderValue(), value, what
          + "order value " + money(value) + " exceeds the maximum order value "
          + money(profile.maxOrderValue())));
    }
    if (state.tradesToday() >= profile.maxDailyTrades()) {
      out.add(violation(Rule.MAX_DAILY_TRADES, profile.maxDailyTrades(), state.tradesToday() + 1,
          what + "it would be trade " + (state.tradesToday() + 1) + " of the session, above the"
              + " maximum of " + profile.maxDailyTrades() + " per day"));
    }
    double before = state.positionValues().getOrDefault(order.symbol(), 0.0);
    double after = before + (order.side() == Side.BUY ? value : -value);
    double equity = state.equity();
    if (Math.abs(after) > Math.abs(before)) {
      double weight = equity > 0 ? Math.abs(after) / equity : Double.POSITIVE_INFINITY;
      if (weight > profile.maxPositionWeight()) {
        out.add(violation(Rule.MAX_POSITION_WEIGHT, profile.maxPositionWeight(), weight, what
            + "the position in '" + order.symbol() + "' would be " + percent(weight)
            + " of equity " + money(equity) + ", above the maximum "
            + percent(profile.maxPositionWeight())));
      }
      double gross = (state.grossExposure() - Math.abs(before) + Math.abs(after));
      double exposure = equity > 0 ? gross / equity : Double.POSITIVE_INFINITY;
      if (exposure > profile.maxGrossExposure()) {
        out.add(violation(Rule.MAX_GROSS_EXPOSURE, profile.maxGrossExposure(), exposure, what
            + "gross exposure would be " + String.format("%.4f", exposure) + "x equity "
            + money(equity) + ", above the maximum "
            + String.format("%.4f", profile.maxGrossExposure()) + "x"));
      }
    }
    return out;
  }

  private static PreTradeViolation violation(Rule rule, double limit, double actual, String m) {
    return new PreTradeViolation(rule, limit, actual, m);
  }

  private static String money(double v) {
    return String.format("%,.2f", v);
  }

  private static String percent(double v) {
    return String.format("%.2f%%", 100 * v);
  }
}
