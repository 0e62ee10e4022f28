package io.github.quantfolio.broker.alpaca;

/** Named tolerances for the Alpaca broker's tests, in one place. */
final class Tolerance {
  /**
   * Values read from decimal strings and combined in exact decimal arithmetic, then converted to
   * double once: equal to the hand-computed double to the last bit or two.
   */
  static final double EXACT = 1e-12;

  private Tolerance() {
  }
}
