package io.github.quantfolio.report.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Draws canvas operations with Java2D (anti-aliased; works in headless mode). */
public final class Java2dCanvas implements Canvas {

  private final Graphics2D g;

  /**
   * A canvas on {@code g} (its transform may scale for high-DPI output).
   *
   * @param g the graphics
   */
  public Java2dCanvas(Graphics2D g) {
    this.g = g;
  }

  private void colour(int rgb, double opacity) {
    int a = (int) Math.round(255 * Math.max(0, Math.min(1, opacity)));
    g.setColor(new Color((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, a));
  }

  @Override
  public void rect(double x, double y, double w, double h, int rgb, double opacity) {
    colour(rgb, opacity);
    g.fill(new Rectangle2D.Double(x, y, w, h));
  }

  private static Path2D.Double path(double[] xs, double[] ys, int n) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(xs[0], ys[0]);
    for (int i = 1; i < n; i++) {
      p.lineTo(xs[i], ys[i]);
    }
    return p;
  }

  @Override
  public void polyline(double[] xs, double[] ys, int n, int rgb, double width, boolean dashed) {
    if (n < 2) {
      return;
    }
    colour(rgb, 1);
    g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 3f}, 0f)
        : new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
    g.draw(path(xs, ys, n));
  }

  @Override
  public void polygon(double[] xs, double[] ys, int n, int rgb, double opacity) {
    if (n < 2) {
      return;
    }
    Path2D.Double p = path(xs, ys, n);
    p.closePath();
    colour(rgb, opacity);
    g.fill(p);
  }

  @Override
  public void circle(double cx, double cy, double r, int rgb) {
    colour(rgb, 1);
    g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
  }

  @Override
  public void text(double x, double y, String text, double size, int anchor, int rgb,
      boolean bold, boolean vertical) {
    colour(rgb, 1);
    g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1)
        .deriveFont((float) size));
    double w = g.getFontMetrics().getStringBounds(text, g).getWidth();
    double dx = anchor == START ? 0 : anchor == MIDDLE ? -w / 2 : -w;
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    if (vertical) {
      g.rotate(-Math.PI / 2);
    }
    g.drawString(text, (float) dx, 0f);
    g.setTransform(saved);
  }
}
