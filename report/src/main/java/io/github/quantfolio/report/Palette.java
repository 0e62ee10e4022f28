package io.github.quantfolio.report;

/**
 * Colours that colour-blind readers can tell apart: the Okabe-Ito palette (Okabe and Ito 2008,
 * "Color Universal Design") for series, and as {@code 0xRRGGBB} integers. Series colours are used
 * in the order blue, vermillion, bluish green, orange, sky blue, reddish purple, yellow, black
 * and then repeat; charts with more series than that group the smallest into "other" (see
 * {@link Charts#weights}).
 *
 * @since 0.1.0
 */
public final class Palette {

  private Palette() {
  }

  /** Okabe-Ito blue, {@code #0072B2}. */
  public static final int BLUE = 0x0072B2;
  /** Okabe-Ito vermillion, {@code #D55E00}. */
  public static final int VERMILLION = 0xD55E00;
  /** Okabe-Ito bluish green, {@code #009E73}. */
  public static final int GREEN = 0x009E73;
  /** Okabe-Ito orange, {@code #E69F00}. */
  public static final int ORANGE = 0xE69F00;
  /** Okabe-Ito sky blue, {@code #56B4E9}. */
  public static final int SKY_BLUE = 0x56B4E9;
  /** Okabe-Ito reddish purple, {@code #CC79A7}. */
  public static final int PURPLE = 0xCC79A7;
  /** Okabe-Ito yellow, {@code #F0E442}. */
  public static final int YELLOW = 0xF0E442;
  /** Okabe-Ito black, {@code #000000}. */
  public static final int BLACK = 0x000000;
  /** A neutral grey for secondary lines (assets behind a portfolio), {@code #999999}. */
  public static final int GREY = 0x999999;
  /** The colour of axes, ticks and text, {@code #333333}. */
  public static final int INK = 0x333333;

  private static final int[] SERIES = {BLUE, VERMILLION, GREEN, ORANGE, SKY_BLUE, PURPLE, YELLOW,
      BLACK};

  /**
   * The number of distinct series colours before they repeat.
   *
   * @return 8
   */
  public static int size() {
    return SERIES.length;
  }

  /**
   * The colour of the {@code i}-th series (repeating after {@link #size()}).
   *
   * @param i the series number, &gt;= 0
   * @return the colour as {@code 0xRRGGBB}
   */
  public static int series(int i) {
    if (i < 0) {
      throw new IllegalArgumentException("Expected series number >= 0, but found " + i);
    }
    return SERIES[i % SERIES.length];
  }

  /**
   * The colour as CSS/SVG hex text, e.g. {@code "#0072b2"}.
   *
   * @param rgb the colour as {@code 0xRRGGBB}
   * @return {@code #rrggbb} in lower case
   */
  public static String hex(int rgb) {
    String s = Integer.toHexString((rgb & 0xFFFFFF) | 0x1000000);
    return "#" + s.substring(1);
  }

  /**
   * Linear interpolation between two colours, channel by channel.
   *
   * @param a the colour at {@code t = 0}
   * @param b the colour at {@code t = 1}
   * @param t the position, clamped to [0, 1] (NaN gives {@code a})
   * @return the mixed colour
   */
  public static int mix(int a, int b, double t) {
    double u = t > 1 ? 1 : t > 0 ? t : 0;
    int r = (int) Math.round(((a >> 16) & 255) * (1 - u) + ((b >> 16) & 255) * u);
    int g = (int) Math.round(((a >> 8) & 255) * (1 - u) + ((b >> 8) & 255) * u);
    int bl = (int) Math.round((a & 255) * (1 - u) + (b & 255) * u);
    return (r << 16) | (g << 8) | bl;
  }

  /**
   * Whether black text reads better than white on a colour (relative luminance above 0.4,
   * sRGB approximated by a square).
   *
   * @param rgb the background colour
   * @return true for dark text
   */
  public static boolean isLight(int rgb) {
    double r = ((rgb >> 16) & 255) / 255.0;
    double g = ((rgb >> 8) & 255) / 255.0;
    double b = (rgb & 255) / 255.0;
    return 0.2126 * r * r + 0.7152 * g * g + 0.0722 * b * b > 0.4 * 0.4 + 0.02;
  }
}
