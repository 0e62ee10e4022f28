package io.github.quantfolio.trading;

import java.util.List;

/**
 * A sized position and how it was reached: the method's raw size, then each limit that changed
 * it, in order.
 *
 * @param symbol the instrument
 * @param method the sizing method's name
 * @param rawFraction the method's size as a fraction of equity, before any limit
 * @param fraction the final size as a fraction of equity, &gt;= 0 (0: no position)
 * @param quantity the units to hold: {@code fraction x equity / price} rounded down to whole lots
 * @param value {@code quantity x price}
 * @param steps the limits that changed the size, in the order applied (empty when none did)
 * @since 0.1.0
 */
public record Sizing(String symbol, String method, double rawFraction, double fraction,
    double quantity, double value, List<Step> steps) {

  /**
   * Copies the steps.
   *
   * @param symbol the instrument
   * @param method the sizing method
   * @param rawFraction the method's size
   * @param fraction the final size
   * @param quantity units to hold
   * @param value quantity x price
   * @param steps the limits that changed the size
   */
  public Sizing {
    steps = List.copyOf(steps);
  }

  /**
   * One limit that changed the size.
   *
   * @param rule the limit's name, e.g. {@code max position risk}
   * @param before the fraction of equity before it
   * @param after the fraction after it
   * @param reason the limit, its value and why it applied, in words
   */
  public record Step(String rule, double before, double after, String reason) {
  }

  /** For example {@code AAPL: 3.00% of equity (confidence weighted 3.00%) = 20 units, 3000.00}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format("%s: %.2f%% of equity (%s %.2f%%) = %s"
        + " units, %.2f", symbol, 100 * fraction, method, 100 * rawFraction,
        quantity == Math.rint(quantity) ? String.format("%.0f", quantity) : Double.toString(quantity),
        value));
    for (Step s : steps) {
      sb.append(String.format("%n  %s: %.2f%% -> %.2f%% (%s)", s.rule(), 100 * s.before(),
          100 * s.after(), s.reason()));
    }
    return sb.toString();
  }
}
