package io.github.quantfolio.core.adapters;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The input of a {@link SignalModel}: named feature values of one instrument at one time.
 * The values array is copied in and out.
 *
 * @param symbol the instrument (not blank)
 * @param asOf the time the features describe (no information after it may be in them)
 * @param names feature names, unique and not blank (copied)
 * @param values one value per name, finite; NaN marks a missing feature (copied)
 * @since 0.1.0
 */
public record Features(String symbol, Instant asOf, List<String> names, double[] values) {

  /**
   * Validates and copies the fields (see the record description).
   *
   * @param symbol the instrument (not blank)
   * @param asOf the time the features describe (no information after it may be in them)
   * @param names feature names, unique and not blank (copied)
   * @param values one value per name, finite; NaN marks a missing feature (copied)
   */
  public Features {
    Values.text(symbol, "Features", "symbol");
    String what = "Features of '" + symbol + "'";
    Values.notNull(asOf, what, "asOf");
    names = Values.names(names, what);
    Values.notNull(values, what, "values");
    if (values.length != names.size()) {
      throw new IllegalArgumentException(what + ": expected one value per name (" + names.size()
          + "), but found " + values.length + " values");
    }
    values = values.clone();
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        throw new IllegalArgumentException(what + ": feature '" + names.get(i) + "' is "
            + values[i] + "; values must be finite (NaN for a missing feature)");
      }
    }
  }

  /**
   * A copy of the values, in the order of {@link #names()}.
   *
   * @return a copy of the values, in the order of {@link #names()}
   */
  @Override
  public double[] values() {
    return values.clone();
  }

  /**
   * The value of feature {@code name}.
   *
   * @param name a feature name
   * @return the value of feature {@code name}
   * @throws IllegalArgumentException if there is no such feature (the message lists them)
   */
  public double get(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("Features of '" + symbol + "': no feature '" + name
          + "'; features are " + names);
    }
    return values[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Features f && symbol.equals(f.symbol) && asOf.equals(f.asOf)
        && names.equals(f.names) && Arrays.equals(values, f.values);
  }

  @Override
  public int hashCode() {
    return ((symbol.hashCode() * 31 + asOf.hashCode()) * 31 + names.hashCode()) * 31
        + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Features[" + symbol + " @ " + asOf + ", " + names + " = " + Arrays.toString(values) + "]";
  }
}
