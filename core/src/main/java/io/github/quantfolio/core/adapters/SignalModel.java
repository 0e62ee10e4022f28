package io.github.quantfolio.core.adapters;

/**
 * The machine-learning hook: turns features into a {@link Signal}. Implemented by calling code
 * (a trained model, an ONNX session, a remote service); a lambda will do:
 *
 * <pre>{@code
 * SignalModel momentum = f -> new Signal(Math.tanh(10 * f.get("ret20")), 0.6);
 * }</pre>
 *
 * Implementations must use only information in {@code features} (nothing after
 * {@link Features#asOf()}), should be thread-safe, and return {@link Signal#none()} rather than
 * null when they have no view.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SignalModel {

  /**
   * The signal for these features; never null.
   *
   * @param features the features as of one time (nothing after it)
   * @return the signal for these features; never null
   */
  Signal predict(Features features);
}
