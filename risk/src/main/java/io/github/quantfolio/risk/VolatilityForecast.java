package io.github.quantfolio.risk;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.internal.Checks;
import java.util.function.Function;

/**
 * A per-asset volatility forecast from a window of returns (a GARCH, a machine-learning risk
 * predictor, implied volatilities looked up by the caller, ...), turned into a covariance model by
 * {@link CovarianceModel#fromVolatilities(VolatilityForecast, CovarianceModel)}.
 *
 * <p><b>Units.</b> The forecast is a <b>per-period</b> standard deviation of returns in the
 * window's own frequency: a model on daily returns forecasts daily volatility (0.01 for 1 % a
 * day), which {@code fromVolatilities} annualises with {@code sqrt(periodsPerYear)}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface VolatilityForecast {

  /**
   * The per-period volatility of each asset of the window, as forecast for the next period(s).
   *
   * @param returns per-period returns up to the decision time, one column per asset (NaN where an
   *     asset has no return)
   * @return one volatility &gt;= 0 per asset of {@code returns}, in the window's order, per period
   */
  AssetVector forecast(ReturnFrame returns);

  /**
   * A forecast under a name (printed by {@code toString()}, in the names of the models built on
   * it and in every message about its output).
   *
   * @param name what the forecast is, in words, not blank
   * @param forecast the window of returns to per-period volatilities, not null
   * @return the named forecast; {@code toString()} is {@code VolatilityForecast 'name'}
   */
  static VolatilityForecast of(String name,
      Function<? super ReturnFrame, ? extends AssetVector> forecast) {
    Checks.notNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("Argument 'name' must not be blank");
    }
    Checks.notNull(forecast, "forecast");
    String label = "VolatilityForecast '" + name + "'";
    return new VolatilityForecast() {
      @Override
      public AssetVector forecast(ReturnFrame returns) {
        return forecast.apply(returns);
      }

      @Override
      public String toString() {
        return label;
      }
    };
  }
}
