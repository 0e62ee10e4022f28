package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.assertThrowsWith;
import static io.github.quantfolio.core.TestData.days;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finite inputs that used to turn into infinities or plausible numbers in core: statistics of
 * huge values, simple returns below -100 %, normalisation and adjustment beyond the double range,
 * volume sums, far dates, weight sums.
 */
class RangeTest {

  @Test
  void statisticsOfHugeValuesAreExact() {
    // Two prices of 1e308 and 1.5e308: mean 1.25e308 and sample deviation
    // sqrt(2 (0.25e308)^2 / 1) = 0.25e308 sqrt(2) (the sum and the squares overflow: were Infinity)
    PriceFrame p = PriceFrame.of(days("2024-01-02", "2024-01-03"), List.of("X"),
        new double[][] {{1e308, 1.5e308}});
    AssetSummary s = p.describe().get("X");
    assertEquals(1.25e308, s.mean(), Math.ulp(1.25e308));
    assertEquals(0.25e308 * Math.sqrt(2), s.std(), 4 * Math.ulp(0.25e308 * Math.sqrt(2)));
    // returns of +-1e200 (plausible only as a test): sample deviation from BigDecimal
    ReturnFrame r = ReturnFrame.of(days("2024-01-02", "2024-01-03", "2024-01-04"),
        List.of("Y"), new double[][] {{1e200, 3e200, 8e200}}, ReturnFrame.Type.LOG);
    BigDecimal mean = new BigDecimal("4e200");
    BigDecimal ss = new BigDecimal("9e400").add(new BigDecimal("1e400"))
        .add(new BigDecimal("16e400")); // (1-4)^2 + (3-4)^2 + (8-4)^2 = 26 (x 1e400)
    double std = Math.sqrt(ss.divide(BigDecimal.valueOf(2), MathContext.DECIMAL64).doubleValue());
    assertEquals(mean.doubleValue(), r.mean("Y"), Math.ulp(4e200));
    assertEquals(std, r.std("Y"), 1e-15 * std);
  }

  @Test
  void statisticsOfTinyValuesAreExact() {
    // Prices 1e-300 and 2e-300: mean 1.5e-300, sample deviation sqrt(2 (0.5e-300)^2 / 1) =
    // 1e-300 / sqrt(2) (the squared deviations, 2.5e-601, underflowed to 0: the deviation was 0)
    PriceFrame p = PriceFrame.of(days("2024-01-02", "2024-01-03"), List.of("X"),
        new double[][] {{1e-300, 2e-300}});
    AssetSummary s = p.describe().get("X");
    assertEquals(1.5e-300, s.mean(), Math.ulp(1.5e-300));
    assertEquals(1e-300 / Math.sqrt(2), s.std(), 4 * Math.ulp(1e-300 / Math.sqrt(2)));
    // log returns 1, 3, 8 (x 1e-170): mean 4e-170, deviations -3, -1, 4: sum of squares 26,
    // sample variance 13, deviation sqrt(13) e-170 (their squares, about 1e-339, were 0 too)
    ReturnFrame r = ReturnFrame.of(days("2024-01-02", "2024-01-03", "2024-01-04"),
        List.of("Y"), new double[][] {{1e-170, 3e-170, 8e-170}}, ReturnFrame.Type.LOG);
    assertEquals(4e-170, r.mean("Y"), Math.ulp(4e-170));
    assertEquals(Math.sqrt(13) * 1e-170, r.std("Y"), 1e-15 * Math.sqrt(13) * 1e-170);
  }

  @Test
  void compoundingErrorsSayWhichBoundWasCrossed() {
    // Returns of -0.999999999999 from 1e-300: each step multiplies by 1e-12, so the price is
    // 1e-312 (subnormal, still > 0) after the first and below the smallest double after the
    // second. It used to be blamed on "a return <= -100% or an overflow".
    ReturnFrame falls = ReturnFrame.of(days("2024-01-02", "2024-01-03", "2024-01-04"),
        List.of("X"), new double[][] {{-0.999999999999, -0.999999999999, 0.1}})
        .withBase(LocalDate.of(2024, 1, 1));
    assertThrowsWith(IllegalArgumentException.class, () -> falls.toPrices(1e-300),
        "Compounding the returns of 'X' gives a price below the smallest positive double on "
            + "2024-01-03: ", " x (1 - 0.999999999999) underflows to 0");
    ReturnFrame loss = ReturnFrame.of(days("2024-01-02", "2024-01-03"), List.of("X"),
        new double[][] {{0.1, -1}}).withBase(LocalDate.of(2024, 1, 1));
    assertThrowsWith(IllegalArgumentException.class, () -> loss.toPrices(1),
        "Compounding the returns of 'X' gives the price 0 on 2024-01-03: 1.1 x (1 - 1.0); a "
            + "return of -100 % (a total loss) leaves no price, and prices must be > 0");
    ReturnFrame soars = ReturnFrame.of(days("2024-01-02"), List.of("X"), new double[][] {{1e300}})
        .withBase(LocalDate.of(2024, 1, 1));
    assertThrowsWith(IllegalArgumentException.class, () -> soars.toPrices(1e10),
        "Compounding the returns of 'X' gives a price beyond the largest double on 2024-01-02: "
            + "1.0E10 x (1 + 1.0E300) overflows to Infinity");
    ReturnFrame logFalls = ReturnFrame.of(days("2024-01-02"), List.of("X"),
        new double[][] {{-800}}, ReturnFrame.Type.LOG).withBase(LocalDate.of(2024, 1, 1));
    assertThrowsWith(IllegalArgumentException.class, () -> logFalls.toPrices(1),
        "gives a price below the smallest positive double on 2024-01-02: 1.0 x exp(-800.0) "
            + "underflows to 0");
  }

  @Test
  void simpleReturnsBelowMinus100PercentAreRejected() {
    assertThrowsWith(IllegalArgumentException.class,
        () -> ReturnFrame.of(days("2024-01-02", "2024-01-03"), List.of("X"),
            new double[][] {{0.1, -1.5}}),
        "Simple return of 'X' on 2024-01-03 is -1.5; a simple return is at least -1 (-100 %, a "
            + "total loss)");
    // a total loss is possible; a log return of -1.5 is a 78 % loss
    ReturnFrame.of(days("2024-01-02"), List.of("X"), new double[][] {{-1}});
    ReturnFrame.of(days("2024-01-02"), List.of("X"), new double[][] {{-1.5}},
        ReturnFrame.Type.LOG);
  }

  @Test
  void transformationsBeyondTheDoubleRangeAreErrors() {
    PriceFrame p = PriceFrame.of(days("2024-01-02", "2024-01-03"), List.of("X"),
        new double[][] {{1e-300, 1e300}});
    // 1e300 / 1e-300 = 1e600: was an Infinity inside a PriceFrame
    assertThrowsWith(IllegalArgumentException.class, p::normalized,
        "Normalising 'X' gives Infinity on 2024-01-03 (price 1.0E300 / first price 1.0E-300), not "
            + "a valid price");
    // an adjustment factor 1e300 / 1e-10 beyond the range: prices and volume were Infinity / 0
    double[] tiny = {1e-10};
    Bars b = Bars.of("X", days("2024-01-02"), tiny, tiny, tiny, tiny, new double[] {1},
        new double[] {1e300});
    assertThrowsWith(IllegalArgumentException.class, b::adjusted,
        "Adjusting the bar of 'X' on 2024-01-02 by adjusted close / close = Infinity gives an "
            + "invalid bar: open, high, low and close must all be finite and > 0");
    Bars v = Bars.of("V", days("2024-01-02", "2024-01-03"), new double[] {1, 1},
        new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1},
        new double[] {1.5e308, 1.5e308});
    assertThrowsWith(IllegalArgumentException.class, () -> v.resample(Frequency.MONTHLY),
        "Resampling bars of 'V' to MONTHLY (12/yr): the volumes of the period ending 2024-01-03 "
            + "sum to Infinity");
  }

  @Test
  void datesBeyondTheMillisecondRangeAreRejected() {
    // LocalDate.MAX's epoch milliseconds overflow a long: epochMillis(0) used to be garbage
    assertThrowsWith(IllegalArgumentException.class, () -> TimeIndex.ofDates(LocalDate.MAX),
        "The date at position 0 (epoch day 365241780471) is outside the supported range");
    assertThrows(IllegalArgumentException.class,
        () -> TimeIndex.businessDays(LocalDate.of(300_000_000, 1, 1), 3));
    TimeIndex far = TimeIndex.ofEpochDays(new long[] {TimeIndex.MAX_EPOCH_DAY});
    assertEquals(TimeIndex.MAX_EPOCH_DAY * TimeIndex.MILLIS_PER_DAY, far.epochMillis(0));
  }

  @Test
  void weightSumsThatOverflowAreErrors() {
    Weights w = Weights.of(List.of("A", "B"), new double[] {1e308, 1e308});
    assertEquals("Weights: the sum of the weights overflows the range of double (Infinity); "
        + "weights are fractions of portfolio value",
        assertThrows(ArithmeticException.class, w::sum).getMessage());
    assertThrows(ArithmeticException.class, w::grossExposure);
    assertThrows(ArithmeticException.class,
        () -> w.turnover(Weights.of(List.of("A", "B"), new double[] {-1e308, 0})));
    // rounding to absurd precision changes nothing and returns at once (was unbounded work)
    Weights small = Weights.of(List.of("A"), new double[] {0.123456789});
    assertEquals(small, small.rounded(Integer.MAX_VALUE));
  }
}
