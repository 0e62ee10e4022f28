package io.github.quantfolio.risk;

import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.internal.Checks;
import java.util.function.Function;

/**
 * Anything that turns a window of returns into an annualised {@link CovarianceMatrix}: the
 * library's {@link CovarianceEstimator}s, and models of one's own (a GARCH, a factor model, a
 * machine-learning risk forecaster) that calling code wires in wherever an estimator is accepted
 * (e.g. the walk-forward allocators of the backtest module).
 *
 * <pre>{@code
 * // a whole matrix predicted by one's own model
 * CovarianceModel ml = CovarianceModel.of("lstm-cov", window -> myModel.predict(window));
 * // per-asset volatility forecasts combined with a shrunk correlation
 * CovarianceModel garch = CovarianceModel.fromVolatilities(
 *     VolatilityForecast.of("garch(1,1)", window -> myGarch.nextPeriodVolatilities(window)),
 *     CovarianceEstimator.ledoitWolf());
 * }</pre>
 *
 * <p><b>Contract.</b> {@link #estimate(ReturnFrame)} receives the returns window up to the
 * decision time (nothing after it), from which a model builds its own features; it returns an
 * <b>annualised</b> matrix over exactly the window's assets, in the window's order. It must be a
 * pure function of the window, so that results do not depend on run order.
 *
 * <p><b>Validation.</b> The models made by {@link #of}, {@link #fromVolatilities} and
 * {@link #checked} refuse a matrix that could mislead an optimizer, with an
 * {@code IllegalArgumentException} naming the model, the window's last date, the asset and the
 * value: a null result; assets other than the window's, or in another order; a covariance that
 * implies a correlation beyond [-1, 1] (or a covariance with a zero-variance asset); a matrix that
 * is not positive semidefinite (smallest eigenvalue below {@code -}{@link
 * CovarianceMatrix#PSD_TOLERANCE} times the largest; the asset with the largest loading on that
 * eigenvector is named). Finiteness, symmetry and non-negative variances are guaranteed by
 * {@link CovarianceMatrix} itself; an {@code IllegalArgumentException} that a model throws (e.g.
 * from {@link CovarianceMatrix#of} on a NaN entry) is re-thrown with the model's name and window
 * prepended, its original as the cause. Other exceptions pass through unchanged.
 * {@link CovarianceEstimator} results are not re-checked: they are Quantfolio's own and keep
 * their documented behaviour (a {@link MissingData#PAIRWISE} sample may be indefinite, which the
 * optimizers report themselves).
 *
 * <p><b>Names.</b> Allocators print the model's {@code toString()} in their own names, so give a
 * lambda a name with {@link #of(String, Function)}; an unnamed lambda prints as a hint to do so.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CovarianceModel {

  /**
   * The annualised covariance of the window's assets, as forecast or estimated from
   * {@code returns}.
   *
   * @param returns per-period returns up to the decision time, one column per asset (NaN where an
   *     asset has no return); the model must not assume anything later exists
   * @return the annualised covariance matrix over {@code returns.assets()}, in that order
   */
  CovarianceMatrix estimate(ReturnFrame returns);

  /**
   * A model that predicts the whole matrix, under a name, with its output validated (see the
   * class description).
   *
   * @param name what the model is, in words (printed by {@code toString()} and in every message),
   *     not blank
   * @param model the window of returns to the annualised covariance of its assets, not null
   * @return the named, validating model; {@code toString()} is {@code CovarianceModel 'name'}
   */
  static CovarianceModel of(String name,
      Function<? super ReturnFrame, ? extends CovarianceMatrix> model) {
    Checks.notNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("Argument 'name' must not be blank");
    }
    Checks.notNull(model, "model");
    return new CheckedCovarianceModel("CovarianceModel '" + name + "'", model);
  }

  /**
   * A model that combines per-asset volatility forecasts with the correlation of another model:
   * {@code Sigma_ij = s_i s_j rho_ij}, where {@code s_i = v_i sqrt(f)} is the forecast per-period
   * volatility {@code v_i} annualised with the window's periods per year {@code f}, and
   * {@code rho_ij = C_ij / sqrt(C_ii C_jj)} is the correlation of {@code correlationSource}'s
   * matrix {@code C} on the same window (its variances are not used). Then
   * {@code Sigma_ii = f v_i^2}, and {@code Sigma} is positive semidefinite whenever {@code C} is.
   *
   * @param forecast the per-period volatility forecast; its values must be &gt;= 0, over the
   *     window's assets in the window's order; not null
   * @param correlationSource the model whose correlation is used (e.g.
   *     {@code CovarianceEstimator.ledoitWolf()}); every asset must have a positive variance in
   *     its matrix; not null
   * @return the validating model; {@code toString()} names the forecast and the source
   */
  static CovarianceModel fromVolatilities(VolatilityForecast forecast,
      CovarianceModel correlationSource) {
    Checks.notNull(forecast, "forecast");
    Checks.notNull(correlationSource, "correlationSource");
    return new VolatilityCovarianceModel(forecast, checked(correlationSource));
  }

  /**
   * {@code model} with its output validated (see the class description): {@code model} itself if
   * it is a {@link CovarianceEstimator} or already validating (made by {@link #of},
   * {@link #fromVolatilities} or this method), otherwise a validating wrapper named after
   * {@code model.toString()} (an unnamed lambda is called {@code an unnamed CovarianceModel}).
   * Allocators call this on every model they are given.
   *
   * @param model the model, not null
   * @return a model whose results are validated (or a {@code CovarianceEstimator})
   */
  static CovarianceModel checked(CovarianceModel model) {
    Checks.notNull(model, "model");
    if (model instanceof CovarianceEstimator || model instanceof CheckedCovarianceModel
        || model instanceof VolatilityCovarianceModel) {
      return model;
    }
    return new CheckedCovarianceModel(ModelChecks.describe(model, "CovarianceModel"),
        model::estimate);
  }
}
