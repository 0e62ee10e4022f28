package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.indicators.Regime;
import io.github.quantfolio.indicators.RegimeDetector;
import io.github.quantfolio.risk.RiskBudget;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regime labels to the market state of a risk budget. */
class MarketStressTest {

  private static final RegimeDetector DETECTOR = RegimeDetector.defaults().withAdx(5, 25)
      .withTrend(5, 2).withVolatility(5, 20, 0.8);

  /** Two assets moving +-0.2 % a day, then (if {@code burst}) +-6 % over the last five days. */
  private static PriceFrame window(boolean burst) {
    int rows = 60;
    double[][] p = new double[2][rows];
    p[0][0] = 100;
    p[1][0] = 50;
    for (int t = 1; t < rows; t++) {
      double move = (t % 2 == 0 ? 1 : -1) * (burst && t >= rows - 5 ? 0.06 : 0.002);
      p[0][t] = p[0][t - 1] * (1 + move);
      p[1][t] = p[1][t - 1] * (1 + 0.5 * move);
    }
    return PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), rows),
        List.of("A", "B"), p);
  }

  /** The detector's own label of the equal-weight index, computed here. */
  private static Regime label(PriceFrame w) {
    double[][] p = w.toArray();
    double[] index = new double[w.rows()];
    for (int t = 0; t < index.length; t++) {
      index[t] = (p[0][t] / p[0][0] + p[1][t] / p[1][0]) / 2;
    }
    return DETECTOR.classify(index, index, index)[index.length - 1];
  }

  @Test
  void aVolatilityBurstIsAStressedMarket() {
    PriceFrame burst = window(true);
    assertEquals(Regime.HIGH_VOLATILITY, label(burst), "the burst must read as high volatility");
    assertEquals(RiskBudget.Market.STRESSED, MarketStress.of(DETECTOR, burst));
    PriceFrame calm = window(false);
    Regime calmLabel = label(calm);
    assertTrue(calmLabel != Regime.HIGH_VOLATILITY && calmLabel != Regime.UNKNOWN, calmLabel
        .toString());
    assertEquals(RiskBudget.Market.NORMAL, MarketStress.of(DETECTOR, calm));
  }

  @Test
  void labelsMapByTheStressedSet() {
    assertEquals(RiskBudget.Market.STRESSED, MarketStress.of(Regime.HIGH_VOLATILITY));
    assertEquals(RiskBudget.Market.NORMAL, MarketStress.of(Regime.TRENDING_DOWN));
    assertEquals(RiskBudget.Market.STRESSED, MarketStress.of(Regime.TRENDING_DOWN,
        EnumSet.of(Regime.HIGH_VOLATILITY, Regime.TRENDING_DOWN)));
    assertEquals(RiskBudget.Market.NORMAL, MarketStress.of(Regime.RANGING,
        EnumSet.noneOf(Regime.class)));
  }

  @Test
  void unknownIsRefusedNotReadAsCalm() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MarketStress.of(Regime.UNKNOWN));
    assertTrue(e.getMessage().contains("UNKNOWN"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> MarketStress.of(Regime.RANGING, EnumSet.of(Regime.UNKNOWN)));
    PriceFrame shortWindow = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 5),
        List.of("A"), new double[][] {{1, 2, 3, 4, 5}});
    e = assertThrows(IllegalArgumentException.class,
        () -> MarketStress.of(DETECTOR, shortWindow));
    assertTrue(e.getMessage().contains("needs more than " + DETECTOR.lookback()), e.getMessage());
  }
}
