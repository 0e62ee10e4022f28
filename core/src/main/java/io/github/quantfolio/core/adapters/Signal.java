package io.github.quantfolio.core.adapters;

/**
 * A model's view of one instrument: {@code value} from -1 (strongest sell) through 0 (no view)
 * to +1 (strongest buy), and how sure the model is of it.
 *
 * @param value the signal, in [-1, 1]
 * @param confidence in [0, 1] (a calibrated probability where the model has one)
 * @since 0.1.0
 */
public record Signal(double value, double confidence) {

  /**
   * Validates the fields (see the record description).
   *
   * @param value the signal, in [-1, 1]
   * @param confidence in [0, 1] (a calibrated probability where the model has one)
   */
  public Signal {
    Values.inRange(value, -1, 1, "Signal", "value");
    Values.confidence(confidence, "Signal");
  }

  /**
   * No view: value 0, confidence 0.
   *
   * @return a signal of value 0 and confidence 0
   */
  public static Signal none() {
    return new Signal(0, 0);
  }

  /**
   * The side the signal points to, or null for value 0.
   *
   * @return the side the signal points to, or null for value 0
   */
  public Side side() {
    return value > 0 ? Side.BUY : value < 0 ? Side.SELL : null;
  }
}
