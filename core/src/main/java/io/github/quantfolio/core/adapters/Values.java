package io.github.quantfolio.core.adapters;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Field checks shared by the adapter records. Every message starts with the value it is about
 * ({@code what}: e.g. {@code "Order 'c-17' (BUY 'AAPL')"}, {@code "Quote of 'AAPL'"}), then names
 * the field and the offending value.
 */
final class Values {

  private Values() {
  }

  /** A non-null, non-blank text field. */
  static String text(String s, String what, String field) {
    Objects.requireNonNull(s, () -> what + ": " + field + " must not be null");
    if (s.isBlank()) {
      throw new IllegalArgumentException(what + ": " + field + " must not be blank, but is '" + s
          + "'");
    }
    return s;
  }

  /** A non-null field. */
  static <T> T notNull(T value, String what, String field) {
    return Objects.requireNonNull(value, () -> what + ": " + field + " must not be null");
  }

  /** A finite value {@code > 0}. */
  static double positive(double v, String what, String field) {
    if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(what + ": expected finite " + field + " > 0, but found "
          + v);
    }
    return v;
  }

  /** A finite value. */
  static double finite(double v, String what, String field) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(what + ": expected finite " + field + ", but found " + v);
    }
    return v;
  }

  /** {@code lo <= v <= hi}. */
  static double inRange(double v, double lo, double hi, String what, String field) {
    if (!(v >= lo && v <= hi)) {
      throw new IllegalArgumentException(what + ": expected " + lo + " <= " + field + " <= " + hi
          + ", but found " + v);
    }
    return v;
  }

  /** A product of two finite fields (a notional value) that must be finite. */
  static void finiteProduct(double a, String aName, double b, String bName, String what) {
    if (!Double.isFinite(a * b)) {
      throw new IllegalArgumentException(what + ": " + aName + " x " + bName + " = " + a + " x "
          + b + " overflows the range of double");
    }
  }

  /** Not empty, no null, blank or duplicate name; an unmodifiable copy. */
  static List<String> names(List<String> names, String what) {
    notNull(names, what, "names");
    if (names.isEmpty()) {
      throw new IllegalArgumentException(what + ": names must hold at least one feature name");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      text(n, what, "names[" + i + "]");
      if (!seen.add(n)) {
        throw new IllegalArgumentException(what + ": duplicate feature name '" + n + "'");
      }
    }
    return List.copyOf(names);
  }

  static double confidence(double c, String what) {
    return inRange(c, 0, 1, what, "confidence");
  }
}
