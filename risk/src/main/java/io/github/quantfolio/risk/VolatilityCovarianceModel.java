package io.github.quantfolio.risk;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.internal.Checks;
import java.util.List;

/**
 * {@code Sigma_ij = f v_i v_j rho_ij}: per-period volatility forecasts {@code v}, annualised with
 * the window's periods per year {@code f}, on the correlation {@code rho} of another model (see
 * {@link CovarianceModel#fromVolatilities}).
 */
final class VolatilityCovarianceModel implements CovarianceModel {

  private final VolatilityForecast forecast;
  private final CovarianceModel correlationSource; // validating (CovarianceModel.checked)
  private final String forecastName;
  private final String name;

  VolatilityCovarianceModel(VolatilityForecast forecast, CovarianceModel correlationSource) {
    this.forecast = forecast;
    this.correlationSource = correlationSource;
    this.forecastName = ModelChecks.describe(forecast, "VolatilityForecast");
    this.name = "CovarianceModel.fromVolatilities(" + forecastName + ", correlation of "
        + correlationSource + ")";
  }

  @Override
  public CovarianceMatrix estimate(ReturnFrame returns) {
    Checks.notNull(returns, "returns");
    double periodsPerYear;
    try {
      periodsPerYear = returns.frequency().periodsPerYear();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(name + " cannot annualise the volatilities of "
          + ModelChecks.window(returns) + ": " + e.getMessage(), e);
    }
    double[] v = volatilities(returns);
    CovarianceMatrix c = correlationSource.estimate(returns);
    List<String> assets = returns.assets();
    int n = v.length;
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      double var = c.get(i, i);
      if (!(var > 0)) {
        throw new IllegalArgumentException(name + ": the correlation source gives '"
            + assets.get(i) + "' a variance of " + var + " on " + ModelChecks.window(returns)
            + ", so its correlations are undefined");
      }
      sd[i] = Math.sqrt(var);
    }
    double[][] sigma = new double[n][n];
    for (int i = 0; i < n; i++) {
      double si = v[i] * Math.sqrt(periodsPerYear);
      sigma[i][i] = si * si;
      if (!Double.isFinite(sigma[i][i])) {
        throw new IllegalArgumentException(name + ": the annualised variance of '" + assets.get(i)
            + "' overflows on " + ModelChecks.window(returns) + " (per-period volatility " + v[i]
            + ", " + periodsPerYear + " periods per year)");
      }
      for (int j = 0; j < i; j++) {
        double rho = c.get(i, j) / (sd[i] * sd[j]);
        double s = si * (v[j] * Math.sqrt(periodsPerYear)) * rho;
        sigma[i][j] = s;
        sigma[j][i] = s;
      }
    }
    return ModelChecks.matrix(name, returns, CovarianceMatrix.of(assets, sigma));
  }

  /** The forecast's volatilities, checked: the window's assets in order, each >= 0. */
  private double[] volatilities(ReturnFrame returns) {
    AssetVector f;
    try {
      f = forecast.forecast(returns);
    } catch (IllegalArgumentException e) {
      throw ModelChecks.failed(forecastName, returns, e);
    }
    if (f == null) {
      throw new IllegalArgumentException(forecastName + " returned null on "
          + ModelChecks.window(returns));
    }
    ModelChecks.sameAssets(forecastName, returns, f.assets(), "volatilities");
    double[] v = f.toArray();
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] >= 0)) { // an AssetVector is finite; NaN would fail here too
        throw new IllegalArgumentException(forecastName + " returned a volatility of " + v[i]
            + " for '" + returns.assets().get(i) + "' on " + ModelChecks.window(returns)
            + "; a volatility is >= 0");
      }
    }
    return v;
  }

  @Override
  public String toString() {
    return name;
  }
}
