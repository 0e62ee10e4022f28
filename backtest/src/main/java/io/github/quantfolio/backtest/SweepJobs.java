package io.github.quantfolio.backtest;

import io.github.quantfolio.backtest.internal.Engine;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The jobs of a {@link ParameterSweep} or a {@link UniverseSweep}: every (family, parameter set,
 * asset) triple as one single-asset backtest, numbered family-major, then grid, then asset order.
 * Built on the driver, where every parameter set is checked before any job runs; serialized as
 * the families plus the {@link BacktestWire} of the backtest (the single-asset backtests are
 * rebuilt once per JVM on arrival). A job's result is one flat array: the 13 numbers of its
 * {@link SweepMetrics} ({@link #encode}), followed by its equity curve if the sweep keeps curves,
 * so that a distributed executor moves primitive arrays only.
 */
final class SweepJobs implements JobBatch<double[]> {

  private static final long serialVersionUID = 1L;

  /** One strategy family: a name (null for a plain sweep), its grid and its strategy builder. */
  record Family(String name, List<?> grid, Function<Object, ? extends Strategy> strategyOf)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("unchecked")
    static <P> Family of(String name, List<P> grid,
        Function<? super P, ? extends Strategy> strategyOf) {
      return new Family(name, grid, (Function<Object, ? extends Strategy>) strategyOf);
    }
  }

  private final List<Family> families;
  private final boolean keepEquity;
  private final int[] offsets; // first job of each family, plus the total
  private transient Backtest backtest;
  private transient Backtest[] single;
  private transient double[] assetCost; // bars from each asset's first price (driver only)

  SweepJobs(Backtest backtest, List<Family> families, boolean keepEquity) {
    this.families = List.copyOf(families);
    this.keepEquity = keepEquity;
    this.backtest = backtest;
    this.single = singles(backtest);
    int nAssets = single.length;
    offsets = new int[families.size() + 1];
    for (int f = 0; f < families.size(); f++) {
      offsets[f + 1] = Math.addExact(offsets[f],
          Math.multiplyExact(families.get(f).grid().size(), nAssets));
    }
    validate();
    assetCost = new double[nAssets];
    for (int a = 0; a < nAssets; a++) {
      double[] c = single[a].bars().get(0).close();
      int first = 0;
      while (first < c.length && Double.isNaN(c[first])) {
        first++;
      }
      assetCost[a] = Math.max(1, c.length - first);
    }
  }

  private static Backtest[] singles(Backtest backtest) {
    Backtest[] s = new Backtest[backtest.assets().size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = backtest.asset(i);
    }
    return s;
  }

  /**
   * Before any run: every parameter set builds a strategy, and no asset is too short for its
   * warm-up (the grid's error, not a failed job).
   */
  private void validate() {
    for (Family fam : families) {
      for (int k = 0; k < fam.grid().size(); k++) {
        Object p = fam.grid().get(k);
        Strategy s;
        try {
          s = fam.strategyOf().apply(p);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("Parameter set " + name(fam, p) + " (grid entry "
              + k + ") is invalid: " + e.getMessage(), e);
        }
        if (s == null) {
          throw new IllegalArgumentException("Parameter set " + name(fam, p) + " (grid entry "
              + k + ") is invalid: strategyOf returned null");
        }
        for (Backtest b : single) {
          b.requireWarmUp(s);
        }
      }
    }
  }

  private static String name(Family fam, Object p) {
    return (fam.name() == null ? "" : fam.name() + " ") + ParameterSweep.describe(p);
  }

  List<Family> families() {
    return families;
  }

  Backtest backtest() {
    return backtest;
  }

  /** The first job of family {@code f} ({@code f = families().size()} gives the total). */
  int offset(int f) {
    return offsets[f];
  }

  @Override
  public int size() {
    return offsets[families.size()];
  }

  @Override
  public double cost(int job) {
    return assetCost == null ? 1 : assetCost[job % single.length];
  }

  private int family(int job) {
    int f = 0;
    while (offsets[f + 1] <= job) {
      f++;
    }
    return f;
  }

  @Override
  public String describe(int job) {
    int f = family(job);
    int local = job - offsets[f];
    Family fam = families.get(f);
    return name(fam, fam.grid().get(local / single.length)) + " on '"
        + backtest.assets().get(local % single.length) + "'";
  }

  boolean keepEquity() {
    return keepEquity;
  }

  @Override
  public double[] run(int job) {
    if (job < 0 || job >= size()) {
      throw new IllegalArgumentException("Expected a job in [0, " + size() + "), but found " + job);
    }
    int f = family(job);
    int local = job - offsets[f];
    Family fam = families.get(f);
    Object p = fam.grid().get(local / single.length);
    int a = local % single.length;
    Backtest bt = single[a];
    try {
      Strategy s = fam.strategyOf().apply(p);
      Engine engine = bt.engine(bt.signalPolicy(List.of(bt.signalsOf(s, 0))), false);
      SweepMetrics m = ParameterSweep.summarize(engine, bt.config(), bt.frequencyOfData());
      double[] metrics = encode(m);
      if (!keepEquity) {
        return metrics;
      }
      double[] equity = engine.equityPath();
      double[] out = Arrays.copyOf(metrics, METRICS + equity.length);
      System.arraycopy(equity, 0, out, METRICS, equity.length);
      return out;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Sweep run " + name(fam, p) + " on '"
          + backtest.assets().get(a) + "' failed: " + e.getMessage(), e);
    }
  }

  /** The length of an encoded {@link SweepMetrics}. */
  static final int METRICS = 13;

  /** The metrics of a job's result (its first {@link #METRICS} numbers). */
  static SweepMetrics metricsOf(double[] result) {
    return decode(result);
  }

  /** The equity curve of a job's result, or null if the sweep does not keep curves. */
  double[] equityOf(double[] result) {
    return keepEquity ? Arrays.copyOfRange(result, METRICS, result.length) : null;
  }

  /** The metrics as {@link #METRICS} doubles, bit for bit (ints and the flag exactly). */
  static double[] encode(SweepMetrics m) {
    return new double[] {m.totalReturn(), m.cagr(), m.annualVolatility(), m.sharpeRatio(),
        m.sortinoRatio(), m.maxDrawdown(), m.calmarRatio(), m.trades(), m.winRate(),
        m.exposure(), m.periods(), m.riskFreeRate(), m.wipedOut() ? 1 : 0};
  }

  static SweepMetrics decode(double[] d) {
    return new SweepMetrics(d[0], d[1], d[2], d[3], d[4], d[5], d[6], (int) d[7], d[8], d[9],
        (int) d[10], d[11], d[12] != 0);
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeObject(BacktestWire.of(backtest));
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    backtest = ((BacktestWire) in.readObject()).toBacktest();
    single = singles(backtest);
  }
}
