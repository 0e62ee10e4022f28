package io.github.quantfolio.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The fast parser must give the JDK's correctly rounded result bit for bit. */
class FastDoubleParserTest {

  private static void same(String s) {
    assertEquals(Double.doubleToLongBits(Double.parseDouble(s)),
        Double.doubleToLongBits(FastDoubleParser.parse(s)), s);
  }

  @Test
  void hardCases() {
    // 2^53 + 1 and 2^53 + 3 lie exactly halfway between doubles: ties round to even.
    same("9007199254740993");
    same("9007199254740995");
    same("9007199254740993.0");
    // Extremes of the normal range, subnormals (slow path), overflow and underflow.
    same("1.7976931348623157e308");
    same("1.7976931348623159e308");
    same("2.2250738585072014E-308");
    same("2.2250738585072011e-308");
    same("4.9e-324");
    same("1e-400");
    same("1e400");
    same("0.1");
    same("0.30000000000000004");
    same("123456789012345678"); // 18 digits, Eisel-Lemire
    same("1234567890123456789"); // 19 digits
    same("12345678901234567890"); // 20 digits: slow path
    same("-0.0");
    same("00000.000012345");
    same("7.2057594037927933e16"); // 2^56 + 1/2 ulp neighbourhood
  }

  @Test
  void rejectsNonDecimalSyntax() {
    for (String s : new String[] {"", "-", ".", "1.5f", "1d", "0x1p3", "1e", "1e+", "abc", " 1"}) {
      assertThrows(NumberFormatException.class, () -> FastDoubleParser.parse(s), s);
    }
  }

  @Property(tries = 20000)
  void agreesOnRandomBitPatterns(@ForAll long bits) {
    double x = Double.longBitsToDouble(bits);
    if (Double.isFinite(x)) {
      same(Double.toString(x));
      same(new BigDecimal(x).round(new java.math.MathContext(17)).toString());
    }
  }

  @Property(tries = 20000)
  void agreesOnLongSignificandsAcrossAllExponents(@ForAll @IntRange(min = 15, max = 19) int digits,
      @ForAll @IntRange(min = -345, max = 310) int exp, @ForAll long seed) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder();
    sb.append((char) ('1' + rnd.nextInt(9)));
    for (int i = 1; i < digits; i++) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    same(sb + "e" + exp);
    same(sb.insert(1, '.') + "e" + exp);
  }

  @Property(tries = 5000)
  void agreesNearHalfwayPoints(@ForAll long bits) {
    double x = Math.abs(Double.longBitsToDouble(bits));
    if (!Double.isFinite(x) || x == 0 || x >= Double.MAX_VALUE) {
      return;
    }
    // The exact midpoint to the next double, and values one unit away in the 19th digit.
    BigDecimal mid = new BigDecimal(x).add(new BigDecimal(Math.nextUp(x))).divide(BigDecimal.valueOf(2));
    java.math.MathContext mc = new java.math.MathContext(19);
    same(mid.round(mc).toString());
    same(mid.round(new java.math.MathContext(19, java.math.RoundingMode.UP)).toString());
    same(mid.round(new java.math.MathContext(19, java.math.RoundingMode.DOWN)).toString());
  }
}
