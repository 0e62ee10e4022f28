package io.github.quantfolio.core.adapters;

/**
 * What a broker charges per execution: {@code max(bps / 10^4 x notional + fixed, minimum)}.
 *
 * @param bps proportional fee in basis points of the notional, in [0, 10^4)
 * @param fixed fee per execution, finite and &gt;= 0
 * @param minimum the least fee of an execution, finite and &gt;= 0
 * @since 0.1.0
 */
public record FeeModel(double bps, double fixed, double minimum) {

  /** No fees. */
  public static final FeeModel NONE = new FeeModel(0, 0, 0);

  /**
   * Validates the fields (see the record description).
   *
   * @param bps proportional fee in basis points, in [0, 10^4)
   * @param fixed fee per execution, &gt;= 0
   * @param minimum the least fee of an execution, &gt;= 0
   */
  public FeeModel {
    Values.finite(bps, "FeeModel", "bps");
    if (!(bps >= 0 && bps < 10_000)) {
      throw new IllegalArgumentException("FeeModel: expected 0 <= bps < 10000, but found " + bps);
    }
    nonNegative(fixed, "fixed");
    nonNegative(minimum, "minimum");
  }

  private static void nonNegative(double v, String name) {
    Values.finite(v, "FeeModel", name);
    if (v < 0) {
      throw new IllegalArgumentException("FeeModel: expected " + name + " >= 0, but found " + v);
    }
  }

  /**
   * A proportional fee only.
   *
   * @param bps basis points of the notional
   * @return the model
   */
  public static FeeModel bps(double bps) {
    return new FeeModel(bps, 0, 0);
  }

  /**
   * This model with a fixed fee per execution.
   *
   * @param fee the fixed part, &gt;= 0
   * @return a new model
   */
  public FeeModel withFixed(double fee) {
    return new FeeModel(bps, fee, minimum);
  }

  /**
   * This model with a minimum fee per execution.
   *
   * @param fee the minimum, &gt;= 0
   * @return a new model
   */
  public FeeModel withMinimum(double fee) {
    return new FeeModel(bps, fixed, fee);
  }

  /**
   * The fee of one execution.
   *
   * @param notional {@code quantity x price}, &gt;= 0
   * @return {@code max(bps / 10^4 x notional + fixed, minimum)}
   */
  public double fee(double notional) {
    return Math.max(bps / 10_000 * notional + fixed, minimum);
  }
}
