package io.github.quantfolio.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.SimulatedMarket;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;

/**
 * The benchmark's paths trade identically: ta4j with DoubleNum, ta4j with DecimalNum and the plain
 * loop give the same entry and exit bars on every asset of the default market (the benchmark uses
 * A01), and the plain loop follows ta4j's tie rule on a hand-made series.
 */
class BacktestPeersBenchmarkTest {

  static SimulatedMarket market;

  @BeforeAll
  static void simulate() {
    market = MarketSimulator.defaultMarket();
  }

  /** Entry bars then exit bars of the closed positions of a ta4j run. */
  static int[][] indices(TradingRecord r) {
    int[][] out = new int[2][r.getPositionCount()];
    int k = 0;
    for (Position p : r.getPositions()) {
      out[0][k] = p.getEntry().getIndex();
      out[1][k] = p.getExit().getIndex();
      k++;
    }
    return out;
  }

  static int[][] plain(BacktestPeersBenchmark b, int fast, int slow) {
    int k = BacktestPeersBenchmark.plainCrossover(b.open, b.close, fast, slow, b.entryOut, b.exitOut);
    return new int[][] {Arrays.copyOf(b.entryOut, k), Arrays.copyOf(b.exitOut, k)};
  }

  @Test
  void allPathsTradeIdenticallyOnEveryAsset() {
    int totalTrades = 0;
    for (String asset : market.assets()) {
      BacktestPeersBenchmark b = new BacktestPeersBenchmark();
      b.load(market, asset);
      int[][] dbl = indices(BacktestPeersBenchmark.runTa4j(BacktestPeersBenchmark.series(b, DoubleNum.class)));
      int[][] dec = indices(BacktestPeersBenchmark.runTa4j(BacktestPeersBenchmark.series(b, DecimalNum.class)));
      int[][] loop = plain(b, BacktestPeersBenchmark.FAST, BacktestPeersBenchmark.SLOW);
      assertArrayEquals(dbl[0], dec[0], asset + " entries DoubleNum vs DecimalNum");
      assertArrayEquals(dbl[1], dec[1], asset + " exits DoubleNum vs DecimalNum");
      assertArrayEquals(dbl[0], loop[0], asset + " entries ta4j vs plain loop");
      assertArrayEquals(dbl[1], loop[1], asset + " exits ta4j vs plain loop");
      totalTrades += loop[0].length;
    }
    assertTrue(totalTrades > 100, "only " + totalTrades + " trades over 20 assets");
  }

  @Test
  void benchmarkAssetIsCompleteAndTrades() {
    BacktestPeersBenchmark b = new BacktestPeersBenchmark();
    b.asset = "A01";
    b.data();
    assertEquals(0, market.listingRow("A01"), "A01 should list on day 0 so it has 2520 bars");
    assertEquals(2520, b.close.length);
    assertTrue(plain(b, 20, 50)[0].length >= 5);
  }

  /**
   * The hand-made series of Ta4jOracleTest.oneRoundTripFilledAtTheNextOpen (SMA 3/5; closes 20 x
   * 10, 10 x 15, 30 x 15, 10 x 20): crossing up at 25 after a run of ties (fill at 26), crossing
   * down at 40 (fill at 41). Closes 20 x 30 then 30 x 30 leave a tie that began at bar 0: no trade.
   */
  @Test
  void plainLoopSkipsTiesLikeTa4j() {
    BacktestPeersBenchmark b = new BacktestPeersBenchmark();
    b.close = new double[60];
    for (int i = 0; i < 60; i++) {
      b.close[i] = i < 10 ? 20 : i < 25 ? 10 : i < 40 ? 30 : 10;
    }
    b.open = b.close.clone();
    b.entryOut = new int[31];
    b.exitOut = new int[31];
    int[][] t = plain(b, 3, 5);
    assertArrayEquals(new int[] {26}, t[0]);
    assertArrayEquals(new int[] {41}, t[1]);

    for (int i = 0; i < 60; i++) {
      b.close[i] = i < 30 ? 20 : 30;
    }
    t = plain(b, 3, 5);
    assertEquals(0, t[0].length);
  }
}
