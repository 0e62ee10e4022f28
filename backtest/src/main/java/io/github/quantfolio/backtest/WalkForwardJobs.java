package io.github.quantfolio.backtest;

import io.github.quantfolio.backtest.internal.Engine;
import io.github.quantfolio.core.Bars;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * The in-sample runs of a {@link WalkForwardOptimization}: every (fold, parameter set) pair, fold
 * major. The in-sample windows do not depend on earlier folds' results, so all folds go to the
 * executor as one batch; the out-of-sample chain then runs on the caller. Serialized as the grid,
 * the strategy builder, the windows and the {@link BacktestWire} of the backtest.
 */
final class WalkForwardJobs implements JobBatch<double[]> {

  private static final long serialVersionUID = 1L;

  private final List<?> grid;
  private final Function<Object, ? extends Strategy> strategyOf;
  private final int[] starts; // first in-sample bar of each fold
  private final int inSample;
  private transient Backtest backtest;
  private transient AtomicReferenceArray<Backtest> windows; // in-sample slice per fold, lazily

  @SuppressWarnings("unchecked")
  <P> WalkForwardJobs(Backtest backtest, List<P> grid,
      Function<? super P, ? extends Strategy> strategyOf, int[] starts, int inSample) {
    this.backtest = backtest;
    this.grid = grid;
    this.strategyOf = (Function<Object, ? extends Strategy>) strategyOf;
    this.starts = starts.clone();
    this.inSample = inSample;
    this.windows = new AtomicReferenceArray<>(starts.length);
  }

  @Override
  public int size() {
    return starts.length * grid.size();
  }

  @Override
  public double cost(int job) {
    return (double) inSample * backtest.assets().size();
  }

  @Override
  public String describe(int job) {
    return ParameterSweep.describe(grid.get(job % grid.size())) + " in-sample on bars "
        + starts[job / grid.size()] + " .. " + (starts[job / grid.size()] + inSample - 1);
  }

  /** The metrics of the job's parameter set on its fold's in-sample window, encoded. */
  @Override
  public double[] run(int job) {
    int fold = job / grid.size();
    int from = starts[fold];
    int to = from + inSample;
    Backtest window = windows.get(fold);
    if (window == null) { // a race computes an equal slice twice at worst
      window = backtest.slice(from, to);
      windows.set(fold, window);
    }
    Engine e = window.engine(window.signalPolicy(
        signals(backtest, strategyOf.apply(grid.get(job % grid.size())), from, to)), false);
    return SweepJobs.encode(ParameterSweep.summarize(e, window.config(),
        window.frequencyOfData()));
  }

  /** Signals of every asset on bars {@code [from, to)}, computed from bars {@code [0, to)}. */
  static List<TradeSignals> signals(Backtest backtest, Strategy s, int from, int to) {
    List<TradeSignals> out = new ArrayList<>();
    for (Bars b : backtest.bars()) {
      TradeSignals all = s.signals(b.slice(0, to));
      out.add(new TradeSignals(Arrays.copyOfRange(all.longEntry(), from, to),
          Arrays.copyOfRange(all.longExit(), from, to),
          Arrays.copyOfRange(all.shortEntry(), from, to),
          Arrays.copyOfRange(all.shortExit(), from, to)));
    }
    return out;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeObject(BacktestWire.of(backtest));
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    backtest = ((BacktestWire) in.readObject()).toBacktest();
    windows = new AtomicReferenceArray<>(starts.length);
  }
}
