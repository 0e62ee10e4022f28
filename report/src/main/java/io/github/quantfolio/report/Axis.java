package io.github.quantfolio.report;

import java.util.List;
import java.util.Objects;

/**
 * One axis of a {@link Chart}: its label (with units, e.g. "Return (%)"), how values map to
 * positions and how ticks are labelled. Immutable; {@code with...} methods return new axes.
 *
 * <ul>
 *   <li>{@link Kind#NUMBER}: linear (or log) values, ticks at nice numbers ({@link Ticks#nice}).
 *   <li>{@link Kind#PERCENT}: values are fractions (0.05), ticks are labelled in percent (5%).
 *   <li>{@link Kind#DATE}: values are days since 1970-01-01 (fractional for intraday), ticks on
 *       calendar boundaries ({@link Ticks#dates}); the axis spans exactly the data.
 *   <li>{@link Kind#CATEGORY}: value {@code i} is the {@code i}-th category; every category is
 *       labelled (thinned when they would overlap), the axis spans {@code -0.5 .. n - 0.5}.
 * </ul>
 *
 * A linear axis always covers its data and {@link #including() the values it must include}
 * (e.g. 0 for bars); it never clips.
 *
 * @param label the axis title with units, not null (may be empty)
 * @param kind the value kind
 * @param logScale whether the scale is base-10 logarithmic (NUMBER and PERCENT only)
 * @param categories the category names (CATEGORY only; else empty)
 * @param including values the axis must cover besides the data (copied)
 * @since 0.1.0
 */
public record Axis(String label, Kind kind, boolean logScale, List<String> categories,
    List<Double> including) {

  /** What the values of an axis are. */
  public enum Kind {
    /** Plain numbers. */
    NUMBER,
    /** Fractions shown as percent. */
    PERCENT,
    /** Days since 1970-01-01. */
    DATE,
    /** Positions of named categories. */
    CATEGORY
  }

  /**
   * Validates and copies.
   *
   * @param label the label
   * @param kind the kind
   * @param logScale whether logarithmic
   * @param categories the categories
   * @param including values to include
   */
  public Axis {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    categories = List.copyOf(categories);
    including = List.copyOf(including);
    if (logScale && (kind == Kind.DATE || kind == Kind.CATEGORY)) {
      throw new IllegalArgumentException("A " + kind + " axis cannot be logarithmic");
    }
    for (Double d : including) {
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("Expected finite values to include, but found " + d);
      }
    }
  }

  /**
   * A linear number axis.
   *
   * @param label the title with units
   * @return the axis
   */
  public static Axis number(String label) {
    return new Axis(label, Kind.NUMBER, false, List.of(), List.of());
  }

  /**
   * A linear axis of fractions labelled in percent.
   *
   * @param label the title with units
   * @return the axis
   */
  public static Axis percent(String label) {
    return new Axis(label, Kind.PERCENT, false, List.of(), List.of());
  }

  /**
   * A date axis (values in days since 1970-01-01).
   *
   * @param label the title
   * @return the axis
   */
  public static Axis dates(String label) {
    return new Axis(label, Kind.DATE, false, List.of(), List.of());
  }

  /**
   * A category axis.
   *
   * @param label the title
   * @param categories the names, value {@code i} being the {@code i}-th (copied)
   * @return the axis
   */
  public static Axis categories(String label, List<String> categories) {
    return new Axis(label, Kind.CATEGORY, false, categories, List.of());
  }

  /**
   * The same axis on a base-10 log scale (only positive values can be drawn).
   *
   * @return the log axis
   */
  public Axis log() {
    return new Axis(label, kind, true, categories, including);
  }

  /**
   * The same axis that also covers {@code value} (e.g. 0 under bars).
   *
   * @param value a finite value
   * @return the axis
   */
  public Axis including(double value) {
    List<Double> l = new java.util.ArrayList<>(including);
    l.add(value);
    return new Axis(label, kind, logScale, categories, l);
  }
}
