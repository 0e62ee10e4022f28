package io.github.quantfolio.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain-text tables for {@code toString()} in JShell: first column left-aligned, the others
 * right-aligned, columns separated by two spaces.
 *
 * <p>Cells are text, or numbers made by {@link #fixed}, {@link #nonZero} or {@link #significant},
 * whose notation is chosen for their whole column when the table is rendered, so that a column
 * never mixes {@code 0.0006} with {@code 6.3812e-05}: fixed notation for ordinary magnitudes,
 * scientific notation ({@code 1.0000e+308}, {@code 2.0000e-300}) for the whole column when fixed
 * notation would print a number of 16 or more integer digits, or print the column's values as
 * zeros although they are not (a price of 1e-300 as {@code 0.0000}, which reads as the invalid
 * price 0). {@link #num} formats a single number the same way, without a column to agree with.
 */
public final class TextTable {

  /** From this magnitude on, fixed notation prints 16+ integer digits (beyond double's 15.9). */
  static final double LARGE = 1e15;

  private enum Style {
    /** Fixed with the cell's decimals; the column goes scientific if its largest value shows as 0. */
    FIXED,
    /** As FIXED, and the column goes scientific if any nonzero value shows as 0. */
    NON_ZERO,
    /** About n significant digits for the column's largest value, any nonzero value visible. */
    SIGNIFICANT
  }

  /**
   * A number cell (see the class documentation); make one with {@link #fixed}, {@link #nonZero}
   * or {@link #significant}. Its {@code toString()} is its notation on its own.
   */
  public static final class Num {
    private final double value;
    private final int digits;
    private final Style style;

    private Num(double value, int digits, Style style) {
      if (digits < 0 || digits > 20) {
        throw new IllegalArgumentException("Expected 0 <= digits <= 20, but found " + digits);
      }
      this.value = value;
      this.digits = digits;
      this.style = style;
    }

    @Override
    public String toString() {
      return format(new Num[] {this})[0];
    }
  }

  private final List<Object[]> rows = new ArrayList<>();
  private final List<Boolean> notes = new ArrayList<>();
  private final int width;

  public TextTable(String... header) {
    this.width = header.length;
    rows.add(header.clone());
    notes.add(false);
  }

  /** Adds a row of text cells; it must have as many cells as the header. */
  public TextTable row(String... cells) {
    return row((Object[]) cells);
  }

  /**
   * Adds a row of cells, each a {@code String} or a {@link Num}; it must have as many cells as
   * the header.
   */
  public TextTable row(Object... cells) {
    if (cells.length != width) {
      throw new IllegalArgumentException("Expected " + width + " cells, but found " + cells.length);
    }
    for (Object c : cells) {
      if (!(c instanceof String || c instanceof Num)) {
        throw new IllegalArgumentException("A cell is a String or a TextTable.Num, but found " + c);
      }
    }
    rows.add(cells.clone());
    notes.add(false);
    return this;
  }

  /** Adds a row whose text spans the table (e.g. "... 2510 more rows"). */
  public TextTable note(String text) {
    rows.add(new Object[] {text});
    notes.add(true);
    return this;
  }

  /** Renders the table, one line per row, each line ending with a newline. */
  public String render() {
    String[][] text = new String[rows.size()][];
    for (int r = 0; r < rows.size(); r++) {
      text[r] = notes.get(r) ? null : new String[width];
    }
    for (int c = 0; c < width; c++) {
      List<Integer> at = new ArrayList<>();
      List<Num> nums = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        if (text[r] == null) {
          continue;
        }
        Object cell = rows.get(r)[c];
        if (cell instanceof Num n) {
          at.add(r);
          nums.add(n);
        } else {
          text[r][c] = (String) cell;
        }
      }
      String[] formatted = format(nums.toArray(new Num[0]));
      for (int j = 0; j < formatted.length; j++) {
        text[at.get(j)][c] = formatted[j];
      }
    }
    int[] w = new int[width];
    for (String[] r : text) {
      if (r == null) {
        continue; // notes do not widen columns
      }
      for (int c = 0; c < width; c++) {
        w[c] = Math.max(w[c], r[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length; i++) {
      String[] r = text[i];
      if (r == null) {
        sb.append((String) rows.get(i)[0]).append('\n');
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

  // ------------------------------------------------------------------------------ number cells

  /**
   * A number with {@code decimals} places, or in scientific notation with the rest of its column
   * when the column's largest magnitude is {@code >= 1e15} or would print as 0 (weights, returns,
   * values: a tiny value among ordinary ones prints as 0.000000, rounded like any other). NaN
   * prints as "NaN".
   */
  public static Num fixed(double v, int decimals) {
    return new Num(v, decimals, Style.FIXED);
  }

  /**
   * As {@link #fixed}, for a quantity that is never 0 (prices): the column goes scientific when
   * any nonzero value would print as 0 (a valid price of 1e-300 never shows as {@code 0.0000}).
   */
  public static Num nonZero(double v, int decimals) {
    return new Num(v, decimals, Style.NON_ZERO);
  }

  /**
   * A statistic shown with about {@code significant} significant digits for its column's largest
   * magnitude M: {@code max(2, significant - d)} decimals for the whole column, d the number of
   * integer digits of M (1 below 1), or scientific notation with {@code significant} digits for
   * the whole column when M is below 1e-4 or at least 1e9, or a nonzero value would print as 0.
   * NaN prints as "NaN".
   */
  public static Num significant(double v, int significant) {
    if (significant < 1) {
      throw new IllegalArgumentException("Expected significant >= 1, but found " + significant);
    }
    return new Num(v, significant, Style.SIGNIFICANT);
  }

  /** The column's notation for its number cells (all of one style in practice). */
  private static String[] format(Num[] cells) {
    double max = 0;
    boolean sci = false;
    for (Num n : cells) {
      double a = Math.abs(n.value);
      if (a <= Double.MAX_VALUE) {
        max = Math.max(max, a);
        if (n.style == Style.NON_ZERO && a != 0 && showsAsZero(a, n.digits)) {
          sci = true;
        }
      }
    }
    int sigDecimals = 0;
    for (Num n : cells) {
      switch (n.style) {
        case FIXED, NON_ZERO -> sci |= max >= LARGE || max > 0 && showsAsZero(max, n.digits);
        case SIGNIFICANT -> {
          int intDigits = max < 1 ? 1 : (int) Math.floor(Math.log10(max)) + 1;
          sigDecimals = Math.max(2, n.digits - intDigits);
          sci |= max > 0 && (max < 1e-4 || max >= 1e9);
          double a = Math.abs(n.value);
          sci |= a != 0 && a <= Double.MAX_VALUE && showsAsZero(a, sigDecimals);
        }
        default -> throw new AssertionError(n.style);
      }
    }
    String[] out = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      Num n = cells[i];
      if (!Double.isFinite(n.value)) {
        out[i] = Double.toString(n.value);
      } else if (sci) {
        int mantissa = n.style == Style.SIGNIFICANT ? n.digits - 1 : 4;
        out[i] = String.format(Locale.ROOT, "%." + mantissa + "e", n.value);
      } else {
        int d = n.style == Style.SIGNIFICANT ? sigDecimals : n.digits;
        out[i] = String.format(Locale.ROOT, "%." + d + "f", n.value);
      }
    }
    return out;
  }

  /** Whether {@code a > 0} prints as 0 (or -0) with {@code decimals} places. */
  private static boolean showsAsZero(double a, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", a);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= '1' && ch <= '9') {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------- single numbers

  /**
   * A number on its own (in a sentence, or a table cell made as text) with {@code decimals}
   * places; scientific notation ({@code 1.0000e+300}) from 1e15 on, where fixed notation would
   * print 16 or more integer digits. NaN prints as "NaN". A tiny value prints as 0 (on its own,
   * a weight of 1e-17 and a price of 1e-300 cannot be told apart): table cells should rather be
   * {@link #fixed} or {@link #nonZero}, whose notation agrees with their column and which keep
   * values that matter from printing as 0.
   */
  public static String num(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (Math.abs(v) >= LARGE) {
      return String.format(Locale.ROOT, "%.4e", v);
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
