package io.github.quantfolio.report.internal;

import io.github.quantfolio.report.Chart;
import io.github.quantfolio.report.SvgRenderer;
import java.util.List;

/**
 * A small writer of XHTML-compatible HTML (every element closed, only XML's predefined entities),
 * so a tearsheet is both an HTML5 page and well-formed XML.
 */
public final class Html {

  private final StringBuilder sb = new StringBuilder(256 * 1024);

  /**
   * Appends raw markup.
   *
   * @param markup trusted markup
   * @return this
   */
  public Html raw(String markup) {
    sb.append(markup);
    return this;
  }

  /**
   * Appends escaped text.
   *
   * @param text the text
   * @return this
   */
  public Html text(String text) {
    sb.append(Num.xml(text));
    return this;
  }

  /**
   * Appends {@code <tag>text</tag>}.
   *
   * @param tag the tag (with attributes, e.g. {@code h2 id="x"})
   * @param text escaped text
   * @return this
   */
  public Html el(String tag, String text) {
    int sp = tag.indexOf(' ');
    String name = sp < 0 ? tag : tag.substring(0, sp);
    sb.append('<').append(tag).append('>').append(Num.xml(text)).append("</").append(name)
        .append(">\n");
    return this;
  }

  /**
   * Appends a chart as an inline SVG inside a {@code figure}.
   *
   * @param chart the chart
   * @return this
   */
  public Html chart(Chart chart) {
    sb.append("<figure class=\"chart\">\n").append(SvgRenderer.inline(chart))
        .append("</figure>\n");
    return this;
  }

  /**
   * Appends a table: a header row and body rows of cells. A cell starting with {@code "\u0000"}
   * is raw markup (already escaped); others are escaped text. Numeric-looking cells are right
   * aligned by the CSS class {@code num}.
   *
   * @param cssClass the table's class (may be empty)
   * @param header the header cells
   * @param rows the rows
   * @return this
   */
  public Html table(String cssClass, List<String> header, List<List<String>> rows) {
    sb.append("<div class=\"scroll\"><table");
    if (!cssClass.isEmpty()) {
      sb.append(" class=\"").append(cssClass).append('"');
    }
    sb.append(">\n<thead><tr>");
    for (String h : header) {
      sb.append("<th>").append(Num.xml(h)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (List<String> r : rows) {
      sb.append("<tr>");
      for (int i = 0; i < r.size(); i++) {
        String c = r.get(i);
        if (c.startsWith("\u0000")) {
          sb.append(c, 1, c.length());
        } else {
          sb.append(i == 0 ? "<td>" : "<td class=\"num\">").append(Num.xml(c)).append("</td>");
        }
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody></table></div>\n");
    return this;
  }

  /**
   * A table cell that carries its exact value in {@code data-value} (round-trip
   * {@link Double#toString}) and shows {@code shown}.
   *
   * @param value the exact value
   * @param shown the displayed text
   * @return the raw cell markup (for {@link #table})
   */
  public static String valueCell(double value, String shown) {
    return "\u0000<td class=\"num\" data-value=\"" + value + "\">" + Num.xml(shown) + "</td>";
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
