package io.github.quantfolio.core.internal;

/**
 * Parses decimal text to a double with the same result as {@link Double#parseDouble(String)}
 * (correctly rounded), without allocating on the common path.
 *
 * <ol>
 *   <li>Clinger's fast path (Clinger 1990, "How to read floating point numbers accurately"): when
 *       the decimal significand fits in 53 bits and the decimal exponent is within [-22, 22],
 *       {@code m x 10^e} (or {@code m / 10^-e}) is one correctly rounded IEEE operation on two
 *       exactly representable values.
 *   <li>Otherwise, for significands of up to 19 digits, the Eisel-Lemire algorithm (Lemire 2021,
 *       "Number parsing at a gigabyte per second", Software: Practice and Experience 51(8); shown
 *       to need no fallback for binary64 by Mushtak and Lemire 2023): a 128-bit truncated power of
 *       five times the normalised significand determines the correctly rounded result.
 *   <li>Everything else (more than 19 significant digits, subnormal results, the ambiguous case
 *       guarded below, non-decimal syntax) falls back to the JDK parser.
 * </ol>
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
   * Parses the characters {@code s[start, end)}.
   *
   * @throws NumberFormatException if the text is not a number Java would accept
   */
  public static double parse(char[] s, int start, int end) {
    int i = start;
    if (i >= end) {
      throw new NumberFormatException("empty number");
    }
    boolean negative = false;
    char c = s[i];
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    // Leading zeros are skipped (they only move the decimal point); more than 19 significant
    // digits take the slow path.
    long mantissa = 0;
    int digitsStart = i;
    while (i < end && s[i] == '0') {
      i++;
    }
    int sigStart = i;
    i = digitRunEnd(s, i, end);
    mantissa = accumulate(mantissa, s, sigStart, i);
    int significant = i - sigStart;
    boolean sawDigit = i > digitsStart;
    int fracDigits = 0;
    if (i < end && s[i] == '.') {
      i++;
      int fracStart = i;
      if (significant == 0) {
        while (i < end && s[i] == '0') {
          i++;
        }
      }
      int fracSigStart = i;
      i = digitRunEnd(s, i, end);
      mantissa = accumulate(mantissa, s, fracSigStart, i);
      significant += i - fracSigStart;
      fracDigits = i - fracStart;
      sawDigit |= fracDigits > 0;
    }
    int scale = -fracDigits;
    if (significant > 19) {
      return slow(s, start, end);
    }
    if (!sawDigit) {
      return slow(s, start, end);
    }
    if (i < end) {
      c = s[i];
      if (c != 'e' && c != 'E') {
        return slow(s, start, end);
      }
      i++;
      boolean expNegative = false;
      if (i < end && (s[i] == '-' || s[i] == '+')) {
        expNegative = s[i] == '-';
        i++;
      }
      int exp = 0;
      int expDigits = 0;
      for (; i < end; i++) {
        c = s[i];
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
    } else if (mantissa > 0 && mantissa <= MAX_EXACT && scale >= -22 && scale <= 22) {
      value = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
    } else {
      long bits = eiselLemire(mantissa, scale);
      if (bits < 0) {
        return slow(s, start, end);
      }
      value = Double.longBitsToDouble(bits);
    }
    return negative ? -value : value;
  }

  /** The end of the run of ASCII digits starting at {@code i}. */
  private static int digitRunEnd(char[] s, int i, int end) {
    while (i < end && (char) (s[i] - '0') <= 9) { // chars below '0' wrap to large values
      i++;
    }
    return i;
  }

  /**
   * {@code m} followed by the digits {@code s[a, b)}. Four digits per step shorten the
   * multiply-add dependency chain that bounds digit-by-digit parsing.
   */
  private static long accumulate(long m, char[] s, int a, int b) {
    int i = a;
    for (; i + 4 <= b; i += 4) {
      m = m * 10_000 + ((s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10
          + (s[i + 3] - '0'));
    }
    for (; i < b; i++) {
      m = m * 10 + (s[i] - '0');
    }
    return m;
  }

  private static final int MIN_Q = -342;
  private static final int MAX_Q = 308;
  /** 128-bit truncated 5^q, normalised (top bit set): [2k] high word, [2k+1] low word. */
  private static final long[] POW5_128 = powersOfFive();

  private static long[] powersOfFive() {
    long[] t = new long[2 * (MAX_Q - MIN_Q + 1)];
    java.math.BigInteger two128 = java.math.BigInteger.ONE.shiftLeft(128);
    java.math.BigInteger five = java.math.BigInteger.valueOf(5);
    for (int q = MIN_Q; q <= MAX_Q; q++) {
      java.math.BigInteger c;
      if (q < 0) {
        // 2^b / 5^-q rounded up, b chosen so the quotient has at least 128 bits, then truncated.
        java.math.BigInteger p5 = five.pow(-q);
        int z = p5.bitLength();
        int b = q >= -27 ? z + 127 : 2 * z + 128;
        c = java.math.BigInteger.ONE.shiftLeft(b).divide(p5).add(java.math.BigInteger.ONE);
        while (c.compareTo(two128) >= 0) {
          c = c.shiftRight(1);
        }
      } else {
        c = five.pow(q);
        int shift = 128 - c.bitLength();
        c = shift >= 0 ? c.shiftLeft(shift) : c.shiftRight(-shift);
      }
      int k = 2 * (q - MIN_Q);
      t[k] = c.shiftRight(64).longValue();
      t[k + 1] = c.longValue();
    }
    return t;
  }

  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /**
   * The bits of the positive double nearest to {@code w x 10^q} ({@code w} an unsigned decimal
   * significand of at most 19 digits, not 0), or -1 where the caller must use the slow path.
   */
  static long eiselLemire(long w, int q) {
    if (q < MIN_Q) {
      return -1; // underflow to zero or subnormal: rare in data, leave to the JDK
    }
    if (q > MAX_Q) {
      return Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
    }
    int lz = Long.numberOfLeadingZeros(w);
    w <<= lz;
    int k = 2 * (q - MIN_Q);
    long lo = w * POW5_128[k];
    long hi = unsignedMultiplyHigh(w, POW5_128[k]);
    final long mask = 0x1FFL; // 64 - 52 - 3 = 9 bits below the 55 that matter
    if ((hi & mask) == mask) {
      long lo2hi = unsignedMultiplyHigh(w, POW5_128[k + 1]);
      long sum = lo + lo2hi;
      if (Long.compareUnsigned(sum, lo) < 0) {
        hi++;
      }
      lo = sum;
      if ((hi & mask) == mask && lo == -1L) {
        return -1; // cannot decide from 128 bits (proved not to happen; kept as a guard)
      }
    }
    int upperBit = (int) (hi >>> 63);
    int shift = upperBit + 9;
    long mantissa = hi >>> shift;
    // floor(log2(10^q)) + 63 via the fixed-point constant 217706 / 2^16 ~ log2(10).
    int power2 = (int) (((217706L * q) >> 16) + 63 + upperBit - lz + 1023);
    if (power2 <= 0) {
      return -1; // subnormal
    }
    // Round half to even: exactly halfway only if the discarded bits are exactly ...1000.
    if (Long.compareUnsigned(lo, 1) <= 0 && q >= -4 && q <= 23 && (mantissa & 3) == 1
        && (mantissa << shift) == hi) {
      mantissa &= ~1L;
    }
    mantissa += mantissa & 1;
    mantissa >>>= 1;
    if (mantissa >= (2L << 52)) {
      mantissa = 1L << 52;
      power2++;
    }
    mantissa &= ~(1L << 52);
    if (power2 >= 0x7FF) {
      return Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
    }
    return mantissa | ((long) power2 << 52);
  }

  /** Parses a whole string; see {@link #parse(char[], int, int)}. */
  public static double parse(String s) {
    return parse(s.toCharArray(), 0, s.length());
  }

  private static double slow(char[] s, int start, int end) {
    String text = new String(s, start, end - start);
    // Double.parseDouble accepts trailing 'd'/'f' and hex floats; a price file should not.
    char last = text.charAt(text.length() - 1);
    if (last == 'd' || last == 'D' || last == 'f' || last == 'F' || text.indexOf('x') >= 0
        || text.indexOf('X') >= 0 || text.trim().length() != text.length()) {
      throw new NumberFormatException("not a decimal number: '" + text + "'");
    }
    return Double.parseDouble(text);
  }
}
