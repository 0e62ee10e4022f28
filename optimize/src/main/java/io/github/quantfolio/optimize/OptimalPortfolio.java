package io.github.quantfolio.optimize;

import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of a portfolio optimisation: the weights and their annualised expected return and
 * volatility under the inputs of the problem that produced them (immutable, thread-safe).
 *
 * <p>{@code expectedReturn = mu'w} and {@code volatility = sqrt(w'Sw)} with the problem's
 * annualised expected returns {@code mu} and covariance {@code S} (the covariance given by the
 * caller, without any L2 regularisation; for scenario-based optimisers such as {@link MeanCvar},
 * the annualised sample volatility of the portfolio's scenario returns). A problem built without
 * expected returns (minimum
 * volatility only) has none: {@link #hasExpectedReturn()} is false and
 * {@link #expectedReturn()} / {@link #sharpeRatio(double)} throw.
 *
 * @since 0.1.0
 */
public final class OptimalPortfolio {

  private final String method;
  private final Weights weights;
  private final double expectedReturn; // NaN when the problem has no mu
  private final double volatility;
  private final double riskFreeRate; // the rate the problem used (max Sharpe), else 0 for printing

  OptimalPortfolio(String method, Weights weights, double expectedReturn, double volatility) {
    this(method, weights, expectedReturn, volatility, 0);
  }

  OptimalPortfolio(String method, Weights weights, double expectedReturn, double volatility,
      double riskFreeRate) {
    this.method = Objects.requireNonNull(method);
    this.weights = Objects.requireNonNull(weights);
    this.expectedReturn = expectedReturn;
    this.volatility = volatility;
    this.riskFreeRate = riskFreeRate;
  }

  /**
   * A portfolio rebuilt from its parts, e.g. one read back from a results store: equal to the
   * optimiser's result that had these parts.
   *
   * @param method the description of the problem solved (see {@link #method()}), not null
   * @param weights the weights, not null
   * @param expectedReturn the annualised expected return, NaN for a problem without expected
   *     returns
   * @param volatility the annualised volatility, finite &gt;= 0
   * @param riskFreeRate the annual risk-free rate the problem used (see {@link #riskFreeRate()}),
   *     finite
   * @return the portfolio
   * @throws IllegalArgumentException if the volatility is negative or not finite, the expected
   *     return infinite, or the risk-free rate not finite
   * @since 0.1.0
   */
  public static OptimalPortfolio of(String method, Weights weights, double expectedReturn,
      double volatility, double riskFreeRate) {
    Checks.notNull(method, "method");
    Checks.notNull(weights, "weights");
    if (Double.isInfinite(expectedReturn)) {
      throw new IllegalArgumentException("Expected a finite expectedReturn (NaN for none), but "
          + "found " + expectedReturn);
    }
    Checks.nonNegative(volatility, "volatility");
    Checks.finite(riskFreeRate, "riskFreeRate");
    return new OptimalPortfolio(method, weights, expectedReturn, volatility, riskFreeRate);
  }

  /**
   * The annual risk-free rate of the problem that produced this portfolio (max Sharpe), or 0 when
   * the problem had none; {@link #toString()} prints the Sharpe ratio at this rate.
   *
   * @return the annual risk-free rate the portfolio was solved for, 0 if none
   * @since 0.1.0
   */
  public double riskFreeRate() {
    return riskFreeRate;
  }

  /** The same portfolio, printing its Sharpe ratio at {@code rf} (the rate it was solved for). */
  OptimalPortfolio atRiskFreeRate(double rf) {
    return new OptimalPortfolio(method, weights, expectedReturn, volatility, rf);
  }

  /**
   * A short description of the problem solved, e.g. {@code "max Sharpe (rf = 0.02)"}.
   *
   * @return a short description of the problem solved, e.g. {@code "max Sharpe (rf = 0.02)"}
   */
  public String method() {
    return method;
  }

  /**
   * The optimal weights, in the problem's asset order.
   *
   * @return the optimal weights, in the problem's asset order
   */
  public Weights weights() {
    return weights;
  }

  /**
   * Whether the problem had expected returns (false for {@code MeanVariance.of(cov)}).
   *
   * @return whether the problem had expected returns (false for {@code MeanVariance.of(cov)})
   */
  public boolean hasExpectedReturn() {
    return !Double.isNaN(expectedReturn);
  }

  /**
   * The annualised expected return {@code mu'w}.
   *
   * @return the annualised expected return {@code mu'w}
   * @throws IllegalStateException if the problem was built without expected returns
   */
  public double expectedReturn() {
    if (!hasExpectedReturn()) {
      throw new IllegalStateException("This portfolio was optimised without expected returns "
          + "(MeanVariance.of(cov)); build the problem with MeanVariance.of(mu, cov) to get one");
    }
    return expectedReturn;
  }

  /**
   * The annualised volatility {@code sqrt(w'Sw)}.
   *
   * @return the annualised volatility {@code sqrt(w'Sw)}
   */
  public double volatility() {
    return volatility;
  }

  /**
   * The Sharpe ratio {@code (mu'w - rf) / sqrt(w'Sw)} with an annualised risk-free rate.
   * Infinite if the volatility is 0 and the excess return is not (IEEE division).
   *
   * @param riskFreeRate annualised risk-free rate (0.02 = 2%), finite
   * @return the annualised Sharpe ratio at {@code riskFreeRate}
   * @throws IllegalStateException if the problem was built without expected returns, or if the
   *     volatility is 0 and the expected return equals the risk-free rate (0 / 0: undefined)
   */
  public double sharpeRatio(double riskFreeRate) {
    Checks.finite(riskFreeRate, "riskFreeRate");
    double excess = expectedReturn() - riskFreeRate;
    if (volatility == 0 && excess == 0) {
      throw new IllegalStateException("The Sharpe ratio is undefined: the portfolio has volatility "
          + "0 and an expected return equal to the risk-free rate " + riskFreeRate);
    }
    return excess / volatility;
  }

  /**
   * The method, then the annualised expected return, volatility and Sharpe ratio with the
   * risk-free rate it uses (the rate the portfolio was optimised for with max Sharpe, else 0),
   * then the weights table, e.g.
   * {@code expected return 12.40% a year, volatility 15.02% a year, Sharpe ratio 0.692 at risk-free
   * rate 2.00%}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("OptimalPortfolio: ").append(method).append('\n');
    String vol = "volatility " + Diagnostics.num(100 * volatility, 2) + "% a year";
    if (hasExpectedReturn()) {
      double excess = expectedReturn - riskFreeRate;
      String sharpe = volatility > 0 ? "Sharpe ratio " + Diagnostics.num(excess / volatility, 3)
          : excess == 0 ? "Sharpe ratio undefined (volatility 0)"
          : "Sharpe ratio " + (excess > 0 ? "+" : "-") + "infinite (volatility 0)";
      sb.append(String.format(Locale.ROOT, "expected return %s%% a year, %s, %s at risk-free rate "
          + "%s%%%n", Diagnostics.num(100 * expectedReturn, 2), vol, sharpe,
          Diagnostics.num(100 * riskFreeRate, 2)));
    } else {
      sb.append(vol).append(" (no expected returns: no Sharpe ratio)\n");
    }
    return sb.append(weights).toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OptimalPortfolio p && p.method.equals(method) && p.weights.equals(weights)
        && Double.compare(p.expectedReturn, expectedReturn) == 0
        && Double.compare(p.volatility, volatility) == 0
        && Double.compare(p.riskFreeRate, riskFreeRate) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, weights, expectedReturn, volatility, riskFreeRate);
  }
}
