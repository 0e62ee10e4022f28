package io.github.quantfolio.backtest;

/** Parameter checks shared by the built-in strategies. */
final class StrategyArgs {

  private StrategyArgs() {
  }

  static void period(int p, String name) {
    if (p < 1) {
      throw new IllegalArgumentException("Expected " + name + " >= 1, but found " + p);
    }
  }

  static void ordered(int lo, int hi, String loName, String hiName) {
    if (lo >= hi) {
      throw new IllegalArgumentException("Expected " + loName + " < " + hiName + ", but found "
          + lo + " and " + hi);
    }
  }

  static void nonNegative(double v, String name) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("Expected finite " + name + " >= 0, but found " + v);
    }
  }

  static void range(double v, double lo, double hi, String name) {
    if (!(v > lo && v < hi)) {
      throw new IllegalArgumentException("Expected " + lo + " < " + name + " < " + hi
          + ", but found " + v);
    }
  }
}
