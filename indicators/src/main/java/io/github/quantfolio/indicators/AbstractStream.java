package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;

/**
 * What every streaming indicator shares: its name (which its messages start with), its latest
 * value, the number of bars it has taken (the index of the next bar, for messages) and whether an
 * overflow ended it.
 */
abstract class AbstractStream implements StreamingIndicator {

  private final String name;
  private double value = Double.NaN;
  private long bars;
  private String failure;

  AbstractStream(String name) {
    this.name = name;
  }

  /** The indicator and its parameters, e.g. {@code Atr(14)}. */
  final String name() {
    return name;
  }

  /** The index of the bar being added (0 for the first update). */
  final long bar() {
    return bars;
  }

  /** Where the bar being added is, for messages: {@code "bar 17"}. */
  final String where() {
    return "bar " + bars;
  }

  /** Throws if an earlier update failed with an overflow. */
  final void requireLive() {
    if (failure != null) {
      throw new IllegalStateException(name + " can take no more bars: " + failure
          + "; start a new one");
    }
  }

  /** Forgets every bar (a missing bar: the indicator restarts). */
  abstract void restart();

  /** Takes a missing bar: restarts and returns NaN. */
  final double missing() {
    restart();
    value = Double.NaN;
    bars++;
    return value;
  }

  /** Takes a bar whose value is {@code v}. */
  final double accept(double v) {
    value = v;
    bars++;
    return v;
  }

  /**
   * Records an overflow (the state now holds a value beyond the double range and cannot go on):
   * every later call throws {@link IllegalStateException} naming it. Returns {@code e}.
   */
  final ArithmeticException fail(ArithmeticException e) {
    failure = e.getMessage();
    return e;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if an update failed with an {@link ArithmeticException}
   */
  @Override
  public final double value() {
    requireLive();
    return value;
  }

  /** The indicator, its parameters and its value, e.g. {@code Atr(14) = 2.31}. */
  @Override
  public String toString() {
    return failure != null ? name + " (failed: " + failure + ")" : name + " = " + value;
  }

  /** Throws for an infinite input or a bar breaking {@code low <= close <= high}. */
  final void requireBar(double high, double low, double close) {
    Args.notInfinite(name, high, "high", bars);
    Args.notInfinite(name, low, "low", bars);
    Args.notInfinite(name, close, "close", bars);
    Args.requireBar(name, high, low, close, where());
  }
}
