package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.Oscillators;
import io.github.quantfolio.indicators.internal.Ranges;

/**
 * Streaming twin of {@link Indicators#adx(double[], double[], double[], int)}:
 * {@link #update(double, double, double)} returns ADX (NaN for the first 2n - 1 bars);
 * {@link #plusDi()} and {@link #minusDi()} are defined from bar n on. Bit for bit equal to the
 * batch function. O(1) per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingAdx extends BarStream {

  private final int n;
  private final double a;
  private final double invN;
  private int count;
  private double ph;
  private double pl;
  private double pc;
  private double sp;
  private double sm;
  private double st;
  private double sumDx;
  private double adx = Double.NaN;
  private double pdi = Double.NaN;
  private double mdi = Double.NaN;

  private StreamingAdx(int n) {
    super("Adx(" + n + ")");
    this.n = n;
    this.a = (n - 1.0) / n;
    this.invN = 1.0 / n;
  }

  /**
   * An ADX of period {@code n}.
   *
   * @param n the period, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingAdx of(int n) {
    return new StreamingAdx(Args.period(n, "StreamingAdx", "n"));
  }

  /**
   * +DI of the last bar (NaN for the first n bars and after a missing bar).
   *
   * @return the value
   */
  public double plusDi() {
    return pdi;
  }

  /**
   * -DI of the last bar (NaN for the first n bars and after a missing bar).
   *
   * @return the value
   */
  public double minusDi() {
    return mdi;
  }

  @Override
  double step(double hi, double lo, double cl) {
    int t = count;
    if (count < 2 * n) {
      count++; // saturates: bars beyond 2n - 1 are all treated alike
    }
    if (t == 0) {
      ph = hi;
      pl = lo;
      pc = cl;
      return Double.NaN;
    }
    double up = hi - ph;
    double dn = pl - lo;
    double tr = Ranges.trueRange(hi, lo, pc);
    ph = hi;
    pl = lo;
    pc = cl;
    double dp = Ranges.plusDm(up, dn);
    double dm = Ranges.minusDm(up, dn);
    if (t < n) {
      sp += dp;
      sm += dm;
      st += tr;
      return Double.NaN;
    }
    sp = sp * a + dp;
    sm = sm * a + dm;
    st = st * a + tr;
    if (st > 0) {
      if (!(st <= Double.MAX_VALUE)) { // as the batch ADX
        throw Args.overflow(name(), "the true range sum", "bar", bar(),
            Oscillators.bar(hi, lo, cl));
      }
      double r = 100.0 / st;
      pdi = sp * r;
      mdi = sm * r;
    } else {
      pdi = 0;
      mdi = 0;
    }
    double dx = Ranges.dx(pdi, mdi);
    if (t < 2 * n - 1) {
      sumDx += dx;
      return Double.NaN;
    }
    if (t == 2 * n - 1) {
      adx = (sumDx + dx) / n;
    } else {
      adx = adx * a + dx * invN;
    }
    return adx;
  }

  @Override
  void restart() {
    count = 0;
    sp = 0;
    sm = 0;
    st = 0;
    sumDx = 0;
    adx = Double.NaN;
    pdi = Double.NaN;
    mdi = Double.NaN;
  }
}
