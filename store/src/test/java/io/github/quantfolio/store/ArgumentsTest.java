package io.github.quantfolio.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.backtest.SweepMetric;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a message that names the argument and the value. */
class ArgumentsTest {

  private static ResultStore store;

  @BeforeAll
  static void open() {
    store = ResultStore.inMemory();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static void refused(Class<? extends Exception> type, String part, Runnable r) {
    Exception e = assertThrows(type, r::run);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  @Test
  void tagsNeedAnIdAndAStrategyOfSensibleLength() {
    refused(IllegalArgumentException.class, "runId of 1 to 100 characters",
        () -> RunTag.of(" ", "s", null));
    refused(IllegalArgumentException.class, "strategy of 1 to 400 characters",
        () -> RunTag.of("id", "", null));
    refused(IllegalArgumentException.class, "(101 characters)",
        () -> RunTag.of("x".repeat(101), "s", null));
    refused(NullPointerException.class, "runId", () -> RunTag.of(null, "s", null));
    assertEquals(36, RunTag.of("s", null).runId().length()); // a UUID
    refused(IllegalArgumentException.class, "batchId of 1 to 100 characters",
        () -> store.saveDecisions("", List.of()));
    refused(NullPointerException.class, "batchId", () -> store.saveSnapshots(null, List.of()));
  }

  @Test
  void queriesRefuseEmptyRangesAndReversedDates() {
    refused(IllegalArgumentException.class, "min 2.0 and max 1.0",
        () -> RunQuery.all().where(Metric.SHARPE, 2, 1));
    refused(IllegalArgumentException.class, "found min NaN",
        () -> SweepQuery.all().where(SweepMetric.CAGR, Double.NaN, 1));
    refused(IllegalArgumentException.class, "from 2021-01-01 and to 2020-01-01",
        () -> RunQuery.all().from(LocalDate.of(2021, 1, 1)).to(LocalDate.of(2020, 1, 1)));
    refused(IllegalArgumentException.class, "n", () -> RunQuery.all().limit(0));
    refused(IllegalArgumentException.class, "k", () -> store.best(Metric.SHARPE, 0));
  }

  @Test
  void savesRefuseNullsEmptySweepsAndNegativeDurations() {
    refused(NullPointerException.class, "result", () -> store.save(RunTag.of("a", "s", null),
        (io.github.quantfolio.backtest.BacktestResult) null));
    refused(IllegalArgumentException.class, "at least one sweep row",
        () -> store.saveSweep(RunTag.of("a", "s", null), List.of(), 0.5));
    refused(IllegalArgumentException.class, "elapsed >= 0", () -> store.save(RunTag.of("a", "s",
        null), Fixtures.optimal(), null, Duration.ofSeconds(-1), "f"));
    // parameters that are not JSON: refused before anything is written
    refused(IllegalArgumentException.class, "as JSON", () -> store.save(RunTag.of("b", "s",
        new Object()), Fixtures.tiny()));
    assertEquals(0, store.findRuns(RunQuery.all()).size());
  }
}
