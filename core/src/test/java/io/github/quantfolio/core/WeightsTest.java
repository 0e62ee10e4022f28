package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.assertThrowsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightsTest {

  private static Weights w(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return Weights.of(m);
  }

  @Test
  void exposuresAndTurnover() {
    Weights a = w("X", 0.6, "Y", 0.5, "Z", -0.1);
    assertEquals(1.0, a.sum(), Tolerance.EXACT);
    assertEquals(1.2, a.grossExposure(), Tolerance.EXACT);
    assertEquals(1.1, a.longExposure(), Tolerance.EXACT);
    assertEquals(-0.1, a.shortExposure(), Tolerance.EXACT);
    // |0.6-0.5| + |0.5-0| + |-0.1-0| + |0-0.5| = 0.1 + 0.5 + 0.1 + 0.5 = 1.2 (union of assets).
    assertEquals(1.2, a.turnover(w("X", 0.5, "W", 0.5)), Tolerance.EXACT);
  }

  @Test
  void cleaningIsExplicit() {
    Weights a = w("X", 0.123456, "Y", 0.00001, "Z", 0.876534);
    assertArrayEquals(new double[] {0.1235, 0.0, 0.8765}, a.rounded(4).toArray(), 0.0);
    assertEquals(List.of("X", "Z"), a.withoutBelow(1e-4).nonZero().assets());
    assertEquals(1.0, w("X", 1, "Y", 3).normalized().sum(), Tolerance.EXACT);
    assertArrayEquals(new double[] {0.25, 0.75}, w("X", 1, "Y", 3).normalized().toArray(), Tolerance.EXACT);
  }

  @Test
  void lookupsAndValidation() {
    Weights a = Weights.equal(List.of("X", "Y", "Z", "W"));
    assertEquals(0.25, a.get("Y"));
    assertEquals(0.0, a.getOrZero("Q"));
    assertArrayEquals(new double[] {0.25, 0, 0.25}, a.toArray(List.of("W", "Q", "X")), 0.0);
    assertThrowsWith(IllegalArgumentException.class, () -> a.get("Q"), "Unknown asset 'Q'");
    assertThrowsWith(IllegalArgumentException.class,
        () -> Weights.of(List.of("X", "Y"), new double[] {0.5, Double.NaN}), "'Y'", "NaN");
    assertThrowsWith(IllegalArgumentException.class,
        () -> Weights.of(List.of("X", "Y"), new double[] {1}), "Expected 2 values");
    assertThrowsWith(IllegalArgumentException.class, () -> w("X", 1, "Y", -1).normalized(), "sum to 0.0");
    assertTrue(a.toString().contains("25.00"));
  }

  @Test
  void assetVectorLooksUpByName() {
    AssetVector v = AssetVector.of(List.of("X", "Y"), new double[] {1.5, -2});
    assertEquals(-2, v.get("Y"));
    assertArrayEquals(new double[] {-2, 1.5}, v.toArray(List.of("Y", "X")), 0.0);
    assertThrowsWith(IllegalArgumentException.class, () -> v.get("Z"), "Unknown asset 'Z'");
    assertThrowsWith(IllegalArgumentException.class,
        () -> AssetVector.of(List.of("X"), new double[] {Double.POSITIVE_INFINITY}), "'X'", "Infinity");
  }
}
