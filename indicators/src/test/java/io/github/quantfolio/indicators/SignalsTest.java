package io.github.quantfolio.indicators;

import static io.github.quantfolio.indicators.Series.NaN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import org.junit.jupiter.api.Test;

/** Strategy conditions: against their formulas built from TA-Lib's indicators, and by hand. */
class SignalsTest {

  @Test
  void momentumEntryIsItsFormula() {
    Bars b = Series.bars(31, 2520);
    double[] c = b.close();
    double[] sma20 = TaLib.sma(c, 20);
    double[] sma50 = TaLib.sma(c, 50);
    double[] rsi = TaLib.rsi(c, 14);
    double[][] macd = TaLib.macd(c, 12, 26, 9);
    double[] roc = TaLib.roc(c, 5);
    boolean[] expected = new boolean[c.length];
    for (int t = 0; t < c.length; t++) {
      expected[t] = sma20[t] > sma50[t] && c[t] > sma20[t] && rsi[t] < 70
          && macd[0][t] > macd[1][t] && roc[t] > 2;
    }
    boolean[] actual = Signals.momentumEntry(c);
    assertArrayEquals(expected, actual);
    int fired = Signals.count(actual);
    System.out.println("momentum entry: " + fired + " of " + c.length + " bars, "
        + Signals.count(Signals.onset(actual)) + " entries");
    assertTrue(fired > 0 && fired < c.length / 2, "a condition that fires sometimes: " + fired);
  }

  @Test
  void meanReversionEntryIsItsFormula() {
    Bars b = Series.bars(32, 2520);
    double[] c = b.close();
    double[] lower = TaLib.bbands(c, 20, 2)[2];
    double[] rsi = TaLib.rsi(c, 14);
    boolean[] expected = new boolean[c.length];
    for (int t = 0; t < c.length; t++) {
      expected[t] = c[t] <= lower[t] && rsi[t] < 30;
    }
    boolean[] actual = Signals.meanReversionEntry(c);
    assertArrayEquals(expected, actual);
    System.out.println("mean-reversion entry: " + Signals.count(actual) + " of " + c.length);
    assertTrue(Signals.count(actual) > 0);
  }

  @Test
  void donchianBreakoutComparesWithThePreviousChannel() {
    double[] h = {10, 11, 12, 11, 13};
    double[] l = {9, 10, 11, 9, 12};
    double[] c = {9.5, 10.5, 11.5, 10, 12.8};
    // upper(2): t1 11, t2 12, t3 12, t4 13. Up: t2 11.5 > 11; t3 10 > 12 no; t4 12.8 > 12.
    assertArrayEquals(new boolean[] {false, false, true, false, true},
        Signals.donchianBreakoutUp(h, l, c, 2));
    // lower(2): t1 9, t2 10, t3 9, t4 9. Down: t2 11.5 < 9 no; t3 10 < 10 no; t4 12.8 < 9 no.
    assertArrayEquals(new boolean[] {false, false, false, false, false},
        Signals.donchianBreakoutDown(h, l, c, 2));
    // t3 close 8.5 (low 8) < lower(t2) = 10; t4 12.8 < lower(t3) = 8 no
    c[3] = 8.5;
    l[3] = 8;
    assertArrayEquals(new boolean[] {false, false, false, true, false},
        Signals.donchianBreakoutDown(h, l, c, 2));
  }

  @Test
  void combinators() {
    double[] a = {1, 2, NaN, 4};
    double[] b = {2, 1, 1, 1};
    assertArrayEquals(new boolean[] {false, true, false, true}, Signals.above(a, b));
    assertArrayEquals(new boolean[] {true, false, false, false}, Signals.below(a, b));
    assertArrayEquals(new boolean[] {false, false, false, true}, Signals.above(a, 3));
    assertArrayEquals(new boolean[] {true, false, false, false}, Signals.below(a, 2));
    boolean[] x = {true, true, false, true};
    boolean[] y = {false, true, true, true};
    assertArrayEquals(new boolean[] {false, true, false, true}, Signals.all(x, y));
    assertArrayEquals(new boolean[] {true, true, true, true}, Signals.any(x, y));
    assertArrayEquals(new boolean[] {true, false, false, true}, Signals.onset(x));
    assertEquals(3, Signals.count(x));
    assertEquals("all: conditions[1] has 1 values but conditions[0] has 4; conditions must have "
        + "the same length", assertThrows(IllegalArgumentException.class,
            () -> Signals.all(x, new boolean[1])).getMessage());
  }

  /**
   * A bad input of a composite signal is reported under the signal's name, not under the name of
   * whichever indicator inside it met it first (it used to say "sma: x[3] is Infinity").
   */
  @Test
  void compositeSignalsNameThemselves() {
    double[] c = new double[60];
    java.util.Arrays.fill(c, 100);
    c[3] = Double.POSITIVE_INFINITY;
    assertEquals("momentumEntry: close[3] is Infinity; indicator inputs must be finite, or NaN for a "
        + "missing value", assertThrows(IllegalArgumentException.class,
            () -> Signals.momentumEntry(c)).getMessage());
    assertEquals("meanReversionEntry: close[3] is Infinity; indicator inputs must be finite, or NaN "
        + "for a missing value", assertThrows(IllegalArgumentException.class,
            () -> Signals.meanReversionEntry(c)).getMessage());
    // a bad period, and an indicator's arithmetic failure inside the signal, are reported under
    // the signal's name too (they said "donchian: expected n >= 1" and "roc: ...")
    double[] x = {1, 2, 3};
    assertEquals("donchianBreakoutUp: expected n >= 1, but found 0", assertThrows(
        IllegalArgumentException.class, () -> Signals.donchianBreakoutUp(x, x, x, 0)).getMessage());
    assertEquals("donchianBreakoutDown: expected n >= 1, but found -1", assertThrows(
        IllegalArgumentException.class, () -> Signals.donchianBreakoutDown(x, x, x, -1))
        .getMessage());
    double[] fromZero = new double[60];
    java.util.Arrays.fill(fromZero, 100);
    fromZero[10] = 0;
    assertEquals("momentumEntry: roc: the rate of change at index 15 is undefined: x[10] is 0 (the "
        + "rate of change is meant for prices, which are > 0)", assertThrows(
            ArithmeticException.class, () -> Signals.momentumEntry(fromZero)).getMessage());
    double[] wide = {1e300, -1e300};
    assertEquals("meanReversionEntry: bollinger: a band overflows the range of double at index 1 "
        + "(mean = 0.0, deviation = 1.0E300); the inputs are too large in magnitude for this "
        + "indicator", assertThrows(ArithmeticException.class,
            () -> Signals.meanReversionEntry(wide, 2, 1e10, 1, 30)).getMessage());
  }
}
