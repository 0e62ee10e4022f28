package io.github.quantfolio.backtest;

/** Named tolerances of the backtest tests. */
final class Tolerance {

  /** Relative agreement of two implementations of the same arithmetic (rounding only). */
  static final double EXACT = 1e-12;

  /** Money must be conserved to far below a cent on 1e5-1e6 of capital. */
  static final double CENT = 1e-6;

  private Tolerance() {
  }
}
