package io.github.quantfolio.store;

import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.backtest.SweepRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer of {@link H2FileStoreTest#aWriterKilledMidBatchLeavesOnlyWholeRuns}: run in a child
 * JVM, it saves runs into an H2 file without end — alternately a 400-bar backtest and a
 * 1,080-row sweep — and prints {@code saved <id>} after each save returns, until it is killed.
 */
public final class KillableWriter {

  private KillableWriter() {
  }

  /**
   * Writes until killed.
   *
   * @param args the store's file
   */
  public static void main(String[] args) {
    BacktestResult backtest = Fixtures.backtest();
    List<SweepRow<SmaCrossover>> rows = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      rows.addAll(Fixtures.sweep().rows());
    }
    try (ResultStore store = ResultStore.h2(Path.of(args[0]))) {
      for (int i = 0; ; i++) {
        String id = "kill-" + i;
        if (i % 2 == 0) {
          store.save(RunTag.of(id, "kill", i), backtest);
        } else {
          store.saveSweep(RunTag.of(id, "kill", null), rows, 0.5);
        }
        System.out.println("saved " + id);
        System.out.flush();
      }
    }
  }
}
