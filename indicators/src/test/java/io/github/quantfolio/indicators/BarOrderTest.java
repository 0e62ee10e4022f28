package io.github.quantfolio.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A bar whose finite values break {@code low <= close <= high} (the rule {@code Bars} enforces) is
 * an error in every indicator that reads them, batch and streaming, named with the indicator, the
 * bar and the values; the Donchian channel reads no close and checks {@code low <= high}. A
 * streaming twin that rejects a bar is unchanged by it. (Before the fix, {@code atr},
 * {@code trueRange} and {@code stochastic} returned numbers for such bars.)
 */
class BarOrderTest {

  /** Twenty valid bars around 10 (low <= close <= high). */
  static double[][] bars() {
    double[] h = new double[20];
    double[] l = new double[20];
    double[] c = new double[20];
    double[] v = new double[20];
    for (int i = 0; i < 20; i++) {
      c[i] = 10 + 0.1 * (i % 7);
      h[i] = c[i] + 0.5;
      l[i] = c[i] - 0.5;
      v[i] = 100 + i;
    }
    return new double[][] {h, l, c, v};
  }

  static void iae(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void highBelowLowIsRejectedByEveryBarIndicator() {
    double[][] b = bars();
    double[] h = b[0];
    double[] l = b[1];
    double[] c = b[2];
    double[] v = b[3];
    h[17] = 9.5;
    l[17] = 10.0;
    c[17] = 9.8;
    String at = " at index 17; a bar needs low <= close <= high";
    iae("atr: high 9.5 < low 10.0" + at, () -> Indicators.atr(h, l, c, 5));
    iae("trueRange: high 9.5 < low 10.0" + at, () -> Indicators.trueRange(h, l, c));
    iae("stochastic: high 9.5 < low 10.0" + at, () -> Indicators.stochastic(h, l, c, 5, 3, 3));
    iae("stochasticFast: high 9.5 < low 10.0" + at, () -> Indicators.stochasticFast(h, l, c, 5, 3));
    iae("williamsR: high 9.5 < low 10.0" + at, () -> Indicators.williamsR(h, l, c, 5));
    iae("adx: high 9.5 < low 10.0" + at, () -> Indicators.adx(h, l, c, 3));
    iae("cci: high 9.5 < low 10.0" + at, () -> Indicators.cci(h, l, c, 5));
    iae("keltner: high 9.5 < low 10.0" + at, () -> Indicators.keltner(h, l, c, 5, 3, 2));
    iae("mfi: high 9.5 < low 10.0" + at, () -> Indicators.mfi(h, l, c, v, 5));
    iae("vwap: high 9.5 < low 10.0" + at, () -> Indicators.vwap(h, l, c, v));
    iae("vwap: high 9.5 < low 10.0" + at, () -> Indicators.vwap(h, l, c, v, 5));
    iae("donchian: high 9.5 < low 10.0 at index 17; a bar needs low <= high",
        () -> Indicators.donchian(h, l, 5));
    iae("donchianBreakoutUp: high 9.5 < low 10.0" + at,
        () -> Signals.donchianBreakoutUp(h, l, c, 5));
    iae("RegimeDetector: high 9.5 < low 10.0 at bar 17; a bar needs low <= close <= high",
        () -> RegimeDetector.defaults().classify(h, l, c));
    // also with a missing close (the bar is then not read as a whole, but is still wrong)
    c[17] = Double.NaN;
    iae("atr: high 9.5 < low 10.0 at index 17; a bar needs low <= high",
        () -> Indicators.atr(h, l, c, 5));
  }

  @Test
  void aCloseOutsideTheRangeIsRejectedWhereTheCloseIsRead() {
    double[][] b = bars();
    double[] h = b[0];
    double[] l = b[1];
    double[] c = b[2];
    double[] v = b[3];
    c[3] = 11.0; // bar 3: high 10.8, low 9.8
    iae("atr: close 11.0 > high 10.8 at index 3; a bar needs low <= close <= high",
        () -> Indicators.atr(h, l, c, 2));
    iae("stochastic: close 11.0 > high 10.8 at index 3; a bar needs low <= close <= high",
        () -> Indicators.stochastic(h, l, c, 2, 1, 1));
    iae("vwap: close 11.0 > high 10.8 at index 3; a bar needs low <= close <= high",
        () -> Indicators.vwap(h, l, c, v));
    c[3] = 9.0;
    iae("cci: close 9.0 < low 9.8 at index 3; a bar needs low <= close <= high",
        () -> Indicators.cci(h, l, c, 2));
    iae("williamsR: close 9.0 < low 9.8 at index 3; a bar needs low <= close <= high",
        () -> Indicators.williamsR(h, l, c, 2));
    // the Donchian channel reads no close: nothing to reject
    Bands d = Indicators.donchian(h, l, 2);
    assertEquals((Math.max(h[2], h[3]) + Math.min(l[2], l[3])) / 2, d.middle()[3], 0.0);
  }

  /**
   * Inside the vectorized kernels the check rides on their existing guards (poisoned values
   * checked once per block): a bad bar anywhere in a long series, far from the block starts, is
   * found and named.
   */
  @Test
  void foundInsideTheKernelsBlocks() {
    int len = 5000;
    double[] h = new double[len];
    double[] l = new double[len];
    double[] c = new double[len];
    for (int i = 0; i < len; i++) {
      c[i] = 100 + Math.sin(i * 0.1);
      h[i] = c[i] + 1;
      l[i] = c[i] - 1;
    }
    for (int at : new int[] {600, 2047, 2048, 3333, len - 1}) {
      double[] hh = h.clone();
      double[] cc = c.clone();
      hh[at] = l[at] - 0.5;
      String m = assertThrows(IllegalArgumentException.class,
          () -> Indicators.atr(hh, l, c, 14)).getMessage();
      assertTrue(m.startsWith("atr: high ") && m.contains(" at index " + at + ";"), m);
      m = assertThrows(IllegalArgumentException.class,
          () -> Indicators.stochastic(hh, l, c, 5, 3, 3)).getMessage();
      assertTrue(m.startsWith("stochastic: high ") && m.contains(" at index " + at + ";"), m);
      m = assertThrows(IllegalArgumentException.class,
          () -> Indicators.donchian(hh, l, 20)).getMessage();
      assertTrue(m.startsWith("donchian: high ") && m.contains(" at index " + at + ";"), m);
      cc[at] = h[at] + 1e-9;
      m = assertThrows(IllegalArgumentException.class,
          () -> Indicators.atr(h, l, cc, 14)).getMessage();
      assertTrue(m.startsWith("atr: close ") && m.contains(" at index " + at + ";"), m);
      m = assertThrows(IllegalArgumentException.class,
          () -> Indicators.williamsR(h, l, cc, 14)).getMessage();
      assertTrue(m.startsWith("williamsR: close ") && m.contains(" at index " + at + ";"), m);
    }
  }

  /**
   * A streaming twin rejects the bar with its name and bar number, and is unchanged: fed the
   * remaining bars it gives what it would have given had the bad bar never come.
   */
  @Test
  void streamingTwinsRejectAndStayUnchanged() {
    double[][] b = bars();
    double[] h = b[0];
    double[] l = b[1];
    double[] c = b[2];
    double[] v = b[3];
    checkStream(() -> StreamingAtr.of(3), s -> feed(s, h, l, c, 0, 8),
        s -> feed(s, h, l, c, 8, 20), s -> s.update(9.5, 10.0, 9.8),
        "Atr(3): high 9.5 < low 10.0 at bar 8; a bar needs low <= close <= high");
    checkStream(() -> StreamingStochastic.of(5, 3, 3), s -> feed(s, h, l, c, 0, 8),
        s -> feed(s, h, l, c, 8, 20), s -> s.update(10.5, 10.0, 10.6),
        "Stochastic(5, 3, 3): close 10.6 > high 10.5 at bar 8; a bar needs low <= close <= high");
    checkStream(StreamingTrueRange::of, s -> feed(s, h, l, c, 0, 8),
        s -> feed(s, h, l, c, 8, 20), s -> s.update(10.5, 10.0, 9.9),
        "TrueRange: close 9.9 < low 10.0 at bar 8; a bar needs low <= close <= high");
    checkStream(() -> StreamingMfi.of(3), s -> feedV(s, h, l, c, v, 0, 8),
        s -> feedV(s, h, l, c, v, 8, 20), s -> s.update(9.5, 10.0, 9.8, 5),
        "Mfi(3): high 9.5 < low 10.0 at bar 8; a bar needs low <= close <= high");
    StreamingDonchian d = StreamingDonchian.of(4);
    for (int i = 0; i < 8; i++) {
      d.update(h[i], l[i]);
    }
    iae("Donchian(4): high 9.5 < low 10.0 at bar 8; a bar needs low <= high",
        () -> d.update(9.5, 10.0));
    assertEquals(Indicators.donchian(h, l, 4).middle()[8], d.update(h[8], l[8]), 0.0);
    StreamingRegime r = RegimeDetector.defaults().stream();
    iae("RegimeDetector: close 11.0 > high 10.5 at bar 0; a bar needs low <= close <= high",
        () -> r.update(10.5, 10.0, 11.0));
  }

  /**
   * Feeds {@code before}, then the bad bar (which must throw {@code message}), then
   * {@code after}, and compares with a twin that never saw the bad bar: equal bit for bit.
   */
  private static <S extends StreamingIndicator> void checkStream(Supplier<S> factory,
      Consumer<S> before, Consumer<S> after, Consumer<S> bad, String message) {
    S s = factory.get();
    before.accept(s);
    iae(message, () -> bad.accept(s));
    after.accept(s);
    S clean = factory.get();
    before.accept(clean);
    after.accept(clean);
    assertTrue(clean.isReady(), message);
    assertEquals(clean.value(), s.value(), 0.0, message);
  }

  private static void feed(BarStream s, double[] h, double[] l, double[] c, int from, int to) {
    for (int i = from; i < to; i++) {
      s.update(h[i], l[i], c[i]);
    }
  }

  private static void feedV(VolumeBarStream s, double[] h, double[] l, double[] c, double[] v,
      int from, int to) {
    for (int i = from; i < to; i++) {
      s.update(h[i], l[i], c[i], v[i]);
    }
  }
}
