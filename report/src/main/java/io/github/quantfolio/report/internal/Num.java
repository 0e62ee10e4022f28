package io.github.quantfolio.report.internal;

import java.util.Locale;

/** Locale-independent number formatting for coordinates, tick labels and tables. */
public final class Num {

  private Num() {
  }

  /**
   * Appends {@code v} with one decimal (".0" dropped), fast and independent of the locale.
   *
   * @param sb where to append
   * @param v a finite value
   */
  public static void coord(StringBuilder sb, double v) {
    long t = Math.round(v * 10);
    if (Math.abs(v) > 1e15 || !Double.isFinite(v)) {
      sb.append(String.format(Locale.ROOT, "%.1f", v));
      return;
    }
    if (t < 0) {
      sb.append('-');
      t = -t;
    }
    sb.append(t / 10);
    long d = t % 10;
    if (d != 0) {
      sb.append('.').append(d);
    }
  }

  /**
   * {@code v} with {@code decimals} decimals in {@link Locale#ROOT}; NaN as "-", infinities as
   * "inf" / "-inf"; -0 printed as 0.
   *
   * @param v the value
   * @param decimals 0..10
   * @return the text
   */
  public static String fixed(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (Math.abs(v) >= 1e15) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return isNegativeZero(s) ? s.substring(1) : s;
  }

  private static boolean isNegativeZero(String s) {
    if (!s.startsWith("-")) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '0' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /**
   * A fraction as percent with {@code decimals} decimals, e.g. 0.1234 -> "12.34%".
   *
   * @param fraction the value
   * @param decimals 0..10
   * @return the text ("-" for NaN)
   */
  public static String percent(double fraction, int decimals) {
    if (Double.isNaN(fraction)) {
      return "-";
    }
    return fixed(100 * fraction, decimals) + "%";
  }

  /**
   * A tick label for a value on an axis whose ticks are {@code step} apart: enough decimals to
   * tell ticks apart, scientific notation for very large or very small magnitudes.
   *
   * @param v the value
   * @param step the tick spacing, &gt; 0
   * @return the label
   */
  public static String tick(double v, double step) {
    double a = Math.max(Math.abs(v), step);
    if (a >= 1e7 || step < 1e-5) {
      if (v == 0) {
        return "0";
      }
      return String.format(Locale.ROOT, "%.3g", v).replace("e+0", "e").replace("e+", "e")
          .replace("e-0", "e-");
    }
    int d = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
    double mant = step / Math.pow(10, Math.floor(Math.log10(step)));
    if (Math.abs(mant - 2.5) < 1e-6 && step < 1) {
      d++;
    } else if (Math.abs(mant - 2.5) < 1e-6 && step < 10 && step >= 1) {
      d = 1;
    }
    return fixed(v, Math.min(d, 10));
  }

  /**
   * Escapes text for XML and HTML content and attribute values.
   *
   * @param s the text
   * @return the escaped text
   */
  public static String xml(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> c < 0x20 && c != '\n' && c != '\t' ? " " : null;
      };
      if (r != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (r != null) {
          sb.append(r);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }
}
