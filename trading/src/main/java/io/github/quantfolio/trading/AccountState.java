package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;
import java.util.Map;

/**
 * What a pre-trade check needs to know about an account before an order.
 *
 * @param equity cash plus positions at their marks, finite
 * @param positionValues signed market value of each position ({@code quantity x price})
 * @param tradesToday orders accepted in the current session so far, &gt;= 0
 * @since 0.1.0
 */
public record AccountState(double equity, Map<String, Double> positionValues, int tradesToday) {

  /**
   * Validates and copies (values finite).
   *
   * @param equity cash plus positions at their marks, finite
   * @param positionValues signed market value of each position ({@code quantity x price})
   * @param tradesToday orders accepted in the current session so far, &gt;= 0
   */
  public AccountState {
    Checks.finite(equity, "equity");
    positionValues = Map.copyOf(Checks.notNull(positionValues, "positionValues"));
    positionValues.forEach((s, v) -> Checks.finite(v, "value of the position in '" + s + "'"));
    Checks.notNegative(tradesToday, "tradesToday");
  }

  /**
   * {@code sum |position values|}.
   *
   * @return {@code sum |position values|}
   */
  public double grossExposure() {
    double g = 0;
    for (double v : positionValues.values()) {
      g += Math.abs(v);
    }
    return g;
  }
}
