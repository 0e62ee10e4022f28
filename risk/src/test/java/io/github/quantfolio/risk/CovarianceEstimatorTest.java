package io.github.quantfolio.risk;

import static io.github.quantfolio.risk.Tolerance.CLOSED_FORM;
import static io.github.quantfolio.risk.Tolerance.assertClose;
import static io.github.quantfolio.risk.Tolerance.assertMatrixClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every expected matrix below was printed by {@code risk/src/test/python/covariance_reference.py}
 * from independent implementations: numpy ({@code np.cov}), scikit-learn 1.2.1
 * ({@code ledoit_wolf}, {@code oas}), pandas 1.5.3 ({@code DataFrame.cov}, {@code ewm}) and numpy
 * transcriptions of Ledoit &amp; Wolf's {@code covMarket.m} and {@code covCor.m} in their
 * published matrix form. All are annualised with 252 periods a year.
 */
class CovarianceEstimatorTest {

  static final double NaN = Double.NaN;

  /** 12 periods x 4 assets, row-major as typed in the Python script. */
  static final double[][] ROWS = {
    {0.012, -0.004, 0.021, 0.003},
    {-0.008, 0.006, -0.015, 0.001},
    {0.004, 0.011, 0.009, -0.006},
    {0.015, -0.002, 0.018, 0.008},
    {-0.011, -0.009, -0.020, -0.004},
    {0.003, 0.004, 0.006, 0.002},
    {0.007, -0.012, 0.010, 0.005},
    {-0.005, 0.008, -0.007, -0.003},
    {0.010, 0.002, 0.013, 0.007},
    {-0.014, -0.006, -0.019, -0.009},
    {0.006, 0.009, 0.004, 0.001},
    {0.002, -0.001, 0.005, 0.004},
  };
  static final List<String> ASSETS = List.of("A", "B", "C", "D");

  static ReturnFrame frame(double[][] rows) {
    double[][] cols = new double[rows[0].length][rows.length];
    for (int t = 0; t < rows.length; t++) {
      for (int a = 0; a < rows[t].length; a++) {
        cols[a][t] = rows[t][a];
      }
    }
    return ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 2), rows.length), ASSETS, cols);
  }

  /** Asset B lists late (first 3 periods missing), D misses period 6. */
  static ReturnFrame ragged() {
    double[][] r = new double[ROWS.length][];
    for (int t = 0; t < r.length; t++) {
      r[t] = ROWS[t].clone();
    }
    r[0][1] = NaN;
    r[1][1] = NaN;
    r[2][1] = NaN;
    r[6][3] = NaN;
    return frame(r);
  }

  @Test
  void sampleCovarianceMatchesNumpy() {
    CovarianceMatrix s = CovarianceEstimator.sample().estimate(frame(ROWS));
    assertMatrixClose(new double[][] {
      {0.02181518181818182, 0.0011569090909090902, 0.03223881818181819, 0.009581727272727271},
      {0.0011569090909090902, 0.013768363636363634, 0.0017296363636363622, -0.0013630909090909093},
      {0.03223881818181819, 0.0017296363636363622, 0.049825363636363626, 0.013018090909090908},
      {0.009581727272727271, -0.0013630909090909093, 0.013018090909090908, 0.006970090909090908},
    }, s.toArray(), CLOSED_FORM, "sample");
    assertEquals(12, s.observations());
    assertTrue(s.shrinkage().isEmpty());
  }

  @Test
  void ledoitWolfConstantVarianceMatchesScikitLearn() {
    CovarianceMatrix lw = CovarianceEstimator.ledoitWolf().estimate(frame(ROWS));
    assertClose(0.17329566893585263, lw.shrinkage().getAsDouble(), CLOSED_FORM, "intensity");
    assertMatrixClose(new double[][] {
      {0.02020051498868244, 0.0008767199430935277, 0.024430973067690452, 0.007261150815819171},
      {0.0008767199430935277, 0.014102537166670526, 0.0013107397169022043, -0.0010329670616646522},
      {0.024430973067690452, 0.0013107397169022043, 0.04142697539308548, 0.009865269458671234},
      {0.007261150815819171, -0.0010329670616646522, 0.009865269458671234, 0.008950722451561527},
    }, lw.toArray(), CLOSED_FORM, "ledoit-wolf");
  }

  @Test
  void oracleApproximatingMatchesScikitLearn() {
    CovarianceMatrix o = CovarianceEstimator.oracleApproximating().estimate(frame(ROWS));
    assertClose(0.3000987689440994, o.shrinkage().getAsDouble(), CLOSED_FORM, "intensity");
    assertMatrixClose(new double[][] {
      {0.02034924709979837, 0.0007422452555347821, 0.02068365615547174, 0.006147407487671737},
      {0.0007422452555347821, 0.01518660064422228, 0.0011096934018391292, -0.0008745265882043478},
      {0.02068365615547174, 0.0011096934018391292, 0.038319911108389657, 0.008352096365497825},
      {0.006147407487671737, -0.0008745265882043478, 0.008352096365497825, 0.010824991147589674},
    }, o.toArray(), CLOSED_FORM, "oas");
  }

  @Test
  void singleFactorMatchesTheCovMarketTranscription() {
    CovarianceMatrix sf = CovarianceEstimator.ledoitWolf(ShrinkageTarget.SINGLE_FACTOR)
        .estimate(frame(ROWS));
    assertClose(0.2533156946156893, sf.shrinkage().getAsDouble(), CLOSED_FORM, "intensity");
    assertMatrixClose(new double[][] {
      {0.01999725, 0.0019135824593636554, 0.029167790934694973, 0.008627412111036485},
      {0.0019135824593636554, 0.012620999999999997, 0.0028599259898151206, -0.0004446509615254375},
      {0.029167790934694973, 0.0028599259898151206, 0.04567324999999998, 0.012001975643170905},
      {0.008627412111036485, -0.0004446509615254375, 0.012001975643170905, 0.006389249999999999},
    }, sf.toArray(), CLOSED_FORM, "single factor");
  }

  @Test
  void constantCorrelationMatchesTheCovCorTranscription() {
    CovarianceMatrix cc = CovarianceEstimator.ledoitWolf(ShrinkageTarget.CONSTANT_CORRELATION)
        .estimate(frame(ROWS));
    assertClose(0.26962640773651075, cc.shrinkage().getAsDouble(), CLOSED_FORM, "intensity");
    assertMatrixClose(new double[][] {
      {0.01999725, 0.00252157225357772, 0.024907560901920485, 0.007658061247062331},
      {0.00252157225357772, 0.012620999999999997, 0.003798235583899748, 7.489445075162856e-05},
      {0.024907560901920485, 0.003798235583899748, 0.045673249999999985, 0.010594266710492831},
      {0.007658061247062331, 7.489445075162856e-05, 0.010594266710492831, 0.00638925},
    }, cc.toArray(), CLOSED_FORM, "constant correlation");
  }

  @Test
  void pairwiseSampleMatchesPandas() {
    CovarianceMatrix p = CovarianceEstimator.sample().estimate(ragged());
    assertMatrixClose(new double[][] {
      {0.021815181818181817, 0.003878, 0.03223881818181818, 0.00992650909090909},
      {0.003878, 0.013404999999999999, 0.0053795, 0.002637},
      {0.03223881818181818, 0.0053795, 0.04982536363636364, 0.013394945454545455},
      {0.00992650909090909, 0.002637, 0.013394945454545455, 0.007170545454545454},
    }, p.toArray(), CLOSED_FORM, "pairwise");
    assertEquals(8, p.observations()); // B and D share 8 periods
  }

  @Test
  void exponentialMatchesPyPortfolioOptExpCov() {
    assertMatrixClose(new double[][] {
      {0.014784300925864479, 0.005042334671799295, 0.019358773003915846, 0.008486081094444814},
      {0.005042334671799295, 0.009462140054423576, 0.0048219846618437635, 0.0012965180659719909},
      {0.019358773003915846, 0.0048219846618437635, 0.026969661409039624, 0.012089227122187565},
      {0.008486081094444814, 0.0012965180659719909, 0.012089227122187565, 0.006292895841906154},
    }, CovarianceEstimator.exponential(5).estimate(frame(ROWS)).toArray(), CLOSED_FORM, "ewm");
    assertMatrixClose(new double[][] {
      {0.014784300925864479, 0.004964137395023733, 0.019358773003915846, 0.008518783500989415},
      {0.004964137395023733, 0.010005624142947393, 0.0046422033627179955, 0.002449751461189709},
      {0.019358773003915846, 0.0046422033627179955, 0.026969661409039624, 0.012120793853093342},
      {0.008518783500989415, 0.002449751461189709, 0.012120793853093342, 0.006422313448728126},
    }, CovarianceEstimator.exponential(5).estimate(ragged()).toArray(), CLOSED_FORM, "ewm pairwise");
  }

  @Test
  void semicovarianceMatchesNumpy() {
    assertMatrixClose(new double[][] {
      {0.010206, 0.004724999999999999, 0.015624, 0.004913999999999999},
      {0.004724999999999999, 0.007476, 0.00735, 0.0025199999999999997},
      {0.015624, 0.00735, 0.024381000000000003, 0.007076999999999999},
      {0.004913999999999999, 0.0025199999999999997, 0.007076999999999999, 0.003989999999999999},
    }, CovarianceEstimator.semicovariance(0.001).estimate(frame(ROWS)).toArray(), CLOSED_FORM,
        "semicovariance");
  }

  @Test
  void fixedIntensityInterpolatesBetweenSampleAndTarget() {
    ReturnFrame r = frame(ROWS);
    double[][] s = CovarianceEstimator.shrunk(ShrinkageTarget.CONSTANT_VARIANCE, 0).estimate(r).toArray();
    double[][] half = CovarianceEstimator.shrunk(ShrinkageTarget.CONSTANT_VARIANCE, 0.5).estimate(r).toArray();
    // Target: mean variance on the diagonal, zero elsewhere; with divisor T the sample is the
    // numpy (T-1) matrix x 11/12.
    assertClose(0.0011569090909090902 * 11 / 12 / 2, half[0][1], CLOSED_FORM, "off-diagonal halves");
    assertClose(0.0011569090909090902 * 11 / 12, s[0][1], CLOSED_FORM, "intensity 0 is the sample");
  }

  @Test
  void missingDataPolicies() {
    ReturnFrame r = ragged();
    // COMPLETE_ROWS drops periods 0-2 and 6: the sample of the 8 remaining periods.
    CovarianceMatrix complete = CovarianceEstimator.sample()
        .withMissingData(MissingData.COMPLETE_ROWS).estimate(r);
    assertEquals(8, complete.observations());
    CovarianceMatrix fromDropped = CovarianceEstimator.sample().estimate(r.dropIncompleteRows());
    assertMatrixClose(fromDropped.toArray(), complete.toArray(), CLOSED_FORM, "complete rows");
    CovarianceMatrix zero = CovarianceEstimator.ledoitWolf().withMissingData(MissingData.ZERO_FILL)
        .estimate(r);
    assertEquals(12, zero.observations());
    assertThrows(IllegalArgumentException.class,
        () -> CovarianceEstimator.ledoitWolf().withMissingData(MissingData.PAIRWISE));
  }

  @Test
  void zeroFillReplacesEachMissingReturnByZero() {
    // A: 0.01, 0.03, -0.02, 0.02; B: NaN, 0.02, NaN, 0.04 -> filled 0, 0.02, 0, 0.04. By hand:
    // means 0.01 and 0.015; deviations A 0, 0.02, -0.03, 0.01 and B -0.015, 0.005, -0.015, 0.025;
    // sums of products 0.0014 (AA), 0.0011 (BB), 0.0001 + 0.00045 + 0.00025 = 0.0008 (AB);
    // divisor T - 1 = 3, annualised x 252: 0.1176, 0.0924 and 0.0672.
    ReturnFrame r = ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 2), 4),
        List.of("A", "B"), new double[][] {{0.01, 0.03, -0.02, 0.02}, {NaN, 0.02, NaN, 0.04}});
    CovarianceMatrix z = CovarianceEstimator.sample().withMissingData(MissingData.ZERO_FILL)
        .estimate(r);
    assertMatrixClose(new double[][] {{0.1176, 0.0672}, {0.0672, 0.0924}}, z.toArray(),
        CLOSED_FORM, "zero-filled sample");
    assertEquals(4, z.observations());
    // pairwise would use B's two returns (variance 0.0002 / 1 x 252 = 0.0504): not what was asked
    assertClose(0.0504, CovarianceEstimator.sample().estimate(r).variance("B"), CLOSED_FORM,
        "pairwise B");
  }

  @Test
  void badInputIsNamed() {
    ReturnFrame one = frame(new double[][] {{0.01, 0.02, 0.03, 0.04}}).withFrequency(
        io.github.quantfolio.core.Frequency.DAILY);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CovarianceEstimator.sample().estimate(one));
    assertTrue(e.getMessage().contains("'A' has 1 return") || e.getMessage().contains("2 periods"),
        e.getMessage());
    double[][] flat = new double[12][];
    for (int t = 0; t < 12; t++) {
      flat[t] = ROWS[t].clone();
      flat[t][2] = 0.001; // C never moves
    }
    IllegalArgumentException cc = assertThrows(IllegalArgumentException.class,
        () -> CovarianceEstimator.ledoitWolf(ShrinkageTarget.CONSTANT_CORRELATION).estimate(frame(flat)));
    assertTrue(cc.getMessage().contains("'C' has zero variance"), cc.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CovarianceEstimator.exponential(0.5));
    assertThrows(IllegalArgumentException.class,
        () -> CovarianceEstimator.shrunk(ShrinkageTarget.SINGLE_FACTOR, 1.5));
  }

  @Test
  void correlationVolatilitiesAndRepairs() {
    CovarianceMatrix s = CovarianceEstimator.sample().estimate(frame(ROWS));
    assertClose(Math.sqrt(0.02181518181818182), s.volatilities().get("A"), CLOSED_FORM, "vol");
    CorrelationMatrix c = s.correlation();
    assertClose(0.0011569090909090902 / Math.sqrt(0.02181518181818182 * 0.013768363636363634),
        c.get("A", "B"), CLOSED_FORM, "corr");
    assertTrue(s.isPositiveSemidefinite());
    // A non-PSD matrix: correlations 0.9, 0.9 and -0.9 cannot coexist.
    CovarianceMatrix bad = CovarianceMatrix.of(List.of("X", "Y", "Z"), new double[][] {
      {1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}});
    assertFalse(bad.isPositiveSemidefinite());
    // Eigenvalues of that matrix: 1 - 0.9 - 0.9 ... by hand: -0.8, 1.9, 1.9.
    assertClose(-0.8, bad.eigenvalues()[0], 1e-12, "smallest eigenvalue");
    CovarianceMatrix fixed = bad.nearestPositiveSemidefinite();
    assertTrue(fixed.isPositiveSemidefinite());
    // Clipping by hand: the eigenvector of -0.8 is v = (1, -1, -1)/sqrt 3 (check: (A + 0.8 I) v
    // = 0 row by row), so the repaired matrix is A + 0.8 v v' = A + (0.8/3) [1 -1 -1; -1 1 1;
    // -1 1 1]: diagonal 1 + 0.8/3, XY and XZ 0.9 - 0.8/3, YZ -0.9 + 0.8/3; eigenvalues 0, 1.9, 1.9.
    double d = 0.8 / 3;
    assertMatrixClose(new double[][] {{1 + d, 0.9 - d, 0.9 - d}, {0.9 - d, 1 + d, -0.9 + d},
      {0.9 - d, -0.9 + d, 1 + d}}, fixed.toArray(), 1e-12, "clipped matrix");
    // zero up to rounding of the largest eigenvalue (an absolute bound: the expectation is 0)
    assertEquals(0.0, fixed.eigenvalues()[0], 1e-12 * 1.9, "clipped eigenvalue");
    assertClose(1.9, fixed.eigenvalues()[2], 1e-12, "largest eigenvalue kept");
    CovarianceMatrix shifted = bad.withDiagonalShift(0.1);
    assertClose(0.1, shifted.eigenvalues()[0], 1e-12, "shifted smallest eigenvalue");
    assertClose(0.9, shifted.get("X", "Y"), 0, "covariances kept");
    assertClose(1.9, shifted.get("X", "X"), 1e-12, "variance grows by 0.9");
  }

  /** T x N returns (T rows) of independent noise, a fixed seed. */
  static ReturnFrame noise(int t, int n, long seed) {
    java.util.Random rnd = new java.util.Random(seed);
    double[][] cols = new double[n][t];
    List<String> names = new java.util.ArrayList<>();
    for (int a = 0; a < n; a++) {
      names.add(String.format("X%03d", a));
      for (int k = 0; k < t; k++) {
        cols[a][k] = 0.01 * rnd.nextGaussian();
      }
    }
    return ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 2), t), names, cols)
        .withFrequency(io.github.quantfolio.core.Frequency.DAILY);
  }

  @Test
  void fewerPeriodsThanAssetsIsFlaggedAndPrintedAsSingular() {
    // 10 periods, 20 assets: a centred 10-row data matrix has rank <= 9, so the sample matrix
    // has at least 11 zero eigenvalues. The flag is checked against the eigenvalues themselves.
    ReturnFrame r = noise(10, 20, 5);
    CovarianceMatrix s = CovarianceEstimator.sample().estimate(r);
    assertTrue(s.isRankDeficient());
    double[] ev = s.eigenvalues();
    assertTrue(Math.abs(ev[10]) <= 1e-12 * ev[19] && ev[11] > 1e-6 * ev[19],
        "exactly 9 positive eigenvalues: " + java.util.Arrays.toString(ev));
    String text = s.toString();
    assertTrue(text.contains("SINGULAR: estimated from 10 periods for 20 assets (rank at most 9 < 20)")
        && text.contains("consider CovarianceEstimator.ledoitWolf()"), text);
    // the same holds for the exponential estimate; the semicovariance is not centred (rank <= T)
    assertTrue(CovarianceEstimator.exponential(60).estimate(r).isRankDeficient());
    assertTrue(CovarianceEstimator.semicovariance(0).estimate(r).isRankDeficient());
    assertFalse(CovarianceEstimator.semicovariance(0).estimate(noise(20, 20, 5)).isRankDeficient());
    // T = N + 1 periods are enough for a centred estimate
    assertFalse(CovarianceEstimator.sample().estimate(noise(21, 20, 5)).isRankDeficient());
    assertTrue(CovarianceEstimator.sample().estimate(noise(20, 20, 5)).isRankDeficient());
    // shrinkage and a positive diagonal shift make it invertible; the flag follows
    CovarianceMatrix lw = CovarianceEstimator.ledoitWolf().estimate(r);
    assertTrue(lw.shrinkage().getAsDouble() > 0);
    assertFalse(lw.isRankDeficient());
    assertFalse(lw.toString().contains("SINGULAR"), lw.toString());
    CovarianceMatrix shifted = s.withDiagonalShift(1e-4);
    assertFalse(shifted.isRankDeficient());
    assertTrue(shifted.toString().contains("diagonal shift"), shifted.toString());
    // a subset of 5 assets from 10 periods is no longer singular by construction
    assertFalse(s.select(List.of("X000", "X001", "X002", "X003", "X004")).isRankDeficient());
    // the optimizers' inputs keep their meaning
    assertEquals(10, s.observations());
    assertTrue(s.shrinkage().isEmpty());
    // a matrix given by the caller makes no claim
    assertFalse(CovarianceMatrix.of(List.of("X"), new double[][] {{0.04}}).isRankDeficient());
  }

  @Test
  void everyEstimateSaysHowMuchOfTheDataItUsed() {
    ReturnFrame r = ragged(); // 12 periods; B misses periods 0-2, D misses period 6
    // COMPLETE_ROWS keeps the 8 periods where all four have a return
    CovarianceMatrix lw = CovarianceEstimator.ledoitWolf().estimate(r);
    assertEquals(8, lw.observations());
    assertEquals(12, lw.availablePeriods());
    assertEquals(8, lw.maxPairObservations());
    assertTrue(lw.toString().startsWith("CovarianceMatrix 4 x 4 (annualised), "
        + "CovarianceEstimator.ledoitWolf(CONSTANT_VARIANCE) [complete_rows] from 8 of 12 periods "
        + "(COMPLETE_ROWS dropped 4 periods with a missing return), shrinkage "), lw.toString());
    assertEquals(lw.estimator().orElseThrow().missingData(), MissingData.COMPLETE_ROWS);
    // PAIRWISE: by hand, B and D share periods 3-5 and 7-11 (8), A and C all 12
    CovarianceMatrix pw = CovarianceEstimator.sample().estimate(r);
    assertEquals(8, pw.observations());
    assertEquals(12, pw.maxPairObservations());
    assertTrue(pw.toString().contains("[pairwise] from 12 periods (PAIRWISE: pairs share 8 to 12 "
        + "periods)"), pw.toString());
    CovarianceMatrix ew = CovarianceEstimator.exponential(5).estimate(r);
    assertEquals(8, ew.observations());
    assertEquals(12, ew.maxPairObservations());
    CovarianceMatrix semi = CovarianceEstimator.semicovariance(0).estimate(r);
    assertEquals(8, semi.observations());
    assertEquals(12, semi.maxPairObservations());
    // ZERO_FILL: 3 + 1 missing returns taken as 0; they are not observations, and the sparsest
    // asset's real count says so (B: 12 - 3 = 9 real returns)
    CovarianceMatrix zf = CovarianceEstimator.sample().withMissingData(MissingData.ZERO_FILL)
        .estimate(r);
    assertTrue(zf.toString().contains("from 12 periods (ZERO_FILL counted 4 missing returns as 0: "
        + "filled values, not observations; 'B' has only 9 real returns)"), zf.toString());
    assertEquals(4, zf.filledValues());
    assertEquals(12, zf.observations());
    assertEquals(0, lw.filledValues(), "COMPLETE_ROWS fills nothing");
    assertTrue(CovarianceEstimator.sample().estimate(frame(ROWS)).toString()
        .contains("from 12 periods (no missing returns)"));
    // pairs sharing fewer periods than there are assets get a warning
    double[][] rows = new double[12][];
    for (int t = 0; t < 12; t++) {
      rows[t] = ROWS[t].clone();
      if (t < 9) {
        rows[t][1] = NaN; // B has 3 returns
      }
    }
    String thin = CovarianceEstimator.sample().estimate(frame(rows)).toString();
    assertTrue(thin.contains("WARNING: some pairs share only 3 periods for 4 assets"), thin);
  }

  @Test
  void simpleReturnsBelowMinus100PercentAreRejectedWithAssetAndDate() {
    double[][] rows = new double[12][];
    for (int t = 0; t < 12; t++) {
      rows[t] = ROWS[t].clone();
    }
    rows[4][2] = -1.5;
    // Either ReturnFrame.of or the estimator refuses it; both name asset, date and value.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CovarianceEstimator.ledoitWolf().estimate(frame(rows)));
    // period 4 of business days from 2024-01-02 is 2024-01-08
    assertTrue(e.getMessage().contains("'C'") && e.getMessage().contains("2024-01-08")
        && e.getMessage().contains("-1.5"), e.getMessage());
    // the same number as a log return is a fall of 78 %: accepted
    double[][] cols = new double[4][12];
    for (int t = 0; t < 12; t++) {
      for (int a = 0; a < 4; a++) {
        cols[a][t] = rows[t][a];
      }
    }
    ReturnFrame log = ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 2), 12), ASSETS,
        cols, ReturnFrame.Type.LOG);
    assertEquals(12, CovarianceEstimator.sample().estimate(log).observations());
  }

  @Test
  void tooFewCompleteRowsNameTheSparsestAsset() {
    double[][] rows = new double[12][];
    for (int t = 0; t < 12; t++) {
      rows[t] = ROWS[t].clone();
      if (t > 0) {
        rows[t][3] = NaN; // D has a single return
      }
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CovarianceEstimator.ledoitWolf().estimate(frame(rows)));
    assertTrue(e.getMessage().contains("only 1 of 12 periods have a return for every asset")
        && e.getMessage().contains("'D', has 1"), e.getMessage());
  }

  @Test
  void exponentialWeightsThatUnderflowAreNotANaNEntry() {
    // Span 3 (a = 0.5): a period k bars before the end weighs 0.5^k, which is 0 in doubles for
    // k > 1074. Asset B stops trading 1200 bars before the end: its variance would be 0/0.
    int t = 1300;
    double[][] cols = new double[2][t];
    java.util.Random rnd = new java.util.Random(3);
    for (int k = 0; k < t; k++) {
      cols[0][k] = 0.01 * rnd.nextGaussian();
      cols[1][k] = k < 100 ? 0.01 * rnd.nextGaussian() : NaN;
    }
    ReturnFrame r = ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2020, 1, 1), t),
        List.of("A", "B"), cols).withFrequency(io.github.quantfolio.core.Frequency.DAILY);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CovarianceEstimator.exponential(3).estimate(r));
    assertTrue(e.getMessage().contains("underflow to 0"), e.getMessage());
    // a span long enough keeps every weight positive
    assertTrue(Double.isFinite(CovarianceEstimator.exponential(500).estimate(r).get("B", "B")));
  }

  @Test
  void anOverflowingCovarianceIsAnErrorNotInfinity() {
    // returns alternating 1e200 and 1e199 deviate from their mean by 4.5e199: squares of 2e399
    double[][] rows = new double[12][];
    for (int t = 0; t < 12; t++) {
      rows[t] = ROWS[t].clone();
      rows[t][0] = t % 2 == 0 ? 1e200 : 1e199;
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CovarianceEstimator.sample().estimate(frame(rows)));
    assertTrue(e.getMessage().startsWith("The covariance of 'A' and 'A' is Infinity"),
        e.getMessage());
  }

  @Test
  void onlyAnEstimateSaysItIsAnnualised() {
    // a user's daily matrix was printed "(annualised)": of(...) cannot know the period
    CovarianceMatrix given = CovarianceMatrix.of(List.of("A"), new double[][] {{0.0004}});
    assertTrue(given.toString().startsWith("CovarianceMatrix 1 x 1, given with CovarianceMatrix.of"
        + " (not estimated by Quantfolio: the values are as supplied, read as annualised by every "
        + "method, which Quantfolio cannot check)\n"), given.toString());
    assertFalse(given.toString().contains("(annualised)"), given.toString());
    String risk = PortfolioRisk.of(io.github.quantfolio.core.Weights.of(List.of("A"),
        new double[] {1}), given).toString();
    assertTrue(risk.startsWith("PortfolioRisk: volatility 2.00% (annualised if the given "
        + "covariance is)"), risk);
    // an estimate is: the estimator scaled it by the frame's periods per year
    assertTrue(CovarianceEstimator.sample().estimate(frame(ROWS)).toString()
        .startsWith("CovarianceMatrix 4 x 4 (annualised), "));
  }

  @Test
  void aOneRowFrameNeedsTwoPeriodsRatherThanAFrequency() {
    // the frequency of one row cannot be inferred, but that error hid the real cause
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CovarianceEstimator.sample().estimate(frame(new double[][] {ROWS[0]})));
    assertEquals("A covariance needs at least 2 periods, but the return frame has 1",
        e.getMessage());
  }
}
