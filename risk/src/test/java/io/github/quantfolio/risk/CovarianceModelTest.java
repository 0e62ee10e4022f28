package io.github.quantfolio.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Risk models of calling code: the volatility composition and the validation of outputs. */
class CovarianceModelTest {

  static final List<String> ABC = List.of("A", "B", "C");

  /**
   * Four weekly returns (52 periods a year) with round deviations from round means (A 0.01,
   * B 0.01, C 0.01): A - mean = (0, 0.02, -0.02, 0), B - mean = (0.01, -0.01, 0.01, -0.01),
   * C - mean = (0.02, 0.01, -0.01, -0.02).
   */
  static ReturnFrame weekly() {
    TimeIndex idx = TimeIndex.ofDates(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 12),
        LocalDate.of(2024, 1, 19), LocalDate.of(2024, 1, 26));
    return ReturnFrame.of(idx, ABC, new double[][] {
        {0.01, 0.03, -0.01, 0.01},
        {0.02, 0.00, 0.02, 0.00},
        {0.03, 0.02, 0.00, -0.01}});
  }

  static CovarianceModel fixed(String name, List<String> assets, double[][] values) {
    CovarianceMatrix m = CovarianceMatrix.of(assets, values);
    return CovarianceModel.of(name, window -> m);
  }

  @Test
  void volatilityForecastsOnTheSampleCorrelationMatchAHandComputation() {
    ReturnFrame r = weekly();
    assertEquals(52.0, r.frequency().periodsPerYear(), 0.0, "weekly dates");
    VolatilityForecast vols = VolatilityForecast.of("fixed weekly vols",
        w -> AssetVector.of(ABC, new double[] {0.02, 0.03, 0.01}));
    CovarianceMatrix sigma = CovarianceModel.fromVolatilities(vols, CovarianceEstimator.sample())
        .estimate(r);
    // By hand from the deviations above (sample divisor 3 cancels in correlations):
    // sum dA dB = -0.0004, sum dA dC = 0.0004, sum dB dC = 0.0002,
    // sum dA^2 = 0.0008, sum dB^2 = 0.0004, sum dC^2 = 0.0010, so
    // rho_AB = -0.0004 / sqrt(0.0008 x 0.0004) = -1/sqrt(2), rho_AC = 0.0004 / sqrt(0.0008 x
    // 0.0010) = 1/sqrt(5), rho_BC = 0.0002 / sqrt(0.0004 x 0.0010) = 1/sqrt(10).
    // Sigma_ij = 52 v_i v_j rho_ij with v = (0.02, 0.03, 0.01) per week.
    double[][] expected = {
        {52 * 0.0004, -52 * 0.0006 / Math.sqrt(2), 52 * 0.0002 / Math.sqrt(5)},
        {-52 * 0.0006 / Math.sqrt(2), 52 * 0.0009, 52 * 0.0003 / Math.sqrt(10)},
        {52 * 0.0002 / Math.sqrt(5), 52 * 0.0003 / Math.sqrt(10), 52 * 0.0001}};
    Tolerance.assertMatrixClose(expected, sigma.toArray(), Tolerance.CLOSED_FORM, "Sigma");
    assertEquals(ABC, sigma.assets());
  }

  @Test
  void onlyTheSourcesCorrelationIsUsedNotItsVariances() {
    ReturnFrame r = weekly();
    // source: variances 0.04, 0.09, 0.16 and correlations 0.5 (A,B), -0.25 (A,C), 0 (B,C)
    double[][] c = {{0.04, 0.03, -0.02}, {0.03, 0.09, 0}, {-0.02, 0, 0.16}};
    double[][] scaled = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        scaled[i][j] = c[i][j] * 7.5; // any positive scale: same correlation
      }
    }
    VolatilityForecast vols = w -> AssetVector.of(ABC, new double[] {0.01, 0.02, 0.04});
    CovarianceMatrix a = CovarianceModel.fromVolatilities(vols, fixed("c", ABC, c)).estimate(r);
    CovarianceMatrix b = CovarianceModel.fromVolatilities(vols, fixed("7.5c", ABC, scaled))
        .estimate(r);
    // Sigma_ij = 52 v_i v_j rho_ij by hand
    double[][] expected = {
        {52 * 0.0001, 52 * 0.0002 * 0.5, 52 * 0.0004 * -0.25},
        {52 * 0.0002 * 0.5, 52 * 0.0004, 0},
        {52 * 0.0004 * -0.25, 0, 52 * 0.0016}};
    Tolerance.assertMatrixClose(expected, a.toArray(), Tolerance.CLOSED_FORM, "Sigma");
    Tolerance.assertMatrixClose(expected, b.toArray(), Tolerance.CLOSED_FORM, "Sigma, scaled");
  }

  @Property(tries = 60)
  void compositionHasTheForecastVolatilitiesAndTheSourceCorrelation(
      @ForAll @IntRange(min = 1, max = 10) int n, @ForAll long seed) {
    ReturnFrame r = CovarianceProperties.randomReturns(40, n, seed, false);
    Random rnd = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 0.001 + 0.05 * rnd.nextDouble();
    }
    CovarianceModel source = CovarianceEstimator.ledoitWolf();
    CovarianceMatrix sigma = CovarianceModel.fromVolatilities(
        w -> AssetVector.of(w.assets(), v), source).estimate(r);
    double f = r.frequency().periodsPerYear();
    for (int i = 0; i < n; i++) {
      Tolerance.assertClose(v[i] * Math.sqrt(f), sigma.volatilities().get(i),
          Tolerance.CLOSED_FORM, "annualised volatility " + i);
    }
    if (n > 1) {
      Tolerance.assertMatrixClose(source.estimate(r).correlation().toArray(),
          sigma.correlation().toArray(), Tolerance.CLOSED_FORM, "correlation");
    }
  }

  @Test
  void namesFlowIntoToString() {
    CovarianceModel m = CovarianceModel.of("lstm-cov", w -> null);
    assertEquals("CovarianceModel 'lstm-cov'", m.toString());
    CovarianceModel v = CovarianceModel.fromVolatilities(
        VolatilityForecast.of("garch(1,1)", w -> null), CovarianceEstimator.ledoitWolf());
    assertEquals("CovarianceModel.fromVolatilities(VolatilityForecast 'garch(1,1)', correlation of "
        + "CovarianceEstimator.ledoitWolf(CONSTANT_VARIANCE) [complete_rows])", v.toString());
    CovarianceModel lambda = w -> null;
    assertEquals("an unnamed CovarianceModel (lambda; CovarianceModel.of(name, function) names it)",
        CovarianceModel.checked(lambda).toString());
    assertTrue(CovarianceModel.fromVolatilities(w -> null, lambda).toString().contains(
        "fromVolatilities(an unnamed VolatilityForecast (lambda; VolatilityForecast.of(name, "
            + "function) names it), correlation of an unnamed CovarianceModel"));
  }

  @Test
  void checkedLeavesEstimatorsAndValidatingModelsAlone() {
    CovarianceEstimator lw = CovarianceEstimator.ledoitWolf();
    assertSame(lw, CovarianceModel.checked(lw));
    CovarianceModel named = CovarianceModel.of("x", w -> null);
    assertSame(named, CovarianceModel.checked(named));
    CovarianceModel composed = CovarianceModel.fromVolatilities(w -> null, lw);
    assertSame(composed, CovarianceModel.checked(composed));
    CovarianceModel lambda = w -> null;
    CovarianceModel wrapped = CovarianceModel.checked(lambda);
    assertSame(wrapped, CovarianceModel.checked(wrapped));
  }

  @Test
  void aValidMatrixPassesUnchanged() {
    CovarianceMatrix m = CovarianceMatrix.of(ABC,
        new double[][] {{0.04, 0.01, 0}, {0.01, 0.09, 0}, {0, 0, 0.16}});
    assertSame(m, CovarianceModel.of("fixed", w -> m).estimate(weekly()));
  }

  // ---- rejections: each message names the model, the window's last date, the asset and value

  static IllegalArgumentException rejected(CovarianceModel model) {
    return assertThrows(IllegalArgumentException.class, () -> model.estimate(weekly()));
  }

  @Test
  void aNullMatrixIsRejected() {
    String msg = rejected(CovarianceModel.of("lazy", w -> null)).getMessage();
    assertEquals("CovarianceModel 'lazy' returned null on the window ending 2024-01-26 "
        + "(4 periods)", msg);
  }

  @Test
  void assetsInAnotherOrderAreRejected() {
    CovarianceModel m = fixed("shuffled", List.of("A", "C", "B"),
        new double[][] {{0.04, 0, 0}, {0, 0.09, 0}, {0, 0, 0.16}});
    assertEquals("CovarianceModel 'shuffled' returned a matrix for assets [A, C, B] on the window "
        + "ending 2024-01-26 (4 periods), whose assets are [A, B, C] (same names in the same order "
        + "required): position 1 holds 'C' where the window has 'B'", rejected(m).getMessage());
  }

  @Test
  void missingAndExtraAssetsAreRejected() {
    CovarianceModel fewer = fixed("two", List.of("A", "B"), new double[][] {{0.04, 0}, {0, 0.09}});
    assertTrue(rejected(fewer).getMessage().endsWith("'C' is missing at position 2"),
        rejected(fewer).getMessage());
    CovarianceModel more = fixed("four", List.of("A", "B", "C", "D"), new double[][] {
        {0.04, 0, 0, 0}, {0, 0.09, 0, 0}, {0, 0, 0.16, 0}, {0, 0, 0, 0.01}});
    assertTrue(rejected(more).getMessage().endsWith("'D' at position 3 is not in the window"),
        rejected(more).getMessage());
  }

  @Test
  void aCorrelationBeyondOneIsRejected() {
    // cov(B, A) = 0.075 with variances 0.04 and 0.09: 0.075 / (0.2 x 0.3) = 1.25
    CovarianceModel m = fixed("overconfident", ABC,
        new double[][] {{0.04, 0.075, 0}, {0.075, 0.09, 0}, {0, 0, 0.16}});
    String msg = rejected(m).getMessage();
    assertTrue(msg.startsWith("CovarianceModel 'overconfident' returned a covariance of 0.075 "
        + "between 'B' and 'A' on the window ending 2024-01-26 (4 periods), implying a correlation "
        + "of 1.25"), msg);
  }

  @Test
  void aCovarianceWithAZeroVarianceAssetIsRejected() {
    CovarianceModel m = fixed("degenerate", ABC,
        new double[][] {{0.04, 0, 0.01}, {0, 0.09, 0}, {0.01, 0, 0}});
    String msg = rejected(m).getMessage();
    assertTrue(msg.contains("returned a covariance of 0.01 between 'C' and 'A'")
        && msg.endsWith("but 'C' has variance 0"), msg);
  }

  @Test
  void anIndefiniteMatrixIsRejectedNamingItsLeadingAsset() {
    // unit variances, rho_AB = rho_AC = 0.9, rho_BC = -0.5: every pair is a valid correlation,
    // but on the basis (e_A, (e_B + e_C)/sqrt 2) the matrix is [[1, 0.9 sqrt 2], [0.9 sqrt 2,
    // 0.5]] with eigenvalues (1.5 -+ sqrt(0.25 + 6.48)) / 2; the negative one's eigenvector is
    // (1, -0.8595, -0.8595) up to scale, led by A
    CovarianceModel m = fixed("indefinite", ABC,
        new double[][] {{1, 0.9, 0.9}, {0.9, 1, -0.5}, {0.9, -0.5, 1}});
    String msg = rejected(m).getMessage();
    assertTrue(msg.startsWith("CovarianceModel 'indefinite' returned a matrix that is not positive "
        + "semidefinite on the window ending 2024-01-26 (4 periods): smallest eigenvalue "), msg);
    String value = msg.replaceAll(".*smallest eigenvalue (\\S+) .*", "$1");
    Tolerance.assertClose((1.5 - Math.sqrt(6.73)) / 2, Double.parseDouble(value),
        Tolerance.CLOSED_FORM, "smallest eigenvalue in the message");
    assertTrue(msg.contains("a negative variance for a portfolio led by 'A'"), msg);
  }

  @Test
  void aModelsOwnIllegalArgumentIsRethrownNamingTheModel() {
    CovarianceModel m = CovarianceModel.of("nan-net", w -> CovarianceMatrix.of(ABC,
        new double[][] {{0.04, 0, 0}, {0, Double.NaN, 0}, {0, 0, 0.16}}));
    IllegalArgumentException e = rejected(m);
    assertEquals("CovarianceModel 'nan-net' failed on the window ending 2024-01-26 (4 periods): "
        + "Variance of 'B' is NaN; expected a finite number >= 0", e.getMessage());
    assertTrue(e.getCause() instanceof IllegalArgumentException);
  }

  @Test
  void otherExceptionsPassThroughUnchanged() {
    IllegalStateException boom = new IllegalStateException("model not loaded");
    CovarianceModel m = CovarianceModel.of("unloaded", w -> {
      throw boom;
    });
    assertSame(boom, assertThrows(IllegalStateException.class, () -> m.estimate(weekly())));
  }

  @Test
  void anUncheckedLambdaIsValidatedByChecked() {
    CovarianceModel raw = w -> CovarianceMatrix.of(List.of("A", "B", "C"),
        new double[][] {{0.04, 0.075, 0}, {0.075, 0.09, 0}, {0, 0, 0.16}});
    raw.estimate(weekly()); // unchecked: the garbage gets through
    String msg = rejected(CovarianceModel.checked(raw)).getMessage();
    assertTrue(msg.startsWith("an unnamed CovarianceModel (lambda; CovarianceModel.of(name, "
        + "function) names it) returned a covariance of 0.075 between 'B' and 'A'"), msg);
  }

  // ---- volatility forecasts

  static CovarianceModel withVols(String name, Function<ReturnFrame, AssetVector> f) {
    return CovarianceModel.fromVolatilities(VolatilityForecast.of(name, f),
        CovarianceEstimator.sample());
  }

  @Test
  void aNegativeVolatilityIsRejected() {
    String msg = rejected(withVols("sign-bug",
        w -> AssetVector.of(ABC, new double[] {0.02, -0.03, 0.01}))).getMessage();
    assertEquals("VolatilityForecast 'sign-bug' returned a volatility of -0.03 for 'B' on the "
        + "window ending 2024-01-26 (4 periods); a volatility is >= 0", msg);
  }

  @Test
  void volatilitiesForOtherAssetsOrNoneAreRejected() {
    String order = rejected(withVols("swapped",
        w -> AssetVector.of(List.of("B", "A", "C"), new double[] {0.02, 0.03, 0.01})))
        .getMessage();
    assertTrue(order.startsWith("VolatilityForecast 'swapped' returned volatilities for assets "
        + "[B, A, C] on the window ending 2024-01-26 (4 periods), whose assets are [A, B, C]"),
        order);
    assertTrue(order.endsWith("position 0 holds 'B' where the window has 'A'"), order);
    assertEquals("VolatilityForecast 'silent' returned null on the window ending 2024-01-26 "
        + "(4 periods)", rejected(withVols("silent", w -> null)).getMessage());
  }

  @Test
  void aForecastsOwnIllegalArgumentIsRethrownNamingTheForecast() {
    IllegalArgumentException e = rejected(withVols("nan-vol",
        w -> AssetVector.of(ABC, new double[] {0.02, Double.NaN, 0.01})));
    assertEquals("VolatilityForecast 'nan-vol' failed on the window ending 2024-01-26 (4 periods): "
        + "Value of 'B' is NaN; an AssetVector holds finite values", e.getMessage());
  }

  @Test
  void aCorrelationSourceWithAZeroVarianceAssetIsRejected() {
    CovarianceModel m = CovarianceModel.fromVolatilities(
        VolatilityForecast.of("v", w -> AssetVector.of(ABC, new double[] {0.02, 0.03, 0.01})),
        fixed("flat C", ABC, new double[][] {{0.04, 0, 0}, {0, 0.09, 0}, {0, 0, 0}}));
    assertEquals("CovarianceModel.fromVolatilities(VolatilityForecast 'v', correlation of "
        + "CovarianceModel 'flat C'): the correlation source gives 'C' a variance of 0.0 on the "
        + "window ending 2024-01-26 (4 periods), so its correlations are undefined",
        rejected(m).getMessage());
  }

  @Test
  void aBadCorrelationSourceIsRejectedNamingTheSource() {
    CovarianceModel m = CovarianceModel.fromVolatilities(
        VolatilityForecast.of("v", w -> AssetVector.of(ABC, new double[] {0.02, 0.03, 0.01})),
        w -> CovarianceMatrix.of(List.of("A", "B"), new double[][] {{0.04, 0}, {0, 0.09}}));
    assertTrue(rejected(m).getMessage().startsWith("an unnamed CovarianceModel (lambda; "
        + "CovarianceModel.of(name, function) names it) returned a matrix for assets [A, B]"));
  }

  @Test
  void anOverflowingAnnualisedVarianceIsRejected() {
    String msg = rejected(withVols("huge",
        w -> AssetVector.of(ABC, new double[] {0.02, 1e160, 0.01}))).getMessage();
    assertTrue(msg.contains("the annualised variance of 'B' overflows on the window ending "
        + "2024-01-26 (4 periods) (per-period volatility 1.0E160, 52.0 periods per year)"), msg);
  }

  @Test
  void nullsAndBlankNamesAreRejected() {
    assertThrows(NullPointerException.class, () -> CovarianceModel.of(null, w -> null));
    assertThrows(NullPointerException.class, () -> CovarianceModel.of("x", null));
    assertThrows(NullPointerException.class, () -> CovarianceModel.checked(null));
    assertThrows(NullPointerException.class,
        () -> CovarianceModel.fromVolatilities(null, CovarianceEstimator.sample()));
    assertThrows(NullPointerException.class,
        () -> CovarianceModel.fromVolatilities(w -> null, null));
    assertThrows(NullPointerException.class, () -> VolatilityForecast.of("x", null));
    assertEquals("Argument 'name' must not be blank", assertThrows(
        IllegalArgumentException.class, () -> CovarianceModel.of(" ", w -> null)).getMessage());
    assertEquals("Argument 'name' must not be blank", assertThrows(
        IllegalArgumentException.class, () -> VolatilityForecast.of("", w -> null)).getMessage());
    assertThrows(NullPointerException.class,
        () -> CovarianceModel.of("x", w -> null).estimate(null));
  }
}
