package io.github.quantfolio.backtest;

/**
 * Parameter checks shared by the built-in strategies; every message starts with the strategy's
 * name, e.g. {@code "Momentum: expected fast < slow, but found 50 and 20"}.
 */
final class StrategyArgs {

  private StrategyArgs() {
  }

  static void period(String strategy, int p, String name) {
    if (p < 1) {
      throw new IllegalArgumentException(strategy + ": expected " + name + " >= 1, but found " + p);
    }
  }

  static void ordered(String strategy, int lo, int hi, String loName, String hiName) {
    if (lo >= hi) {
      throw new IllegalArgumentException(strategy + ": expected " + loName + " < " + hiName
          + ", but found " + lo + " and " + hi);
    }
  }

  static void nonNegative(String strategy, double v, String name) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(strategy + ": expected finite " + name
          + " >= 0, but found " + v);
    }
  }

  static void positive(String strategy, double v, String name) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(strategy + ": expected finite " + name
          + " > 0, but found " + v);
    }
  }

  static void range(String strategy, double v, double lo, double hi, String name) {
    if (!(v > lo && v < hi)) {
      throw new IllegalArgumentException(strategy + ": expected " + lo + " < " + name + " < " + hi
          + ", but found " + v);
    }
  }
}
