package io.github.quantfolio.report.internal;

/**
 * What the chart painter draws on, in pixels (origin top-left, y down). Implemented by the SVG
 * writer and by Java2D, so both renderings come from one layout.
 */
public interface Canvas {

  /** Text anchored at its start. */
  int START = -1;
  /** Text centred. */
  int MIDDLE = 0;
  /** Text anchored at its end. */
  int END = 1;

  /**
   * Fills a rectangle.
   *
   * @param x left
   * @param y top
   * @param w width
   * @param h height
   * @param rgb colour
   * @param opacity 0..1
   */
  void rect(double x, double y, double w, double h, int rgb, double opacity);

  /**
   * Strokes a polyline through the first {@code n} points.
   *
   * @param xs x coordinates
   * @param ys y coordinates
   * @param n the number of points
   * @param rgb colour
   * @param width stroke width
   * @param dashed whether dashed
   */
  void polyline(double[] xs, double[] ys, int n, int rgb, double width, boolean dashed);

  /**
   * Fills a polygon through the first {@code n} points.
   *
   * @param xs x coordinates
   * @param ys y coordinates
   * @param n the number of points
   * @param rgb colour
   * @param opacity 0..1
   */
  void polygon(double[] xs, double[] ys, int n, int rgb, double opacity);

  /**
   * Fills a circle.
   *
   * @param cx centre x
   * @param cy centre y
   * @param r radius
   * @param rgb colour
   */
  void circle(double cx, double cy, double r, int rgb);

  /**
   * Draws text with its baseline at {@code y}.
   *
   * @param x anchor x
   * @param y baseline y
   * @param text the text
   * @param size font size in pixels
   * @param anchor {@link #START}, {@link #MIDDLE} or {@link #END}
   * @param rgb colour
   * @param bold whether bold
   * @param vertical whether rotated 90 degrees counter-clockwise about the anchor
   */
  void text(double x, double y, String text, double size, int anchor, int rgb, boolean bold,
      boolean vertical);
}
