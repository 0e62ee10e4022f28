package io.github.quantfolio.backtest;

import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.Weights;

/** An allocator with a name for printing (a lambda prints as its synthetic class). */
final class NamedAllocator implements Allocator {

  private final String name;
  private final Allocator delegate;

  NamedAllocator(String name, Allocator delegate) {
    this.name = name;
    this.delegate = delegate;
  }

  @Override
  public Weights allocate(PriceFrame window) {
    return delegate.allocate(window);
  }

  @Override
  public String toString() {
    return name;
  }

  /** How {@code a} prints: its own toString, or a hint for an unnamed lambda. */
  static String describe(Allocator a) {
    return a.getClass().isHidden() || a.getClass().isSynthetic()
        ? "a custom allocator (unnamed lambda; Allocator.named(name, allocator) names it)"
        : a.toString();
  }
}
