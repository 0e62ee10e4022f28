package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Views that cannot all hold, views that restate each other, and inputs to Black-Litterman that
 * make no sense: each named in the message (issue 11: contradictory fully confident views leaked
 * the solver's "pivot 0.0 in column 1").
 */
class BlackLittermanViewsTest {

  static BlackLitterman model() {
    return BlackLittermanTest.model();
  }

  @Test
  void contradictoryFullyConfidentViewsAreNamed() {
    // A - B = 0.05 and B - A = 0.03: the second pick is -1 x the first, so it could only hold
    // with q = -0.05.
    BlackLitterman bl = model().withRelativeView("A", "B", 0.05).withRelativeView("B", "A", 0.03)
        .withConfidences(1, 1);
    OptimizationException e = assertThrows(OptimizationException.class, bl::posteriorReturns);
    assertEquals("Views 1 ('A - B = 0.05') and 2 ('B - A = 0.03') contradict each other and are "
        + "fully confident (no view variance in Omega): view 2's pick is that of -view 1, so it "
        + "could hold only with q = -0.05, not 0.03; lower a confidence (withConfidences) or "
        + "remove a view", e.getMessage());
    assertFalse(e.getMessage().contains("pivot"), e.getMessage());
  }

  @Test
  void aContradictionAmongThreeViewsNamesAllThree() {
    // A = 0.10 and B = 0.05 imply A - B = 0.05; the third view says 0.02. An unrelated view on C
    // in between is not named.
    BlackLitterman bl = model().withAbsoluteView("A", 0.10).withAbsoluteView("C", 0.2)
        .withAbsoluteView("B", 0.05).withRelativeView("A", "B", 0.02).withConfidences(1, 1, 1, 1);
    OptimizationException e = assertThrows(OptimizationException.class, bl::posteriorReturns);
    assertEquals("Views 1 ('A = 0.1'), 3 ('B = 0.05') and 4 ('A - B = 0.02') contradict each "
        + "other and are fully confident (no view variance in Omega): view 4's pick is that of "
        + "view 1 - view 3, so it could hold only with q = 0.05, not 0.02; lower a confidence "
        + "(withConfidences) or remove a view", e.getMessage());
    // a zero Omega makes views fully confident in the same way
    BlackLitterman zero = model().withRelativeView("A", "B", 0.05).withRelativeView("B", "A", 0.03)
        .withOmega(new double[2][2]);
    assertTrue(assertThrows(OptimizationException.class, zero::posteriorCovariance).getMessage()
        .startsWith("Views 1 ('A - B = 0.05') and 2 ('B - A = 0.03') contradict each other"));
  }

  @Test
  void aFullyConfidentViewThatRestatesOthersChangesNothing() {
    // B - A = -0.02 is A - B = 0.02 again; with both fully confident the posterior is that of
    // the first alone (before the fix: "Views are linearly dependent ... pivot 0.0 in column 1").
    BlackLitterman one = model().withRelativeView("A", "B", 0.02).withAbsoluteView("C", 0.15)
        .withConfidences(1, 1);
    BlackLitterman twice = model().withRelativeView("A", "B", 0.02).withAbsoluteView("C", 0.15)
        .withRelativeView("B", "A", -0.02).withConfidences(1, 1, 1);
    AssetVector a = one.posteriorReturns();
    AssetVector b = twice.posteriorReturns();
    for (String s : BlackLittermanTest.A) {
      Tolerance.assertClose(a.get(s), b.get(s), Tolerance.CLOSED_FORM, s);
      Tolerance.assertClose(one.posteriorCovariance().get(s, s),
          twice.posteriorCovariance().get(s, s), Tolerance.CLOSED_FORM, s);
    }
    Tolerance.assertClose(0.02, b.get("A") - b.get("B"), Tolerance.CLOSED_FORM, "view held");
  }

  @Test
  void viewsPrintTheirAssetsInAFixedOrder() {
    // Map.of iterates in an order that changes between JVM runs; the text must not.
    BlackLitterman bl = model().withView(Map.of("C", -1.0, "A", 0.5, "B", 0.5), 0.01);
    assertEquals("BlackLitterman: 3 assets, tau 0.05, 1 view (on annualised returns), "
        + "He-Litterman Omega\n"
        + "  0.5 A + 0.5 B - C = 0.01\n", bl.toString());
  }

  @Test
  void omegaThatIsNoCovarianceIsRejectedWithTheEntry() {
    BlackLitterman two = model().withAbsoluteView("A", 0.1).withAbsoluteView("B", 0.05);
    assertEquals("Omega entry (1, 1), the variance of view 2 ('B = 0.05'), is -0.001; expected "
        + ">= 0", assertThrows(IllegalArgumentException.class,
            () -> two.withOmega(new double[][] {{0.001, 0}, {0, -0.001}})).getMessage());
    assertEquals("Omega is not symmetric: entry (1, 0) is 0.0 but (0, 1) is 5.0E-4",
        assertThrows(IllegalArgumentException.class,
            () -> two.withOmega(new double[][] {{0.001, 0.0005}, {0, 0.001}})).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> two.withOmega(new double[][] {{0.001, 0.002}, {0.002, 0.001}})).getMessage()
        .startsWith("Omega entry (1, 0) is 0.002, larger in magnitude than sqrt(Omega(1, 1) x "
            + "Omega(0, 0)) = 0.001"));
  }

  @Test
  void aViewAddedAfterConfidencesOrOmegaIsRefused() {
    // "A = 0.3" held with 100% confidence, then a view on B was added: the confidences were
    // dropped in silence and A's posterior came out between prior and view (He-Litterman)
    BlackLitterman confident = model().withAbsoluteView("A", 0.3).withConfidences(1.0);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> confident.withAbsoluteView("B", 0.0));
    assertEquals("Cannot add the view 'B = 0' after withConfidences(...): its 1 confidence is for "
        + "the view added before; add every view first, then call withConfidences once with one "
        + "confidence per view", e.getMessage());
    BlackLitterman omega = model().withAbsoluteView("A", 0.3).withOmega(new double[][] {{0}});
    assertEquals("Cannot add the view 'A - B = 0.01' after withOmega(...): its 1 x 1 Omega is for "
        + "the view added before; add every view first, then call withOmega once with a row and "
        + "column per view", assertThrows(IllegalStateException.class,
            () -> omega.withRelativeView("A", "B", 0.01)).getMessage());
    assertThrows(IllegalStateException.class, () -> omega.withView(Map.of("C", 1.0), 0.1));
    // the order that works: both views, then one confidence each; A's view holds exactly
    Tolerance.assertClose(0.3, model().withAbsoluteView("A", 0.3).withAbsoluteView("B", 0.0)
        .withConfidences(1.0, 0.5).posteriorReturns().get("A"), Tolerance.CLOSED_FORM, "A");
  }

  @Test
  void omegaThatIsNotPositiveSemidefiniteIsRejected() {
    // Each pair is a valid covariance (|0.009| <= sqrt(0.01 x 0.01)), the whole is not: the
    // combination (1, -1, 1) has variance 3 x 0.01 - 2 x (0.009 + 0.009 + 0.009) = -0.024, and
    // the smallest eigenvalue is 0.01 - 2 x 0.009 = -0.008 (eigenvector (1, -1, 1) / sqrt 3).
    // It was accepted, and the posterior then reported a contradiction among fully confident
    // views although every view has a positive variance.
    BlackLitterman three = model().withAbsoluteView("A", 0.1).withAbsoluteView("B", 0.1)
        .withAbsoluteView("C", 0.1);
    double[][] indefinite = {{0.01, 0.009, -0.009}, {0.009, 0.01, 0.009}, {-0.009, 0.009, 0.01}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> three.withOmega(indefinite));
    assertEquals("Omega is not positive semidefinite: the block of views 1 ('A = 0.1'), 2 "
        + "('B = 0.1') and 3 ('C = 0.1') has the eigenvalue -0.008 < 0, so some combination of "
        + "these views would have a negative error variance; Omega must be a covariance matrix "
        + "of the view errors", e.getMessage());
    // a singular PSD Omega (views 1 and 2 with perfectly correlated errors) is accepted
    assertTrue(three.withOmega(new double[][] {{0.01, 0.01, 0}, {0.01, 0.01, 0}, {0, 0, 0.01}})
        .toString().contains("explicit Omega"));
  }

  @Test
  void aConfidenceOutsideItsRangeNamesTheView() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model().withAbsoluteView("A", 0.1).withRelativeView("A", "B", 0.02)
            .withConfidences(0.5, 1.5));
    assertTrue(e.getMessage().contains("confidence of view 2 ('A - B = 0.02')"), e.getMessage());
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
  }

  @Test
  void marketImpliedRiskAversionRefusesWhatNoPriorCanUse() {
    TimeIndex days = TimeIndex.businessDays(LocalDate.of(2024, 1, 2), 5);
    // constant prices: variance 0, delta = x / 0 (was +-Infinity or NaN)
    PriceFrame flat = PriceFrame.of(days, List.of("MKT"),
        new double[][] {{100, 100, 100, 100, 100}});
    assertEquals("The market index's 4 returns do not vary; its implied risk aversion (excess "
        + "return / variance) is undefined", assertThrows(IllegalArgumentException.class,
            () -> BlackLitterman.marketImpliedRiskAversion(flat, 0.02)).getMessage());
    // a falling market: mean return below rf gives a negative delta (was returned as is)
    PriceFrame falling = PriceFrame.of(days, List.of("MKT"),
        new double[][] {{100, 99, 99.5, 98, 97}});
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> BlackLitterman.marketImpliedRiskAversion(falling, 0.02));
    assertTrue(e.getMessage().startsWith("The market returned -"), e.getMessage());
    assertTrue(e.getMessage().contains("not above the risk-free rate 0.02"), e.getMessage());
  }
}
