package io.github.quantfolio.optimize.internal;

import java.util.List;

/**
 * Failure of {@link DenseQp}: the constraints are infeasible, the quadratic term is not positive
 * definite, or the iteration limit was reached. Infeasibility names the constraint that could not
 * be added and the constraints active at that point (together they are inconsistent).
 */
public final class QpException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the solve failed. */
  public enum Kind {
    /** No point satisfies every constraint. */
    INFEASIBLE,
    /** The quadratic term is not positive definite (Cholesky failed). */
    NOT_POSITIVE_DEFINITE,
    /** The active-set iteration did not terminate within its limit (cycling). */
    ITERATION_LIMIT
  }

  private final Kind kind;
  private final String blocking;
  private final List<String> active;

  QpException(Kind kind, String message, String blocking, List<String> active) {
    super(message);
    this.kind = kind;
    this.blocking = blocking;
    this.active = List.copyOf(active);
  }

  /**
   * An infeasibility found outside the QP (e.g. a turnover limit below the least turnover the
   * other constraints need), so that callers that back off a target on infeasibility treat it
   * alike.
   *
   * @param message what cannot be met
   * @param blocking the constraint that cannot be met
   * @return an exception of kind {@link Kind#INFEASIBLE}
   */
  public static QpException infeasible(String message, String blocking) {
    return new QpException(Kind.INFEASIBLE, message, blocking, List.of());
  }

  /** Why the solve failed. */
  public Kind kind() {
    return kind;
  }

  /** For {@link Kind#INFEASIBLE}: the constraint that could not be satisfied; else null. */
  public String blocking() {
    return blocking;
  }

  /** For {@link Kind#INFEASIBLE}: the constraints active when it failed (may be empty). */
  public List<String> active() {
    return active;
  }
}
