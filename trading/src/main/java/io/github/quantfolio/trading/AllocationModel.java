package io.github.quantfolio.trading;

import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.optimize.BlackLitterman;
import io.github.quantfolio.optimize.ExpectedReturns;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.RiskParity;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.CovarianceModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The allocation step of a {@link TradingPipeline}: target weights for the symbols the model
 * favours (an optimizer, or an ML allocation model). The weights are targets only: the
 * reviewer and the risk gate still see, cut or block every trade they imply.
 *
 * <p>The pipeline calls it once per cycle with the <em>candidates</em>, the symbols whose
 * signal is positive; symbols left out of the weights are targeted at zero. With no candidate
 * the model is not called and every position is targeted at zero.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AllocationModel {

  /**
   * What an allocation model sees.
   *
   * @param asOf the decision time
   * @param candidates the symbols with a positive signal, sorted
   * @param closes the candidates' closes over the look-back, up to and including the as-of bar
   * @param signals the model's signal of every symbol that has one
   * @param features the features of every symbol that has them
   */
  record Input(Instant asOf, List<String> candidates, PriceFrame closes,
      Map<String, Signal> signals, Map<String, Features> features) {

    /**
     * Validates and copies.
     *
     * @param asOf the decision time
     * @param candidates the candidates
     * @param closes their closes
     * @param signals the signals
     * @param features the features
     */
    public Input {
      Checks.notNull(asOf, "asOf");
      candidates = List.copyOf(Checks.notNull(candidates, "candidates"));
      Checks.notNull(closes, "closes");
      signals = Map.copyOf(Checks.notNull(signals, "signals"));
      features = Map.copyOf(Checks.notNull(features, "features"));
    }
  }

  /**
   * Target weights (fractions of equity, negative for shorts) for some of the candidates.
   *
   * @param input the candidates, their closes, signals and features
   * @return the target weights; candidates left out are targeted at zero
   */
  Weights allocate(Input input);

  /**
   * Equal weights over the candidates.
   *
   * @return the model
   */
  static AllocationModel equalWeight() {
    return named("equal weight", in -> Weights.equal(in.candidates()));
  }

  /**
   * Long-only maximum Sharpe ratio on mean historical returns and the Ledoit-Wolf covariance of
   * the look-back window.
   *
   * @param riskFreeRate the annual risk-free rate
   * @return the model
   */
  static AllocationModel maxSharpe(double riskFreeRate) {
    return maxSharpe(riskFreeRate, CovarianceEstimator.ledoitWolf());
  }

  /**
   * Long-only maximum Sharpe ratio on mean historical returns and the covariance of a risk model
   * (an estimator, or an ML model that forecasts volatilities or the whole matrix; its output is
   * checked before the optimizer sees it).
   *
   * @param riskFreeRate the annual risk-free rate
   * @param risk the covariance model, given the candidates' returns over the look-back
   * @return the model
   */
  static AllocationModel maxSharpe(double riskFreeRate, CovarianceModel risk) {
    Checks.finite(riskFreeRate, "riskFreeRate");
    CovarianceModel checked = CovarianceModel.checked(Checks.notNull(risk, "risk"));
    return named("max Sharpe (rf " + riskFreeRate + ", " + checked + ")", in -> MeanVariance.of(
        ExpectedReturns.meanHistorical(in.closes()), checked.estimate(in.closes().returns()))
        .maxSharpe(riskFreeRate).weights());
  }

  /**
   * Long-only minimum volatility on the Ledoit-Wolf covariance of the look-back window.
   *
   * @return the model
   */
  static AllocationModel minVolatility() {
    return minVolatility(CovarianceEstimator.ledoitWolf());
  }

  /**
   * Long-only minimum volatility on the covariance of a risk model (checked as in
   * {@link #maxSharpe(double, CovarianceModel)}).
   *
   * @param risk the covariance model
   * @return the model
   */
  static AllocationModel minVolatility(CovarianceModel risk) {
    CovarianceModel checked = CovarianceModel.checked(Checks.notNull(risk, "risk"));
    return named("min volatility (" + checked + ")", in -> MeanVariance.of(
        checked.estimate(in.closes().returns())).minVolatility().weights());
  }

  /**
   * Equal risk contributions on the Ledoit-Wolf covariance of the look-back window.
   *
   * @return the model
   */
  static AllocationModel riskParity() {
    return riskParity(CovarianceEstimator.ledoitWolf());
  }

  /**
   * Equal risk contributions on the covariance of a risk model (checked as in
   * {@link #maxSharpe(double, CovarianceModel)}).
   *
   * @param risk the covariance model
   * @return the model
   */
  static AllocationModel riskParity(CovarianceModel risk) {
    CovarianceModel checked = CovarianceModel.checked(Checks.notNull(risk, "risk"));
    return named("risk parity (" + checked + ")", in -> RiskParity.of(
        checked.estimate(in.closes().returns())).solve().weights());
  }

  /**
   * Black-Litterman with the model's views: the prior is the return implied by equal weights
   * over the candidates ({@code delta S w + rf}); each candidate's signal is an absolute view
   * {@code q = rf + viewScale x signal value} with the signal's confidence as its Idzorek
   * confidence; the weights maximise the quadratic utility {@code mu'w - delta/2 w'S w} on the
   * posterior returns, long only, fully invested.
   *
   * @param riskAversion {@code delta}, &gt; 0
   * @param riskFreeRate the annual risk-free rate
   * @param viewScale the annual excess return of a signal of 1 (e.g. 0.1 = 10 %), &gt; 0
   * @param risk the covariance model (checked as in {@link #maxSharpe(double, CovarianceModel)})
   * @return the model
   */
  static AllocationModel blackLitterman(double riskAversion, double riskFreeRate,
      double viewScale, CovarianceModel risk) {
    Checks.positive(riskAversion, "riskAversion");
    Checks.finite(riskFreeRate, "riskFreeRate");
    Checks.positive(viewScale, "viewScale");
    CovarianceModel checked = CovarianceModel.checked(Checks.notNull(risk, "risk"));
    return named("Black-Litterman (views = signals x " + viewScale + ", delta " + riskAversion
        + ", rf " + riskFreeRate + ", " + checked + ")", in -> {
          CovarianceMatrix cov = checked.estimate(in.closes().returns());
          AssetVector prior = BlackLitterman.marketImpliedPrior(Weights.equal(in.candidates()),
              cov, riskAversion, riskFreeRate);
          BlackLitterman bl = BlackLitterman.of(cov, prior);
          double[] confidences = new double[in.candidates().size()];
          for (int i = 0; i < confidences.length; i++) {
            Signal s = in.signals().get(in.candidates().get(i));
            bl = bl.withAbsoluteView(in.candidates().get(i), riskFreeRate + viewScale * s.value());
            confidences[i] = s.confidence();
          }
          bl = bl.withConfidences(confidences);
          return MeanVariance.of(bl.posteriorReturns(), cov).maxQuadraticUtility(riskAversion)
              .weights();
        });
  }

  /**
   * A model whose {@code toString()} is {@code name} (the audit trail and the pipeline's
   * description show it).
   *
   * @param name the description
   * @param model the model
   * @return the named model
   */
  static AllocationModel named(String name, AllocationModel model) {
    Checks.notNull(name, "name");
    Checks.notNull(model, "model");
    return new AllocationModel() {
      @Override
      public Weights allocate(Input input) {
        return model.allocate(input);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
