package io.github.quantfolio.trading;

import io.github.quantfolio.core.adapters.Features;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of a {@link TrainingSet}: the features of a symbol as of bar {@code t} and the label,
 * the simple forward return over the set's horizon h, {@code close[t + h] / close[t] - 1}, whose
 * <em>label window</em> is the bars {@code (t, t + h]}, i.e. the instants
 * {@code (asOf, labelEnd]}.
 *
 * @param features the features as of bar {@code t}, every value finite (not null)
 * @param bar t, the position of the as-of bar in the symbol's bars, {@code >= 0}
 * @param labelEnd the instant of bar {@code t + h}, after {@code features.asOf()} (not null)
 * @param labelEndBar {@code t + h}, greater than {@code bar}
 * @param forwardReturn {@code close[t + h] / close[t] - 1}, finite
 * @since 0.1.0
 */
public record TrainingRow(Features features, int bar, Instant labelEnd, int labelEndBar,
    double forwardReturn) {

  /**
   * Validates the fields (see the record description).
   *
   * @param features the features as of bar t, every value finite
   * @param bar t, {@code >= 0}
   * @param labelEnd the instant of bar t + h, after the as-of instant
   * @param labelEndBar t + h, {@code > bar}
   * @param forwardReturn the forward return, finite
   */
  public TrainingRow {
    Objects.requireNonNull(features, "TrainingRow: features must not be null");
    Objects.requireNonNull(labelEnd, "TrainingRow: labelEnd must not be null");
    String what = "TrainingRow of '" + features.symbol() + "' as of " + features.asOf();
    for (double v : features.values()) {
      if (v != v) {
        throw new IllegalArgumentException(what + ": features must be complete, but found "
            + features);
      }
    }
    if (bar < 0 || labelEndBar <= bar) {
      throw new IllegalArgumentException(what + ": expected 0 <= bar < labelEndBar, but found bar "
          + bar + ", labelEndBar " + labelEndBar);
    }
    if (!labelEnd.isAfter(features.asOf())) {
      throw new IllegalArgumentException(what + ": labelEnd " + labelEnd
          + " must be after the as-of instant");
    }
    if (!Double.isFinite(forwardReturn)) {
      throw new IllegalArgumentException(what + ": expected a finite forwardReturn, but found "
          + forwardReturn);
    }
  }

  /**
   * The symbol of the features.
   *
   * @return the symbol
   */
  public String symbol() {
    return features.symbol();
  }

  /**
   * The as-of instant of the features.
   *
   * @return the as-of instant
   */
  public Instant asOf() {
    return features.asOf();
  }

  /**
   * The class label: up when the forward return is {@code > 0}, down otherwise (a zero return is
   * down: holding gained nothing).
   *
   * @return whether the forward return is positive
   */
  public boolean up() {
    return forwardReturn > 0;
  }
}
