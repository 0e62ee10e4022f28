package io.github.quantfolio.core.adapters;

/**
 * How long an order stays working.
 *
 * @since 0.1.0
 */
public enum TimeInForce {
  /** Until the end of the trading day on which it first meets the market; then it expires. */
  DAY,
  /** Good till cancelled. */
  GTC,
  /** Immediate or cancel: what can be filled at once is filled, the rest is cancelled. */
  IOC
}
