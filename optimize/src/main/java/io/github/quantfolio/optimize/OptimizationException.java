package io.github.quantfolio.optimize;

/**
 * An optimisation problem that cannot be solved as posed: infeasible constraints, an unattainable
 * target, or an ill-posed input (such as a covariance matrix that is not positive semidefinite).
 * The message names the constraint or target and what is attainable, e.g.
 * {@code "target volatility 0.10 is below the minimum attainable 0.159 under bounds [0, 1]"}.
 * Optimizers in this package throw it rather than return zero or NaN weights.
 *
 * @since 0.1.0
 */
public class OptimizationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception with the given message.
   *
   * @param message what cannot be met and what is attainable
   */
  public OptimizationException(String message) {
    super(message);
  }

  /**
   * An exception with the given message and cause.
   *
   * @param message what cannot be met and what is attainable
   * @param cause the underlying failure
   */
  public OptimizationException(String message, Throwable cause) {
    super(message, cause);
  }
}
