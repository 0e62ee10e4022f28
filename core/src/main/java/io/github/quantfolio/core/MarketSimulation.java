package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.RandomSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The computation behind {@link MarketSimulator}; the model and draw order are documented there
 * and on {@link SimulatedMarket#bars(String)}. Only IEEE arithmetic and {@link StrictMath} are
 * used so that results are bit-identical on every JVM.
 */
final class MarketSimulation {

  /** The US equity session, 14:30 to 21:00 UTC. */
  private static final long SESSION_OPEN_MILLIS = (14 * 60 + 30) * 60_000L;
  private static final long SESSION_MILLIS = 390 * 60_000L;
  /** Bars must divide both the session and the day (Frequency buckets); gcd(390, 1440) = 30 min. */
  private static final long BAR_UNIT_MILLIS = 30 * 60_000L;
  /** Share of a day's variance falling overnight, between the previous close and the open. */
  private static final double OVERNIGHT_SHARE = 0.2;
  /** Steps of the Brownian bridge whose extremes give a bar's high and low. */
  private static final int BRIDGE_STEPS = 32;

  private MarketSimulation() {
  }

  static SimulatedMarket daily(MarketSimulator c) {
    TimeIndex index = TimeIndex.businessDays(c.start(), c.days());
    return run(c, index, Frequency.DAILY, 1, c.days(), OVERNIGHT_SHARE);
  }

  static SimulatedMarket intraday(MarketSimulator c, Duration barSize, int days) {
    Checks.notNull(barSize, "barSize");
    Checks.positive(days, "days");
    // Checked in this order so that toMillis() can neither overflow nor truncate.
    if (barSize.isNegative() || barSize.isZero() || barSize.toMinutes() > 30
        || barSize.getNano() % 1_000_000 != 0 || BAR_UNIT_MILLIS % barSize.toMillis() != 0) {
      throw new IllegalArgumentException("Expected a barSize dividing 30 minutes evenly (e.g. 1, 5,"
          + " 15 or 30 minutes), so that the 6.5-hour session and the day hold whole bars, but"
          + " found " + barSize);
    }
    long bar = barSize.toMillis();
    int barsPerDay = (int) (SESSION_MILLIS / bar);
    long rows = (long) days * barsPerDay;
    if (rows > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("Expected at most " + (Integer.MAX_VALUE - 8)
          + " rows, but days=" + days + " of " + barsPerDay + " bars of " + barSize + " make "
          + rows);
    }
    TimeIndex dates = TimeIndex.businessDays(c.start(), days);
    long[] stamps = new long[(int) rows];
    for (int d = 0, r = 0; d < days; d++) {
      long open = dates.epochDay(d) * TimeIndex.MILLIS_PER_DAY + SESSION_OPEN_MILLIS;
      for (int k = 0; k < barsPerDay; k++) {
        stamps[r++] = open + k * bar;
      }
    }
    return run(c, TimeIndex.trusted(TimeIndex.Kind.INSTANT, stamps), Frequency.intraday(barSize),
        barsPerDay, days, 0);
  }

  /**
   * Simulates {@code days x barsPerDay} periods on {@code index}; the regime changes between
   * days, everything else per period.
   */
  private static SimulatedMarket run(MarketSimulator c, TimeIndex index, Frequency frequency,
      int barsPerDay, int days, double gapShare) {
    int n = c.assetCount();
    int sectorCount = c.sectorCount();
    int rows = index.size();
    double dt = 1 / frequency.periodsPerYear();
    double sqrtDt = StrictMath.sqrt(dt);

    RandomSource root = new RandomSource(c.seed());
    RandomSource parameterDraws = root.split();
    RandomSource regimeDraws = root.split();
    RandomSource returnDraws = root.split();

    // Parameters: per asset drift, volatility, initial price; then the late listings.
    double[] mu = new double[n];
    double[] sigma = new double[n];
    double[] p0 = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = c.drift(i, parameterDraws.nextDouble());
      sigma[i] = c.volatility(i, parameterDraws.nextDouble());
      p0[i] = c.initialPrice(parameterDraws.nextDouble());
    }
    int[] listingRow = new int[n];
    int lastListingDay = days / 2;
    int late = lastListingDay == 0 ? 0 : (int) StrictMath.round(c.lateListingShare() * n);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int j = 0; j < late; j++) {
      int k = j + (int) (parameterDraws.nextDouble() * (n - j));
      int asset = order[k];
      order[k] = order[j];
      order[j] = asset;
      int day = 1 + (int) (parameterDraws.nextDouble() * lastListingDay);
      listingRow[asset] = day * barsPerDay;
    }

    // Regimes: one draw per day.
    boolean[] stressedDay = new boolean[days];
    boolean stressed = regimeDraws.nextDouble() < c.stationaryStressedProbability();
    stressedDay[0] = stressed;
    for (int d = 1; d < days; d++) {
      double u = regimeDraws.nextDouble();
      stressed = stressed ? !(u < c.stressedToCalm()) : u < c.calmToStressed();
      stressedDay[d] = stressed;
    }

    // Returns: per period the market shock, the sector shocks, then the idiosyncratic ones.
    int[] sectorOf = new int[n];
    for (int i = 0; i < n; i++) {
      sectorOf[i] = (int) ((long) i * sectorCount / n);
    }
    double rhoM = c.marketCorrelation();
    double rhoS = c.sectorCorrelation();
    double am = StrictMath.sqrt(rhoM);
    double as = StrictMath.sqrt(rhoS);
    double ae = StrictMath.sqrt(StrictMath.max(0, 1 - rhoM - rhoS)); // rounding may dip below 0
    double nu = c.degreesOfFreedom();
    double[] volScale = new double[rows]; // sigma_i(s) / sigma_i: 1, or the stress multiplier
    for (int t = 0; t < rows; t++) {
      volScale[t] = stressedDay[t / barsPerDay] ? c.stressVolatilityMultiplier() : 1;
    }
    double[][] shock = new double[n][rows]; // x_it, unit variance; kept for volume
    double[][] logReturn = new double[n][rows];
    double[] sectorShock = new double[sectorCount];
    for (int t = 0; t < rows; t++) {
      double marketShock = returnDraws.nextStudentT(nu);
      for (int s = 0; s < sectorCount; s++) {
        sectorShock[s] = returnDraws.nextStudentT(nu);
      }
      double driftShift = stressedDay[t / barsPerDay] ? c.stressDriftShift() : 0;
      for (int i = 0; i < n; i++) {
        double x = am * marketShock + as * sectorShock[sectorOf[i]]
            + ae * returnDraws.nextStudentT(nu);
        double vol = sigma[i] * volScale[t];
        double drift = mu[i] + driftShift;
        shock[i][t] = x;
        logReturn[i][t] = (drift - 0.5 * vol * vol) * dt + vol * sqrtDt * x;
      }
    }

    List<String> names = names("A", n, 2);
    double[][] close = new double[n][];
    Bars[] bars = new Bars[n];
    double barVolume = c.baseVolume() / barsPerDay;
    for (int i = 0; i < n; i++) {
      close[i] = prices(p0[i], logReturn[i], listingRow[i]);
      bars[i] = bars(names.get(i), index, frequency, close[i], logReturn[i], shock[i],
          sigma[i] * sigma[i] * dt, volScale, listingRow[i], gapShare, barVolume, root.split());
    }

    MarketRegime[] regimes = new MarketRegime[rows];
    for (int t = 0; t < rows; t++) {
      regimes[t] = stressedDay[t / barsPerDay] ? MarketRegime.STRESSED : MarketRegime.CALM;
    }
    return new SimulatedMarket(c, PriceFrame.trusted(index, names, close, frequency), bars,
        List.of(regimes), names("S", sectorCount, 1), sectorOf, listingRow,
        AssetVector.trusted(names, mu), AssetVector.trusted(names, sigma));
  }

  /** {@code P0 exp(cumulative log return)} from the listing row on, NaN before. */
  private static double[] prices(double p0, double[] logReturn, int listing) {
    double[] p = new double[logReturn.length];
    Arrays.fill(p, 0, listing, Double.NaN);
    double cum = 0;
    p[listing] = p0;
    for (int t = listing + 1; t < p.length; t++) {
      cum += logReturn[t];
      p[t] = p0 * StrictMath.exp(cum);
    }
    return p;
  }

  /**
   * One asset's bars; see {@link SimulatedMarket#bars(String)}. {@code calmVariance} is the
   * per-period variance in the calm regime, {@code volScale} the regime's volatility factor.
   */
  private static Bars bars(String name, TimeIndex index, Frequency frequency, double[] close,
      double[] logReturn, double[] shock, double calmVariance, double[] volScale, int listing,
      double gapShare, double barVolume, RandomSource draws) {
    int rows = close.length;
    double[] open = new double[rows];
    double[] high = new double[rows];
    double[] low = new double[rows];
    double[] volume = new double[rows];
    for (double[] a : new double[][] {open, high, low, volume}) {
      Arrays.fill(a, 0, listing, Double.NaN);
    }
    double[] walk = new double[BRIDGE_STEPS + 1];
    for (int t = listing; t < rows; t++) {
      double r = logReturn[t];
      double v = calmVariance * volScale[t] * volScale[t];
      double previous = t == listing ? close[t] * StrictMath.exp(-r) : close[t - 1];
      // Log offsets from the previous close: the open is a bridge point at the overnight share.
      double o = 0;
      if (gapShare > 0) {
        o = gapShare * r + StrictMath.sqrt(gapShare * (1 - gapShare) * v) * draws.nextGaussian();
      }
      double step = StrictMath.sqrt((1 - gapShare) * v / BRIDGE_STEPS);
      for (int k = 1; k <= BRIDGE_STEPS; k++) {
        walk[k] = walk[k - 1] + step * draws.nextGaussian();
      }
      // Pinning the walk to end at r - o turns it into a bridge from the open to the close.
      double miss = walk[BRIDGE_STEPS] - (r - o);
      double top = o;
      double bottom = o;
      for (int k = 1; k < BRIDGE_STEPS; k++) {
        double point = o + walk[k] - miss * k / BRIDGE_STEPS;
        top = StrictMath.max(top, point);
        bottom = StrictMath.min(bottom, point);
      }
      double opening = previous * StrictMath.exp(o);
      // Open and close join the extremes as they are, so the bounds hold despite rounding.
      double hi = StrictMath.max(previous * StrictMath.exp(top),
          StrictMath.max(opening, close[t]));
      double lo = StrictMath.min(previous * StrictMath.exp(bottom),
          StrictMath.min(opening, close[t]));
      open[t] = opening;
      high[t] = hi;
      low[t] = lo;
      if (!(lo > 0 && hi < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("Simulated prices of '" + name + "' leave the range of "
            + "double on " + index.label(t) + " (low " + lo + ", high " + hi + "); lower the drifts"
            + " or volatilities, or simulate fewer periods");
      }
      double noise = StrictMath.exp(0.5 * draws.nextGaussian() - 0.125); // lognormal, mean 1
      volume[t] = StrictMath.max(1, StrictMath.rint(
          barVolume * volScale[t] * (0.5 + 0.5 * StrictMath.abs(shock[t])) * noise));
    }
    return Bars.trusted(name, index, open, high, low, close.clone(), volume, null, frequency);
  }

  /** {@code prefix} and a 1-based number zero-padded to at least {@code minDigits} digits. */
  private static List<String> names(String prefix, int count, int minDigits) {
    int digits = StrictMath.max(minDigits, Integer.toString(count).length());
    List<String> out = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      StringBuilder sb = new StringBuilder(prefix);
      String num = Integer.toString(i);
      for (int z = num.length(); z < digits; z++) {
        sb.append('0');
      }
      out.add(sb.append(num).toString());
    }
    return List.copyOf(out);
  }
}
