package io.github.quantfolio.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Factor attribution on returns built from known exposures. */
class FactorAttributionTest {

  /**
   * Without noise the regression recovers the construction exactly: r = 0.0005 + 1.2 MKT -
   * 0.4 SMB + 0.3 HML, so alpha 0.0005, betas 1.2, -0.4, 0.3, R^2 1, and the parts sum to the
   * total. With noise orthogonal to nothing in particular, the parts still sum exactly.
   */
  @Test
  void recoversKnownExposuresAndTheSplitIsExact() {
    SplittableRandom rnd = new SplittableRandom(1);
    int t = 250;
    double[] mkt = new double[t];
    double[] smb = new double[t];
    double[] hml = new double[t];
    double[] r = new double[t];
    double[] noisy = new double[t];
    for (int s = 0; s < t; s++) {
      mkt[s] = rnd.nextGaussian() * 0.01;
      smb[s] = rnd.nextGaussian() * 0.005;
      hml[s] = rnd.nextGaussian() * 0.005;
      r[s] = 0.0005 + 1.2 * mkt[s] - 0.4 * smb[s] + 0.3 * hml[s];
      noisy[s] = r[s] + rnd.nextGaussian() * 0.002;
    }
    Map<String, double[]> f = new LinkedHashMap<>();
    f.put("MKT", mkt);
    f.put("SMB", smb);
    f.put("HML", hml);
    FactorAttribution a = FactorAttribution.of(r, f);
    assertEquals(1.2, a.exposures().get("MKT"), 1e-10);
    assertEquals(-0.4, a.exposures().get("SMB"), 1e-10);
    assertEquals(0.3, a.exposures().get("HML"), 1e-10);
    assertEquals(0.0005, a.alpha(), 1e-12);
    assertEquals(1, a.rSquared(), 1e-12);
    FactorAttribution n = FactorAttribution.of(noisy, f);
    double parts = n.alphaContribution() + n.specificReturn();
    for (double c : n.contributions().values()) {
      parts += c;
    }
    assertEquals(n.totalReturn(), parts, 1e-13);
    assertEquals(0, n.specificReturn(), 1e-13); // OLS residuals with an intercept sum to 0
    assertTrue(n.rSquared() > 0.9 && n.rSquared() < 1, String.valueOf(n.rSquared()));
    assertEquals(1.2, n.exposures().get("MKT"), 0.05);
  }

  @Test
  void badInputIsNamed() {
    double[] r = {0.01, 0.02, -0.01, 0.0, 0.01};
    Map<String, double[]> f = new LinkedHashMap<>();
    f.put("MKT", new double[] {0.01, 0.02, -0.01, 0.0, 0.01});
    f.put("TWICE", new double[] {0.02, 0.04, -0.02, 0.0, 0.02});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FactorAttribution.of(r, f));
    assertTrue(e.getMessage().contains("collinear"), e.getMessage());
    Map<String, double[]> bad = new LinkedHashMap<>();
    bad.put("MKT", new double[] {0.01, Double.NaN, -0.01, 0.0, 0.01});
    e = assertThrows(IllegalArgumentException.class, () -> FactorAttribution.of(r, bad));
    assertEquals("Factor attribution: the return of factor 'MKT' in period 1 is NaN",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> FactorAttribution.of(new double[] {0.1, 0.2}, Map.of("MKT", new double[] {1, 2})));
    assertTrue(e.getMessage().contains("need at least 3"), e.getMessage());
  }
}
