package io.github.quantfolio.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain-text tables for {@code toString()} in JShell: first column left-aligned, the others
 * right-aligned, columns separated by two spaces.
 */
public final class TextTable {

  private final List<String[]> rows = new ArrayList<>();
  private final int width;

  public TextTable(String... header) {
    this.width = header.length;
    rows.add(header);
  }

  /** Adds a row; it must have as many cells as the header. */
  public TextTable row(String... cells) {
    if (cells.length != width) {
      throw new IllegalArgumentException("Expected " + width + " cells, but found " + cells.length);
    }
    rows.add(cells);
    return this;
  }

  /** Adds a row whose text spans the table (e.g. "... 2510 more rows"). */
  public TextTable note(String text) {
    String[] r = new String[width];
    r[0] = text;
    rows.add(r);
    return this;
  }

  /** Renders the table, one line per row, each line ending with a newline. */
  public String render() {
    int[] w = new int[width];
    for (String[] r : rows) {
      if (r[r.length - 1] == null && r.length > 1) {
        continue; // notes do not widen columns
      }
      for (int c = 0; c < width; c++) {
        w[c] = Math.max(w[c], r[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      if (r.length > 1 && r[r.length - 1] == null) {
        sb.append(r[0]).append('\n');
        continue;
      }
      for (int c = 0; c < width; c++) {
        if (c > 0) {
          sb.append("  ");
        }
        pad(sb, r[c], w[c], c > 0);
      }
      int end = sb.length();
      while (end > 0 && sb.charAt(end - 1) == ' ') {
        end--;
      }
      sb.setLength(end);
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void pad(StringBuilder sb, String s, int width, boolean right) {
    if (right) {
      sb.append(" ".repeat(width - s.length())).append(s);
    } else {
      sb.append(s).append(" ".repeat(width - s.length()));
    }
  }

  /** A number with {@code decimals} places; NaN prints as "NaN". */
  public static String num(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /**
   * A number with about {@code significant} significant digits and at least two decimals:
   * fixed notation for magnitudes in [1e-4, 1e9), scientific otherwise.
   */
  public static String auto(double v, int significant) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-4 || a >= 1e9)) {
      return String.format(Locale.ROOT, "%." + (significant - 1) + "e", v);
    }
    int intDigits = a < 1 ? 1 : (int) Math.floor(Math.log10(a)) + 1;
    int decimals = Math.max(2, significant - intDigits);
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
