package io.github.quantfolio.spark.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.ParameterSweep;
import io.github.quantfolio.backtest.SweepResult;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.spark.LocalSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** The example runs on a small grid (local[2]) and agrees with the local runner. */
class SparkSweepTest {

  @Test
  void theExampleRunsOnASmallGridAndPrintsItsThroughput() {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    SweepResult<SparkSweep.Pair> r;
    try (JavaSparkContext sc = LocalSpark.start("local[2]", "SparkSweepTest")) {
      r = SparkSweep.run(sc, 12, 3, 600, 0, new PrintStream(text, true, StandardCharsets.UTF_8));
    }
    String out = text.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("12 pairs x 3 assets of 600 bars = 36 backtests on local[2] (2 "
        + "cores, 8 partitions)\n"), out);
    assertTrue(out.contains(" backtests/s per core\n") && out.contains("sweep "), out);
    // the same sweep on the local runner: the example's rows, bit for bit
    Backtest bt = Backtest.of(MarketSimulator.builder().seed(11).assets(3).sectors(3).days(600)
        .lateListingShare(0).build().simulate().prices())
        .withConfig(BacktestConfig.defaults().withFeeBps(5).withSlippageBps(2));
    SweepResult<SparkSweep.Pair> local = ParameterSweep.of(bt, SparkSweep.grid(12),
        SparkSweep.STRATEGY).run();
    for (int i = 0; i < local.size(); i++) {
      assertEquals(local.rows().get(i).metrics(), r.rows().get(i).metrics());
    }
    assertEquals(new SparkSweep.Pair(5, 10), SparkSweep.grid(1000).get(0));
    assertEquals(new SparkSweep.Pair(200, 325), SparkSweep.grid(1000).get(999));
    assertThrows(IllegalArgumentException.class, () -> SparkSweep.grid(1001));
  }
}
