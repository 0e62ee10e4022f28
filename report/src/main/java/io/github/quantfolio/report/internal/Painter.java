package io.github.quantfolio.report.internal;

import io.github.quantfolio.report.Axis;
import io.github.quantfolio.report.Chart;
import io.github.quantfolio.report.ColourScale;
import io.github.quantfolio.report.Downsample;
import io.github.quantfolio.report.Mark;
import io.github.quantfolio.report.Palette;
import io.github.quantfolio.report.Ticks;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link Chart} out and draws it on a {@link Canvas}: title, legend, axes with ticks and
 * grid, the marks (long lines reduced by {@link Downsample#minMax}), notes, and a "cannot draw"
 * message for whatever the data does not allow. Deterministic: text widths are estimated from
 * the character count, not measured, so SVG and PNG share the layout and no font is needed to
 * lay out.
 */
public final class Painter {

  private static final double TITLE = 15;
  private static final double SMALL = 11;
  private static final int GRID = 0xE5E5E5;
  private static final int ZERO = 0x999999;
  private static final int WARN = 0xB2182B;

  private Painter() {
  }

  /**
   * Estimated width of text in pixels (0.58 em per character, 0.62 for bold).
   *
   * @param s the text
   * @param size the font size
   * @return the width
   */
  public static double textWidth(String s, double size) {
    return s.length() * size * 0.58;
  }

  /** An axis's resolved range and ticks. */
  private static final class Scale {
    final Axis axis;
    double lo;
    double hi;
    double[] ticks = new double[0];
    String[] labels = new String[0];
    boolean log;
    double from; // pixels
    double to;

    Scale(Axis axis) {
      this.axis = axis;
      this.log = axis.logScale();
    }

    double px(double v) {
      double a = log ? Math.log10(v) : v;
      double l = log ? Math.log10(lo) : lo;
      double h = log ? Math.log10(hi) : hi;
      return from + (a - l) / (h - l) * (to - from);
    }
  }

  /**
   * Draws the chart.
   *
   * @param chart the chart
   * @param c the canvas
   */
  public static void paint(Chart chart, Canvas c) {
    double w = chart.width();
    double h = chart.height();
    c.rect(0, 0, w, h, 0xFFFFFF, 1);
    c.text(8, 20, chart.title(), TITLE, Canvas.START, Palette.INK, true, false);

    List<String> notes = new ArrayList<>(chart.notes());
    List<Mark> drawable = new ArrayList<>();
    String fatal = select(chart, drawable, notes);

    // legend under the title
    double legendBottom = legend(chart, c, w);
    Mark.Cells cells = null;
    for (Mark m : drawable) {
      if (m instanceof Mark.Cells cm) {
        cells = cm;
      }
    }
    Scale sx = new Scale(chart.x());
    Scale sy = new Scale(chart.y());
    double top = legendBottom + 10;
    double bottom = h - (chart.x().label().isEmpty() ? 24 : 40);
    if (fatal == null) {
      fatal = range(sx, drawable, true);
    }
    if (fatal == null) {
      fatal = range(sy, drawable, false);
    }
    double right = w - (cells != null && cells.name() != null ? 84 : 18);
    if (fatal != null) {
      frameOnly(chart, c, top, bottom, right, fatal, notes);
      return;
    }
    int yTarget = (int) Math.max(2, Math.min(10, (bottom - top) / 45));
    ticks(sy, yTarget);
    double labelW = 0;
    for (String s : sy.labels) {
      labelW = Math.max(labelW, textWidth(s, SMALL));
    }
    double left = 8 + (chart.y().label().isEmpty() ? 0 : 18) + labelW + 6;
    int xTarget = (int) Math.max(2, Math.min(12, (right - left) / 90));
    ticks(sx, xTarget);
    sx.from = left;
    sx.to = right;
    sy.from = bottom;
    sy.to = top;
    if (sy.axis.kind() == Axis.Kind.CATEGORY) { // category 0 at the top
      sy.from = top;
      sy.to = bottom;
    }
    axes(chart, c, sx, sy, left, right, top, bottom);
    for (Mark m : drawable) {
      draw(m, c, sx, sy, (int) Math.max(1, right - left));
    }
    if (cells != null && cells.name() != null) {
      colourBar(cells, c, right + 14, top, bottom);
    }
    notes(c, notes, left + 6, top + 14);
  }

  /** Picks the drawable marks; collects why others are not drawn; returns a fatal reason. */
  private static String select(Chart chart, List<Mark> out, List<String> notes) {
    int named = 0;
    List<String> reasons = new ArrayList<>();
    for (Mark m : chart.marks()) {
      String label = m.name() == null ? "series " + (named + 1) : "'" + m.name() + "'";
      named++;
      String why = problem(m, chart.y().logScale());
      if (why == null) {
        out.add(m);
      } else {
        reasons.add(label + ": " + why);
      }
    }
    if (out.isEmpty()) {
      if (chart.marks().isEmpty() && !notes.isEmpty()) { // the chart's own explanation
        String why = String.join("; ", notes);
        notes.clear();
        return why;
      }
      return chart.marks().isEmpty() ? "no data"
          : reasons.size() == 1 ? reasons.get(0) : String.join("; ", reasons);
    }
    for (String r : reasons) {
      notes.add("cannot draw " + r);
    }
    return null;
  }

  /** Why a mark cannot be drawn at all, or null. */
  private static String problem(Mark m, boolean logY) {
    double[] xs;
    double[][] ys;
    if (m instanceof Mark.Line l) {
      xs = l.x();
      ys = new double[][] {l.y()};
    } else if (m instanceof Mark.Area a) {
      xs = a.x();
      ys = new double[][] {a.low(), a.high()};
    } else if (m instanceof Mark.Bars b) {
      xs = b.x();
      ys = new double[][] {b.y()};
      if (logY) {
        return "bars cannot be drawn on a log scale";
      }
    } else if (m instanceof Mark.Points p) {
      xs = p.x();
      ys = new double[][] {p.y()};
    } else if (m instanceof Mark.Segments s) {
      xs = s.x1();
      ys = new double[][] {s.y1(), s.y2()};
    } else {
      Mark.Cells cm = (Mark.Cells) m;
      double[][] v = cm.values();
      if (v.length == 0 || v[0].length == 0) {
        return "no cells";
      }
      return null;
    }
    int finite = 0;
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < xs.length; i++) {
      boolean ok = Double.isFinite(xs[i]);
      for (double[] y : ys) {
        ok &= Double.isFinite(y[i]);
      }
      if (ok) {
        finite++;
        for (double[] y : ys) {
          lowest = Math.min(lowest, y[i]);
        }
      }
    }
    if (finite == 0) {
      return xs.length == 0 ? "no points" : "no finite value (" + xs.length + " points, all NaN"
          + " or infinite)";
    }
    if (logY && !(lowest > 0)) {
      return "values <= 0 on a log scale (lowest " + Num.tick(lowest, Math.abs(lowest) / 100 + 1e-300)
          + ")";
    }
    return null;
  }

  /** Resolves an axis range from the marks; returns a fatal reason or null. */
  private static String range(Scale s, List<Mark> marks, boolean horizontal) {
    Axis a = s.axis;
    if (a.kind() == Axis.Kind.CATEGORY) {
      int n = a.categories().size();
      for (Mark m : marks) {
        if (m instanceof Mark.Cells cm) {
          double[][] v = cm.values();
          n = Math.max(n, horizontal ? v[0].length : v.length);
        }
      }
      if (n == 0) {
        return "no categories";
      }
      s.lo = -0.5;
      s.hi = n - 0.5;
      return null;
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Mark m : marks) {
      double[][] vs;
      double pad = 0;
      if (m instanceof Mark.Line l) {
        vs = horizontal ? new double[][] {l.x()} : new double[][] {l.y()};
      } else if (m instanceof Mark.Area ar) {
        vs = horizontal ? new double[][] {ar.x()} : new double[][] {ar.low(), ar.high()};
      } else if (m instanceof Mark.Bars b) {
        vs = horizontal ? new double[][] {b.x()} : new double[][] {b.y(), {0}};
        pad = horizontal ? b.width() / 2 : 0;
      } else if (m instanceof Mark.Points p) {
        vs = horizontal ? new double[][] {p.x()} : new double[][] {p.y()};
      } else if (m instanceof Mark.Segments sg) {
        vs = horizontal ? new double[][] {sg.x1(), sg.x2()} : new double[][] {sg.y1(), sg.y2()};
      } else {
        continue;
      }
      for (double[] v : vs) {
        for (double d : v) {
          if (Double.isFinite(d) && (!s.log || d > 0)) {
            lo = Math.min(lo, d - pad);
            hi = Math.max(hi, d + pad);
          }
        }
      }
    }
    for (double d : a.including()) {
      if (!s.log || d > 0) {
        lo = Math.min(lo, d);
        hi = Math.max(hi, d);
      }
    }
    if (!(lo <= hi)) {
      return "no finite value on the " + (horizontal ? "x" : "y") + " axis";
    }
    if (!Double.isFinite(hi - lo) || !Double.isFinite(lo - (hi - lo) * 0.1)
        || !Double.isFinite(hi + (hi - lo) * 0.1)) {
      return "the " + (horizontal ? "x" : "y") + " values span " + lo + " to " + hi
          + ", too wide to draw";
    }
    s.lo = lo;
    s.hi = hi;
    return null;
  }

  private static void ticks(Scale s, int target) {
    Axis a = s.axis;
    switch (a.kind()) {
      case CATEGORY -> {
        int n = (int) Math.round(s.hi + 0.5);
        s.ticks = new double[n];
        s.labels = new String[n];
        for (int i = 0; i < n; i++) {
          s.ticks[i] = i;
          s.labels[i] = i < a.categories().size() ? a.categories().get(i) : "";
        }
      }
      case DATE -> {
        if (s.lo == s.hi) {
          s.lo -= 1;
          s.hi += 1;
        }
        long[] t = Ticks.dates((long) Math.ceil(s.lo), (long) Math.floor(s.hi), target);
        long spacing = t.length > 1 ? t[1] - t[0] : 366;
        s.ticks = new double[t.length];
        s.labels = new String[t.length];
        for (int i = 0; i < t.length; i++) {
          s.ticks[i] = t[i];
          s.labels[i] = Ticks.dateLabel(t[i], spacing);
        }
      }
      default -> {
        if (s.log) {
          s.ticks = Ticks.log(s.lo, s.hi);
          s.lo = s.ticks[0];
          s.hi = s.ticks[s.ticks.length - 1];
          // label only a readable subset
          s.labels = new String[s.ticks.length];
          int every = Math.max(1, (int) Math.ceil(s.ticks.length / (double) (target + 2)));
          for (int i = 0; i < s.ticks.length; i++) {
            double v = s.ticks[i];
            double mant = v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
            boolean power = Math.abs(mant - 1) < 1e-6;
            s.labels[i] = (power || s.ticks.length <= target + 2 || i % every == 0)
                ? label(a, v, v) : "";
          }
        } else {
          s.ticks = Ticks.nice(s.lo, s.hi, target);
          s.lo = s.ticks[0];
          s.hi = s.ticks[s.ticks.length - 1];
          double step = s.ticks.length > 2 ? s.ticks[2] - s.ticks[1]
              : (s.ticks[s.ticks.length - 1] - s.ticks[0]);
          s.labels = new String[s.ticks.length];
          for (int i = 0; i < s.ticks.length; i++) {
            s.labels[i] = label(a, s.ticks[i], step);
          }
        }
      }
    }
  }

  private static String label(Axis a, double v, double step) {
    if (a.kind() == Axis.Kind.PERCENT) {
      return Num.tick(100 * v, 100 * step) + "%";
    }
    return Num.tick(v, step);
  }

  private static void axes(Chart chart, Canvas c, Scale sx, Scale sy, double left, double right,
      double top, double bottom) {
    boolean heat = sx.axis.kind() == Axis.Kind.CATEGORY && sy.axis.kind() == Axis.Kind.CATEGORY;
    // grid + y labels
    double lastY = Double.NaN;
    for (int i = 0; i < sy.ticks.length; i++) {
      double y = sy.px(sy.ticks[i]);
      if (!heat && sy.axis.kind() != Axis.Kind.CATEGORY) {
        c.polyline(new double[] {left, right}, new double[] {y, y}, 2, GRID, 1, false);
      }
      if (!sy.labels[i].isEmpty() && (Double.isNaN(lastY) || Math.abs(lastY - y) >= SMALL + 1)) {
        c.text(left - 5, y + 4, sy.labels[i], SMALL, Canvas.END, Palette.INK, false, false);
        lastY = y;
      }
    }
    // x labels, thinned so they do not overlap
    double maxW = 0;
    for (String s : sx.labels) {
      maxW = Math.max(maxW, textWidth(s, SMALL));
    }
    double spacing = sx.ticks.length > 1 ? Math.abs(sx.px(sx.ticks[1]) - sx.px(sx.ticks[0]))
        : right - left;
    int every = Math.max(1, (int) Math.ceil((maxW + 6) / Math.max(1, spacing)));
    for (int i = 0; i < sx.ticks.length; i++) {
      double x = sx.px(sx.ticks[i]);
      if (!heat && sx.axis.kind() != Axis.Kind.CATEGORY) {
        c.polyline(new double[] {x, x}, new double[] {top, bottom}, 2, GRID, 1, false);
      }
      if (i % every == 0) {
        c.polyline(new double[] {x, x}, new double[] {bottom, bottom + 4}, 2, Palette.INK, 1,
            false);
        double half = textWidth(sx.labels[i], SMALL) / 2;
        double tx = Math.max(half + 2, Math.min(chart.width() - half - 2, x));
        c.text(tx, bottom + 16, sx.labels[i], SMALL, Canvas.MIDDLE, Palette.INK, false, false);
      }
    }
    // zero line
    if (!sy.log && sy.axis.kind() != Axis.Kind.CATEGORY && sy.lo < 0 && sy.hi > 0) {
      double y0 = sy.px(0);
      c.polyline(new double[] {left, right}, new double[] {y0, y0}, 2, ZERO, 1, false);
    }
    if (!heat) {
      c.polyline(new double[] {left, left, right}, new double[] {top, bottom, bottom}, 3,
          Palette.INK, 1, false);
    }
    if (!chart.x().label().isEmpty()) {
      c.text((left + right) / 2, bottom + 32, chart.x().label(), SMALL, Canvas.MIDDLE,
          Palette.INK, false, false);
    }
    if (!chart.y().label().isEmpty()) {
      c.text(16, (top + bottom) / 2, chart.y().label(), SMALL, Canvas.MIDDLE, Palette.INK, false,
          true);
    }
  }

  private static void draw(Mark m, Canvas c, Scale sx, Scale sy, int columns) {
    if (m instanceof Mark.Line l) {
      line(l, c, sx, sy, columns);
    } else if (m instanceof Mark.Area a) {
      area(a, c, sx, sy, columns);
    } else if (m instanceof Mark.Bars b) {
      double y0 = sy.px(0);
      double[] bx = b.x();
      double[] by = b.y();
      for (int i = 0; i < bx.length; i++) {
        double v = by[i];
        if (!Double.isFinite(v) || !Double.isFinite(bx[i])) {
          continue;
        }
        double xa = sx.px(bx[i] - b.width() / 2);
        double xb = sx.px(bx[i] + b.width() / 2);
        double yv = sy.px(v);
        double hgt = Math.abs(yv - y0);
        c.rect(Math.min(xa, xb), Math.min(yv, y0), Math.max(0.5, Math.abs(xb - xa)),
            Math.max(hgt, 0.5), v < 0 ? b.negativeRgb() : b.rgb(), 1);
      }
    } else if (m instanceof Mark.Points p) {
      double[] qx = p.x();
      double[] qy = p.y();
      for (int i = 0; i < qx.length; i++) {
        if (!Double.isFinite(qx[i]) || !Double.isFinite(qy[i]) || (sy.log && !(qy[i] > 0))) {
          continue;
        }
        double x = sx.px(qx[i]);
        double y = sy.px(qy[i]);
        c.circle(x, y, p.radius(), p.rgb());
        if (!p.labels().isEmpty()) {
          c.text(x + p.radius() + 2, y - p.radius() - 1, p.labels().get(i), 10, Canvas.START,
              Palette.INK, false, false);
        }
      }
    } else if (m instanceof Mark.Segments s) {
      double[] x1 = s.x1();
      double[] x2 = s.x2();
      double[] y1 = s.y1();
      double[] y2 = s.y2();
      for (int i = 0; i < x1.length; i++) {
        double[] xs = {x1[i], x2[i]};
        double[] ys = {y1[i], y2[i]};
        if (!(Double.isFinite(xs[0]) && Double.isFinite(xs[1]) && Double.isFinite(ys[0])
            && Double.isFinite(ys[1]))) {
          continue;
        }
        c.polyline(new double[] {sx.px(xs[0]), sx.px(xs[1])},
            new double[] {sy.px(ys[0]), sy.px(ys[1])}, 2, s.rgb(), s.width(), false);
      }
    } else {
      cells((Mark.Cells) m, c, sx, sy);
    }
  }

  private static void line(Mark.Line l, Canvas c, Scale sx, Scale sy, int columns) {
    double[] x = l.x();
    double[] y = l.y();
    if (sy.log) {
      y = y.clone();
      for (int i = 0; i < y.length; i++) {
        if (!(y[i] > 0)) {
          y[i] = Double.NaN;
        }
      }
    }
    int[] keep = Downsample.minMax(x, y, columns);
    double[] px = new double[keep.length];
    double[] py = new double[keep.length];
    int n = 0;
    for (int k : keep) {
      if (Double.isFinite(x[k]) && Double.isFinite(y[k])) {
        px[n] = sx.px(x[k]);
        py[n] = sy.px(y[k]);
        n++;
      } else {
        flushLine(c, px, py, n, l);
        n = 0;
      }
    }
    flushLine(c, px, py, n, l);
  }

  private static void flushLine(Canvas c, double[] px, double[] py, int n, Mark.Line l) {
    if (n == 1) {
      c.circle(px[0], py[0], Math.max(2, l.width()), l.rgb());
    } else if (n > 1) {
      c.polyline(px, py, n, l.rgb(), l.width(), l.dashed());
    }
  }

  private static void area(Mark.Area a, Canvas c, Scale sx, Scale sy, int columns) {
    double[] x = a.x();
    double[] low = a.low();
    double[] high = a.high();
    // a filled edge needs less detail than a line: one column per two pixels
    int cols = Math.max(1, columns / 2);
    int[] kl = Downsample.minMax(x, low, cols);
    int[] kh = Downsample.minMax(x, high, cols);
    // union of both edges' kept positions
    int[] keep = new int[kl.length + kh.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < kl.length || j < kh.length) {
      int v = j >= kh.length || (i < kl.length && kl[i] <= kh[j]) ? kl[i++] : kh[j++];
      if (n == 0 || keep[n - 1] != v) {
        keep[n++] = v;
      }
    }
    int start = 0;
    for (int k = 0; k <= n; k++) {
      boolean ok = k < n && Double.isFinite(x[keep[k]]) && Double.isFinite(low[keep[k]])
          && Double.isFinite(high[keep[k]]);
      if (!ok) {
        polygon(a, x, low, high, c, sx, sy, keep, start, k);
        start = k + 1;
      }
    }
  }

  private static void polygon(Mark.Area a, double[] x, double[] low, double[] high, Canvas c,
      Scale sx, Scale sy, int[] keep, int from, int to) {
    int m = to - from;
    if (m < 1) {
      return;
    }
    double[] px = new double[2 * m];
    double[] py = new double[2 * m];
    for (int k = 0; k < m; k++) {
      int t = keep[from + k];
      px[k] = sx.px(x[t]);
      py[k] = sy.px(high[t]);
      px[2 * m - 1 - k] = px[k];
      py[2 * m - 1 - k] = sy.px(low[t]);
    }
    if (m == 1) {
      c.polyline(new double[] {px[0], px[0]}, new double[] {py[0], py[1]}, 2, a.rgb(), 2, false);
      return;
    }
    c.polygon(px, py, 2 * m, a.rgb(), 0.8);
  }

  private static void cells(Mark.Cells m, Canvas c, Scale sx, Scale sy) {
    double[][] v = m.values();
    double cw = Math.abs(sx.px(1) - sx.px(0));
    double ch = Math.abs(sy.px(1) - sy.px(0));
    for (int r = 0; r < v.length; r++) {
      for (int k = 0; k < v[r].length; k++) {
        double x = Math.min(sx.px(k - 0.5), sx.px(k + 0.5));
        double y = Math.min(sy.px(r - 0.5), sy.px(r + 0.5));
        int rgb = m.scale().rgb(v[r][k]);
        c.rect(x + 0.5, y + 0.5, cw - 1, ch - 1, rgb, 1);
        if (m.text() != null && !Double.isNaN(v[r][k])) {
          String s = m.text() == Mark.CellText.PERCENT ? Num.fixed(100 * v[r][k], 1)
              : Num.fixed(v[r][k], 2);
          double size = Math.min(11, Math.min(ch * 0.6, (cw - 2) / (s.length() * 0.58)));
          if (size >= 6) {
            c.text(x + cw / 2, y + ch / 2 + size * 0.35, s, size, Canvas.MIDDLE,
                Palette.isLight(rgb) ? 0x111111 : 0xFFFFFF, false, false);
          }
        }
      }
    }
  }

  private static void colourBar(Mark.Cells m, Canvas c, double x, double top, double bottom) {
    int steps = 32;
    double h = (bottom - top) / steps;
    ColourScale s = m.scale();
    for (int i = 0; i < steps; i++) {
      double v = s.max() - (s.max() - s.min()) * (i + 0.5) / steps;
      c.rect(x, top + i * h, 12, h + 0.3, s.rgb(v), 1);
    }
    boolean pct = m.text() == Mark.CellText.PERCENT;
    double step = Ticks.step((s.max() - s.min()) / 4);
    double[] at = {s.max(), s.mid(), s.min()};
    double[] ys = {top + 8, (top + bottom) / 2 + 4, bottom};
    for (int i = 0; i < 3; i++) {
      String lab = pct ? Num.tick(100 * at[i], 100 * step) + "%" : Num.tick(at[i], step);
      c.text(x + 15, ys[i], lab, 10, Canvas.START, Palette.INK, false, false);
    }
    c.text(x + 6, top - 4, m.name(), 10, Canvas.MIDDLE, Palette.INK, false, false);
  }

  private static double legend(Chart chart, Canvas c, double w) {
    double x = 8;
    double y = 38;
    boolean any = false;
    for (Mark m : chart.marks()) {
      if (m.name() == null || m instanceof Mark.Cells) {
        continue;
      }
      any = true;
      double tw = textWidth(m.name(), SMALL) + 28;
      if (x + tw > w - 8 && x > 8) {
        x = 8;
        y += 16;
      }
      int rgb;
      if (m instanceof Mark.Line l) {
        rgb = l.rgb();
        c.polyline(new double[] {x, x + 16}, new double[] {y - 4, y - 4}, 2, rgb,
            Math.max(2, l.width()), l.dashed());
      } else if (m instanceof Mark.Points p) {
        c.circle(x + 8, y - 4, 4, p.rgb());
      } else if (m instanceof Mark.Segments s) {
        c.polyline(new double[] {x, x + 16}, new double[] {y - 4, y - 4}, 2, s.rgb(), 2, false);
      } else {
        rgb = m instanceof Mark.Area a ? a.rgb() : ((Mark.Bars) m).rgb();
        c.rect(x + 2, y - 10, 12, 12, rgb, 1);
      }
      c.text(x + 20, y, m.name(), SMALL, Canvas.START, Palette.INK, false, false);
      x += tw;
    }
    return any ? y + 4 : 26;
  }

  private static void notes(Canvas c, List<String> notes, double x, double y) {
    for (String n : notes) {
      c.rect(x - 3, y - 11, textWidth(n, 10) + 6, 14, 0xFFFFFF, 0.85);
      c.text(x, y, n, 10, Canvas.START, WARN, false, false);
      y += 14;
    }
  }

  private static void frameOnly(Chart chart, Canvas c, double top, double bottom, double right,
      String why, List<String> notes) {
    double left = 40;
    c.polyline(new double[] {left, left, right}, new double[] {top, bottom, bottom}, 3,
        Palette.INK, 1, false);
    String msg = "cannot draw: " + why;
    double size = 12;
    double maxW = right - left - 16;
    // wrap the message into lines that fit
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String word : msg.split(" ")) {
      if (cur.length() > 0 && textWidth(cur + " " + word, size) > maxW) {
        lines.add(cur.toString());
        cur.setLength(0);
      }
      if (cur.length() > 0) {
        cur.append(' ');
      }
      cur.append(word);
    }
    lines.add(cur.toString());
    double y = (top + bottom) / 2 - (lines.size() - 1) * 8;
    for (String l : lines) {
      c.text((left + right) / 2, y, l, size, Canvas.MIDDLE, WARN, true, false);
      y += 16;
    }
    if (!chart.x().label().isEmpty()) {
      c.text((left + right) / 2, bottom + 32, chart.x().label(), SMALL, Canvas.MIDDLE,
          Palette.INK, false, false);
    }
    notes(c, notes, left + 6, top + 14);
  }
}
