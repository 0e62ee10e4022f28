package io.github.quantfolio.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sample statistics of a long simulation against the configured model. One market of 200 years
 * (50,400 days) x 10 assets in 2 sectors with the default parameters (nu = 5, p_cs = 0.01,
 * p_sc = 0.05, stress multiplier 2, rho_m = 0.3, rho_s = 0.2), no late listings. Every tolerance
 * is about 4 standard errors of its estimate, derived in the comment at the assertion (and
 * checked against the spread over 25 other seeds).
 */
class MarketSimulatorStatisticsTest {

  private static final int DAYS = 50_400;
  private static SimulatedMarket market;
  /** Log returns, [asset][row]; row t is the return into price row t + 1. */
  private static double[][] returns;
  /** Whether the return in row t happened in the stressed regime. */
  private static boolean[] stressed;
  private static int stressedCount;

  @BeforeAll
  static void simulate() {
    market = MarketSimulator.builder().seed(2024).assets(10).sectors(2).days(DAYS)
        .lateListingShare(0).build().simulate();
    returns = market.prices().logReturns().toArray();
    stressed = new boolean[DAYS - 1];
    for (int t = 0; t < stressed.length; t++) {
      stressed[t] = market.regimes().get(t + 1) == MarketRegime.STRESSED;
      stressedCount += stressed[t] ? 1 : 0;
    }
  }

  @Test
  void regimeChainHasTheConfiguredTransitionsAndStationaryShare() {
    List<MarketRegime> r = market.regimes();
    int calm = 0;
    int calmToStressed = 0;
    int stress = 0;
    int stressedToCalm = 0;
    for (int t = 1; t < r.size(); t++) {
      if (r.get(t - 1) == MarketRegime.CALM) {
        calm++;
        calmToStressed += r.get(t) == MarketRegime.STRESSED ? 1 : 0;
      } else {
        stress++;
        stressedToCalm += r.get(t) == MarketRegime.CALM ? 1 : 0;
      }
    }
    // Binomial SE: sqrt(0.01 x 0.99 / ~42,000 calm days) = 0.00049.
    assertEquals(0.01, (double) calmToStressed / calm, 0.002);
    // sqrt(0.05 x 0.95 / ~8,400 stressed days) = 0.0024.
    assertEquals(0.05, (double) stressedToCalm / stress, 0.01);
    // The share of a two-state chain has variance pi (1 - pi) / n x (1 + l) / (1 - l) with
    // l = 1 - p_cs - p_sc = 0.94: SE sqrt(0.139 / 50,400 x 32.3) = 0.0094 around 1/6.
    double pi = market.config().stationaryStressedProbability();
    assertEquals(1.0 / 6, pi, 1e-15);
    long stressedDays = r.stream().filter(x -> x == MarketRegime.STRESSED).count();
    assertEquals(pi, (double) stressedDays / r.size(), 0.035);
  }

  @Test
  void annualisedVolatilityMatchesTheConfiguredOne() {
    double m = market.config().stressVolatilityMultiplier();
    int n = returns[0].length;
    // Variance scale of the regimes actually realised (the regime part of the sampling error).
    double realisedMix = (n - stressedCount + m * m * stressedCount) / (double) n;
    for (String a : market.assets()) {
      double realised = std(returns[market.prices().position(a)]) * Math.sqrt(252);
      double sigma = market.annualVolatilities().get(a);
      // Given the regime path (variance scale v in {1, 4}), the sample variance has relative
      // variance E[v^2] / E[v]^2 x (E[x^4] - 1) / n = 1.56 x 4.3 / n, where E[x^4] = 5.3 is the
      // kurtosis of the loaded t5 mix; so the std has a relative SE of sqrt(6.7 / n) / 2 = 0.6%.
      // Tolerance 3%.
      assertEquals(1, realised / (sigma * Math.sqrt(realisedMix)), 0.03, a);
      // Against the stationary mix the share of stressed days adds 3 x SE(share) / 1.5 / 2 =
      // 0.94% (variance scale 1 + 3 pi): total SE about 1.2%. Tolerance 5%.
      assertEquals(1, realised / market.expectedAnnualVolatility(a), 0.05, a);
    }
  }

  @Test
  void calmCorrelationsAreMarketPlusSectorWithinAndMarketAcross() {
    double[][] calm = calmReturns();
    double within = 0;
    double across = 0;
    int withinPairs = 0;
    int acrossPairs = 0;
    List<String> assets = market.assets();
    for (int i = 0; i < assets.size(); i++) {
      for (int j = i + 1; j < assets.size(); j++) {
        double c = correlation(calm[i], calm[j]);
        boolean sameSector = market.sectorOf(assets.get(i)).equals(market.sectorOf(assets.get(j)));
        // One pair over ~42,000 calm days: SE (1 - rho^2) / sqrt(n), about 0.004, inflated ~1.5x
        // by the t tails. Tolerance 0.03.
        assertEquals(sameSector ? 0.5 : 0.3, c, 0.03, assets.get(i) + "/" + assets.get(j));
        if (sameSector) {
          within += c;
          withinPairs++;
        } else {
          across += c;
          acrossPairs++;
        }
      }
    }
    // Averages over 20 and 25 pairs sharing factors: SE about 0.003 (0.0028 and 0.0034 over 25
    // seeds). Tolerance 0.015.
    assertEquals(0.5, within / withinPairs, 0.015);
    assertEquals(0.3, across / acrossPairs, 0.015);
  }

  @Test
  void calmReturnsAreFatTailedForFiveDegreesOfFreedom() {
    // Theoretical excess kurtosis of x = sum a_k e_k is sum a_k^4 x 6 / (nu - 4) = 0.38 x 6 =
    // 2.3. For t5 the sample kurtosis has no finite variance and is biased low; its spread is
    // mostly upward. The 10-asset mean ranged 1.5 .. 3.1 over 25 seeds; require > 1.
    double[][] calm = calmReturns();
    double sum = 0;
    for (double[] c : calm) {
      sum += excessKurtosis(c);
    }
    assertTrue(sum / calm.length > 1, "mean excess kurtosis " + sum / calm.length);
  }

  @Test
  void normalShocksGiveNoExcessKurtosis() {
    // The contrast case: nu = infinity. SE of a normal sample's excess kurtosis: sqrt(24 / n) =
    // 0.03 for 25,000 returns; the mean over 4 assets is tighter. Tolerance 0.15.
    SimulatedMarket normal = MarketSimulator.builder().seed(5).assets(4).sectors(2).days(25_000)
        .degreesOfFreedom(Double.POSITIVE_INFINITY).regimeSwitching(0, 0.05).lateListingShare(0)
        .build().simulate();
    double sum = 0;
    for (double[] r : normal.prices().logReturns().toArray()) {
      sum += excessKurtosis(r);
    }
    assertEquals(0, sum / 4, 0.15);
  }

  private static double[][] calmReturns() {
    double[][] out = new double[returns.length][returns[0].length - stressedCount];
    for (int a = 0; a < returns.length; a++) {
      for (int t = 0, k = 0; t < stressed.length; t++) {
        if (!stressed[t]) {
          out[a][k++] = returns[a][t];
        }
      }
    }
    return out;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double std(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1));
  }

  private static double correlation(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double excessKurtosis(double[] x) {
    double m = mean(x);
    double m2 = 0;
    double m4 = 0;
    for (double v : x) {
      double d = (v - m) * (v - m);
      m2 += d;
      m4 += d * d;
    }
    m2 /= x.length;
    m4 /= x.length;
    return m4 / (m2 * m2) - 3;
  }
}
