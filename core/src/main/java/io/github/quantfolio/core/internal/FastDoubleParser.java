package io.github.quantfolio.core.internal;

/**
 * Parses decimal text to a double with the same result as {@link Double#parseDouble(String)}
 * (correctly rounded), without allocating on the common path.
 *
 * <p>Fast path (Clinger 1990, "How to read floating point numbers accurately"): when the decimal
 * significand fits in 53 bits, and the decimal exponent is within
 * [-22, 22], then {@code m x 10^e} (or {@code m / 10^-e}) is one correctly rounded IEEE operation
 * on two exactly representable values. Everything else falls back to the JDK parser.
 */
public final class FastDoubleParser {

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };
  private static final long MAX_EXACT = 1L << 53;

  private FastDoubleParser() {
  }

  /**
   * Parses {@code s[start, end)}.
   *
   * @throws NumberFormatException if the text is not a number Java would accept
   */
  public static double parse(CharSequence s, int start, int end) {
    int i = start;
    if (i >= end) {
      throw new NumberFormatException("empty number");
    }
    boolean negative = false;
    char c = s.charAt(i);
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int scale = 0;
    boolean sawDigit = false;
    boolean sawDot = false;
    for (; i < end; i++) {
      c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        sawDigit = true;
        if (mantissa == 0 && c == '0') {
          if (sawDot) {
            scale--;
          }
          continue;
        }
        if (digits >= 18) {
          return slow(s, start, end);
        }
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (sawDot) {
          scale--;
        }
      } else if (c == '.' && !sawDot) {
        sawDot = true;
      } else {
        break;
      }
    }
    if (!sawDigit) {
      return slow(s, start, end);
    }
    if (i < end) {
      c = s.charAt(i);
      if (c != 'e' && c != 'E') {
        return slow(s, start, end);
      }
      i++;
      boolean expNegative = false;
      if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        expNegative = s.charAt(i) == '-';
        i++;
      }
      int exp = 0;
      int expDigits = 0;
      for (; i < end; i++) {
        c = s.charAt(i);
        if (c < '0' || c > '9' || expDigits > 5) {
          return slow(s, start, end);
        }
        exp = exp * 10 + (c - '0');
        expDigits++;
      }
      if (expDigits == 0) {
        return slow(s, start, end);
      }
      scale += expNegative ? -exp : exp;
    }
    double value;
    if (mantissa == 0) {
      value = 0.0;
    } else if (mantissa <= MAX_EXACT && scale >= -22 && scale <= 22) {
      value = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
    } else {
      return slow(s, start, end);
    }
    return negative ? -value : value;
  }

  /** Parses a whole string; see {@link #parse(CharSequence, int, int)}. */
  public static double parse(String s) {
    return parse(s, 0, s.length());
  }

  private static double slow(CharSequence s, int start, int end) {
    String text = s.subSequence(start, end).toString();
    // Double.parseDouble accepts trailing 'd'/'f' and hex floats; a price file should not.
    char last = text.charAt(text.length() - 1);
    if (last == 'd' || last == 'D' || last == 'f' || last == 'F' || text.indexOf('x') >= 0
        || text.indexOf('X') >= 0 || text.trim().length() != text.length()) {
      throw new NumberFormatException("not a decimal number: '" + text + "'");
    }
    return Double.parseDouble(text);
  }
}
