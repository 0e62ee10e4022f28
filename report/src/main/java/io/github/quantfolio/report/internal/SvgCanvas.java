package io.github.quantfolio.report.internal;

import io.github.quantfolio.report.Palette;

/**
 * Writes canvas operations as SVG elements into a {@link StringBuilder}: one decimal per
 * coordinate, colours as lower-case hex, Locale-independent, so the same operations give the
 * same bytes.
 */
public final class SvgCanvas implements Canvas {

  private final StringBuilder sb;

  /**
   * A canvas appending to {@code sb}.
   *
   * @param sb the output
   */
  public SvgCanvas(StringBuilder sb) {
    this.sb = sb;
  }

  private void opacity(double o) {
    if (o < 1) {
      sb.append(" fill-opacity=\"");
      Num.coord(sb, o);
      sb.append('"');
    }
  }

  @Override
  public void rect(double x, double y, double w, double h, int rgb, double opacity) {
    sb.append("<rect x=\"");
    Num.coord(sb, x);
    sb.append("\" y=\"");
    Num.coord(sb, y);
    sb.append("\" width=\"");
    Num.coord(sb, w);
    sb.append("\" height=\"");
    Num.coord(sb, h);
    sb.append("\" fill=\"").append(Palette.hex(rgb)).append('"');
    opacity(opacity);
    sb.append("/>\n");
  }

  private void points(double[] xs, double[] ys, int n) {
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      Num.coord(sb, xs[i]);
      sb.append(',');
      Num.coord(sb, ys[i]);
    }
  }

  @Override
  public void polyline(double[] xs, double[] ys, int n, int rgb, double width, boolean dashed) {
    sb.append("<polyline points=\"");
    points(xs, ys, n);
    sb.append("\" fill=\"none\" stroke=\"").append(Palette.hex(rgb)).append("\" stroke-width=\"");
    Num.coord(sb, width);
    sb.append('"');
    if (dashed) {
      sb.append(" stroke-dasharray=\"5,3\"");
    }
    sb.append(" stroke-linejoin=\"round\"/>\n");
  }

  @Override
  public void polygon(double[] xs, double[] ys, int n, int rgb, double opacity) {
    sb.append("<polygon points=\"");
    points(xs, ys, n);
    sb.append("\" fill=\"").append(Palette.hex(rgb)).append('"');
    opacity(opacity);
    sb.append(" stroke=\"").append(Palette.hex(rgb)).append("\" stroke-width=\"0.5\"/>\n");
  }

  @Override
  public void circle(double cx, double cy, double r, int rgb) {
    sb.append("<circle cx=\"");
    Num.coord(sb, cx);
    sb.append("\" cy=\"");
    Num.coord(sb, cy);
    sb.append("\" r=\"");
    Num.coord(sb, r);
    sb.append("\" fill=\"").append(Palette.hex(rgb)).append("\"/>\n");
  }

  @Override
  public void text(double x, double y, String text, double size, int anchor, int rgb,
      boolean bold, boolean vertical) {
    sb.append("<text x=\"");
    Num.coord(sb, x);
    sb.append("\" y=\"");
    Num.coord(sb, y);
    sb.append("\" font-size=\"");
    Num.coord(sb, size);
    sb.append('"');
    if (anchor != START) {
      sb.append(" text-anchor=\"").append(anchor == MIDDLE ? "middle" : "end").append('"');
    }
    if (rgb != Palette.INK) {
      sb.append(" fill=\"").append(Palette.hex(rgb)).append('"');
    }
    if (bold) {
      sb.append(" font-weight=\"bold\"");
    }
    if (vertical) {
      sb.append(" transform=\"rotate(-90 ");
      Num.coord(sb, x);
      sb.append(' ');
      Num.coord(sb, y);
      sb.append(")\"");
    }
    sb.append('>').append(Num.xml(text)).append("</text>\n");
  }
}
