package io.github.quantfolio.report;

/**
 * Maps a value to a cell colour. {@link #diverging} runs from vermillion-red (low) through
 * near-white (the midpoint) to blue (high), after ColorBrewer's colour-blind-safe RdBu; use it for
 * returns and correlations. {@link #sequential} runs through viridis's anchor colours (dark
 * purple, blue, teal, green, yellow), which stay ordered in grey and for colour-blind readers.
 * NaN maps to light grey. Immutable.
 *
 * @param diverging whether the scale is diverging (else sequential)
 * @param min the value of the first colour
 * @param mid the value of the middle colour (diverging scales only; else the midpoint)
 * @param max the value of the last colour
 * @since 0.1.0
 */
public record ColourScale(boolean diverging, double min, double mid, double max) {

  private static final int[] RDBU = {0xB2182B, 0xEF8A62, 0xF7F7F7, 0x67A9CF, 0x2166AC};
  private static final int[] VIRIDIS = {0x440154, 0x3B528B, 0x21908C, 0x5DC863, 0xFDE725};
  /** The colour of a missing (NaN) cell. */
  public static final int MISSING = 0xE6E6E6;

  /**
   * Validates the bounds.
   *
   * @param diverging whether diverging
   * @param min the low end, finite
   * @param mid the midpoint, finite, between min and max
   * @param max the high end, finite, &gt; min
   */
  public ColourScale {
    if (!Double.isFinite(min) || !Double.isFinite(max) || !Double.isFinite(mid) || !(min < max)
        || mid < min || mid > max) {
      throw new IllegalArgumentException("Expected finite min <= mid <= max with min < max, but "
          + "found min " + min + ", mid " + mid + ", max " + max);
    }
  }

  /**
   * A diverging scale centred on {@code mid} and symmetric: it spans {@code mid +- halfWidth}.
   *
   * @param mid the neutral value (0 for returns and correlations)
   * @param halfWidth the distance from {@code mid} to either end, finite and &gt; 0
   * @return the scale
   */
  public static ColourScale diverging(double mid, double halfWidth) {
    if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
      throw new IllegalArgumentException("Expected finite halfWidth > 0, but found " + halfWidth);
    }
    return new ColourScale(true, mid - halfWidth, mid, mid + halfWidth);
  }

  /**
   * A sequential scale from {@code min} (dark) to {@code max} (bright).
   *
   * @param min the low end, finite
   * @param max the high end, finite, &gt; {@code min}
   * @return the scale
   */
  public static ColourScale sequential(double min, double max) {
    return new ColourScale(false, min, (min + max) / 2, max);
  }

  /**
   * The colour of a value; values beyond the ends take the end colours; NaN gives
   * {@link #MISSING}.
   *
   * @param value the value
   * @return the colour as {@code 0xRRGGBB}
   */
  public int rgb(double value) {
    if (Double.isNaN(value)) {
      return MISSING;
    }
    double t;
    if (diverging) {
      t = value <= mid ? 0.5 * (value - min) / (mid - min == 0 ? 1 : mid - min)
          : 0.5 + 0.5 * (value - mid) / (max - mid == 0 ? 1 : max - mid);
    } else {
      t = (value - min) / (max - min);
    }
    t = t > 1 ? 1 : t > 0 ? t : 0;
    int[] anchors = diverging ? RDBU : VIRIDIS;
    double p = t * (anchors.length - 1);
    int i = Math.min((int) p, anchors.length - 2);
    return Palette.mix(anchors[i], anchors[i + 1], p - i);
  }
}
