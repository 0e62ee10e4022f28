package io.github.quantfolio.optimize;

import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
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

  OptimalPortfolio(String method, Weights weights, double expectedReturn, double volatility) {
    this.method = Objects.requireNonNull(method);
    this.weights = Objects.requireNonNull(weights);
    this.expectedReturn = expectedReturn;
    this.volatility = volatility;
  }

  /** A short description of the problem solved, e.g. {@code "max Sharpe (rf = 0.02)"}. */
  public String method() {
    return method;
  }

  /** The optimal weights, in the problem's asset order. */
  public Weights weights() {
    return weights;
  }

  /** Whether the problem had expected returns (false for {@code MeanVariance.of(cov)}). */
  public boolean hasExpectedReturn() {
    return !Double.isNaN(expectedReturn);
  }

  /**
   * The annualised expected return {@code mu'w}.
   *
   * @throws IllegalStateException if the problem was built without expected returns
   */
  public double expectedReturn() {
    if (!hasExpectedReturn()) {
      throw new IllegalStateException("This portfolio was optimised without expected returns "
          + "(MeanVariance.of(cov)); build the problem with MeanVariance.of(mu, cov) to get one");
    }
    return expectedReturn;
  }

  /** The annualised volatility {@code sqrt(w'Sw)}. */
  public double volatility() {
    return volatility;
  }

  /**
   * The Sharpe ratio {@code (mu'w - rf) / sqrt(w'Sw)} with an annualised risk-free rate.
   * Infinite if the volatility is 0 and the excess return is not (IEEE division).
   *
   * @param riskFreeRate annualised risk-free rate (0.02 = 2%)
   * @throws IllegalStateException if the problem was built without expected returns
   */
  public double sharpeRatio(double riskFreeRate) {
    Checks.finite(riskFreeRate, "riskFreeRate");
    return (expectedReturn() - riskFreeRate) / volatility;
  }

  /** The method, expected return, volatility and Sharpe ratio (rf = 0), then the weights table. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("OptimalPortfolio: ").append(method).append('\n');
    if (hasExpectedReturn()) {
      sb.append(String.format(Locale.ROOT, "expected return %s%%, volatility %s%%, Sharpe (rf = 0) %s%n",
          TextTable.num(100 * expectedReturn, 2), TextTable.num(100 * volatility, 2),
          TextTable.num(sharpeRatio(0), 3)));
    } else {
      sb.append("volatility ").append(TextTable.num(100 * volatility, 2)).append("%\n");
    }
    return sb.append(weights).toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OptimalPortfolio p && p.method.equals(method) && p.weights.equals(weights)
        && Double.compare(p.expectedReturn, expectedReturn) == 0
        && Double.compare(p.volatility, volatility) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, weights, expectedReturn, volatility);
  }
}
