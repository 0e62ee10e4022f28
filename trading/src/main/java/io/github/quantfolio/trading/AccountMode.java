package io.github.quantfolio.trading;

/**
 * Whether an account's orders are simulated or reach a real market.
 *
 * @since 0.1.0
 */
public enum AccountMode {
  /** Simulated: orders never reach a real market. */
  PAPER,
  /** Real money: switching to such an account needs a {@link LiveConfirmation}. */
  LIVE
}
