package io.github.quantfolio.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import java.util.Arrays;

/**
 * The test oracle: TA-Lib's official Java port ({@code com.tictactec:ta-lib:0.4.0}, default
 * settings: no unstable period, default compatibility), each call run over the whole input and
 * spread to a full-length array with NaN before TA-Lib's first output.
 */
final class TaLib {

  private static final Core CORE = new Core();

  private TaLib() {
  }

  interface Call {
    RetCode run(int start, int end, MInteger begin, MInteger count, double[][] outs);
  }

  /** Runs a call with {@code k} outputs and returns them full length. */
  static double[][] run(int len, int k, Call call) {
    double[][] tmp = new double[k][Math.max(len, 1)];
    MInteger begin = new MInteger();
    MInteger count = new MInteger();
    double[][] full = new double[k][len];
    for (double[] f : full) {
      Arrays.fill(f, Double.NaN);
    }
    if (len == 0) {
      return full;
    }
    RetCode rc = call.run(0, len - 1, begin, count, tmp);
    assertEquals(RetCode.Success, rc, "TA-Lib return code");
    for (int j = 0; j < k; j++) {
      System.arraycopy(tmp[j], 0, full[j], begin.value, count.value);
    }
    return full;
  }

  static double[] sma(double[] x, int n) {
    return run(x.length, 1, (s, e, b, c, o) -> CORE.sma(s, e, x, n, b, c, o[0]))[0];
  }

  static double[] ema(double[] x, int n) {
    return run(x.length, 1, (s, e, b, c, o) -> CORE.ema(s, e, x, n, b, c, o[0]))[0];
  }

  static double[] wma(double[] x, int n) {
    return run(x.length, 1, (s, e, b, c, o) -> CORE.wma(s, e, x, n, b, c, o[0]))[0];
  }

  static double[] dema(double[] x, int n) {
    return run(x.length, 1, (s, e, b, c, o) -> CORE.dema(s, e, x, n, b, c, o[0]))[0];
  }

  static double[] tema(double[] x, int n) {
    return run(x.length, 1, (s, e, b, c, o) -> CORE.tema(s, e, x, n, b, c, o[0]))[0];
  }

  static double[] rsi(double[] x, int n) {
    return run(x.length, 1, (s, e, b, c, o) -> CORE.rsi(s, e, x, n, b, c, o[0]))[0];
  }

  /** line, signal, histogram. */
  static double[][] macd(double[] x, int fast, int slow, int signal) {
    return run(x.length, 3,
        (s, e, b, c, o) -> CORE.macd(s, e, x, fast, slow, signal, b, c, o[0], o[1], o[2]));
  }

  /** upper, middle, lower (simple moving average). */
  static double[][] bbands(double[] x, int n, double k) {
    return run(x.length, 3,
        (s, e, b, c, o) -> CORE.bbands(s, e, x, n, k, k, MAType.Sma, b, c, o[0], o[1], o[2]));
  }

  static double[] stdDev(double[] x, int n) {
    return run(x.length, 1, (s, e, b, c, o) -> CORE.stdDev(s, e, x, n, 1.0, b, c, o[0]))[0];
  }

  static double[] trueRange(double[] h, double[] l, double[] cl) {
    return run(cl.length, 1, (s, e, b, c, o) -> CORE.trueRange(s, e, h, l, cl, b, c, o[0]))[0];
  }

  static double[] atr(double[] h, double[] l, double[] cl, int n) {
    return run(cl.length, 1, (s, e, b, c, o) -> CORE.atr(s, e, h, l, cl, n, b, c, o[0]))[0];
  }

  static double[] adx(double[] h, double[] l, double[] cl, int n) {
    return run(cl.length, 1, (s, e, b, c, o) -> CORE.adx(s, e, h, l, cl, n, b, c, o[0]))[0];
  }

  static double[] plusDi(double[] h, double[] l, double[] cl, int n) {
    return run(cl.length, 1, (s, e, b, c, o) -> CORE.plusDI(s, e, h, l, cl, n, b, c, o[0]))[0];
  }

  static double[] minusDi(double[] h, double[] l, double[] cl, int n) {
    return run(cl.length, 1, (s, e, b, c, o) -> CORE.minusDI(s, e, h, l, cl, n, b, c, o[0]))[0];
  }

  /** slow %K, %D with simple moving averages. */
  static double[][] stoch(double[] h, double[] l, double[] cl, int fastK, int slowK, int slowD) {
    return run(cl.length, 2, (s, e, b, c, o) -> CORE.stoch(s, e, h, l, cl, fastK, slowK,
        MAType.Sma, slowD, MAType.Sma, b, c, o[0], o[1]));
  }

  /** fast %K, %D with a simple moving average. */
  static double[][] stochF(double[] h, double[] l, double[] cl, int fastK, int fastD) {
    return run(cl.length, 2, (s, e, b, c, o) -> CORE.stochF(s, e, h, l, cl, fastK, fastD,
        MAType.Sma, b, c, o[0], o[1]));
  }

  static double[] cci(double[] h, double[] l, double[] cl, int n) {
    return run(cl.length, 1, (s, e, b, c, o) -> CORE.cci(s, e, h, l, cl, n, b, c, o[0]))[0];
  }

  static double[] willR(double[] h, double[] l, double[] cl, int n) {
    return run(cl.length, 1, (s, e, b, c, o) -> CORE.willR(s, e, h, l, cl, n, b, c, o[0]))[0];
  }

  static double[] roc(double[] x, int n) {
    return run(x.length, 1, (s, e, b, c, o) -> CORE.roc(s, e, x, n, b, c, o[0]))[0];
  }

  static double[] mom(double[] x, int n) {
    return run(x.length, 1, (s, e, b, c, o) -> CORE.mom(s, e, x, n, b, c, o[0]))[0];
  }

  static double[] obv(double[] cl, double[] v) {
    return run(cl.length, 1, (s, e, b, c, o) -> CORE.obv(s, e, cl, v, b, c, o[0]))[0];
  }

  static double[] mfi(double[] h, double[] l, double[] cl, double[] v, int n) {
    return run(cl.length, 1, (s, e, b, c, o) -> CORE.mfi(s, e, h, l, cl, v, n, b, c, o[0]))[0];
  }

  static double[] max(double[] x, int n) {
    return run(x.length, 1, (s, e, b, c, o) -> CORE.max(s, e, x, n, b, c, o[0]))[0];
  }

  static double[] min(double[] x, int n) {
    return run(x.length, 1, (s, e, b, c, o) -> CORE.min(s, e, x, n, b, c, o[0]))[0];
  }
}
