package io.github.quantfolio.trading;

import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.internal.Checks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link DecisionRecord}s as JSON lines: one JSON object per record and line, members in a fixed
 * order, numbers in their shortest exact form, so equal records give byte-identical text and
 * {@code read(write(records))} equals {@code records}. NaN is written as {@code null}.
 *
 * @since 0.1.0
 */
public final class DecisionRecords {

  private DecisionRecords() {
  }

  /**
   * One record as one line of JSON (no line break).
   *
   * @param r the record
   * @return its JSON text
   */
  public static String toJson(DecisionRecord r) {
    Checks.notNull(r, "record");
    StringBuilder b = new StringBuilder(512);
    b.append('{');
    str(b, "runId", r.runId()).append(',');
    str(b, "asOf", r.asOf().toString()).append(',');
    str(b, "symbol", r.symbol()).append(',');
    str(b, "state", r.state().name()).append(',');
    b.append("\"features\":");
    Features f = r.features();
    if (f == null) {
      b.append("null");
    } else {
      b.append('{');
      str(b, "asOf", f.asOf().toString()).append(",\"names\":[");
      for (int i = 0; i < f.names().size(); i++) {
        JsonText.string(b.append(i == 0 ? "" : ","), f.names().get(i));
      }
      b.append("],\"values\":[");
      double[] v = f.values();
      for (int i = 0; i < v.length; i++) {
        JsonText.number(b.append(i == 0 ? "" : ","), v[i]);
      }
      b.append("]}");
    }
    b.append(",\"signal\":");
    if (r.signal() == null) {
      b.append("null");
    } else {
      b.append('{');
      num(b, "value", r.signal().value()).append(',');
      num(b, "confidence", r.signal().confidence()).append('}');
    }
    b.append(',');
    num(b, "positionBefore", r.positionBefore()).append(",\"proposal\":");
    DecisionRecord.Proposal p = r.proposal();
    if (p == null) {
      b.append("null");
    } else {
      b.append('{');
      str(b, "side", p.side().name()).append(',');
      num(b, "quantity", p.quantity()).append(',');
      num(b, "price", p.price()).append(',');
      num(b, "targetPosition", p.targetPosition()).append(',');
      str(b, "rationale", p.rationale()).append('}');
    }
    b.append(",\"review\":");
    ReviewDecision d = r.review();
    if (d == null) {
      b.append("null");
    } else {
      b.append('{');
      str(b, "verdict", d.verdict().name()).append(',');
      num(b, "resizedQuantity", d.resizedQuantity()).append(',');
      str(b, "rationale", d.rationale()).append(',');
      num(b, "confidence", d.confidence()).append(",\"riskFlags\":[");
      for (int i = 0; i < d.riskFlags().size(); i++) {
        JsonText.string(b.append(i == 0 ? "" : ","), d.riskFlags().get(i));
      }
      b.append("],");
      str(b, "rawAnswer", d.rawAnswer()).append('}');
    }
    b.append(",\"cuts\":[");
    for (int i = 0; i < r.cuts().size(); i++) {
      DecisionRecord.Cut c = r.cuts().get(i);
      b.append(i == 0 ? "{" : ",{");
      str(b, "limit", c.limit()).append(',');
      num(b, "before", c.before()).append(',');
      num(b, "after", c.after()).append(',');
      str(b, "reason", c.reason()).append('}');
    }
    b.append("],\"sizing\":");
    Sizing s = r.sizing();
    if (s == null) {
      b.append("null");
    } else {
      b.append('{');
      str(b, "symbol", s.symbol()).append(',');
      str(b, "method", s.method()).append(',');
      num(b, "rawFraction", s.rawFraction()).append(',');
      num(b, "fraction", s.fraction()).append(',');
      num(b, "quantity", s.quantity()).append(',');
      num(b, "value", s.value()).append(",\"steps\":[");
      for (int i = 0; i < s.steps().size(); i++) {
        Sizing.Step st = s.steps().get(i);
        b.append(i == 0 ? "{" : ",{");
        str(b, "rule", st.rule()).append(',');
        num(b, "before", st.before()).append(',');
        num(b, "after", st.after()).append(',');
        str(b, "reason", st.reason()).append('}');
      }
      b.append("]}");
    }
    b.append(",\"orders\":[");
    for (int i = 0; i < r.orders().size(); i++) {
      DecisionRecord.OrderOutcome o = r.orders().get(i);
      b.append(i == 0 ? "{" : ",{");
      str(b, "clientOrderId", o.clientOrderId()).append(',');
      str(b, "side", o.side().name()).append(",\"status\":");
      if (o.status() == null) {
        b.append("null");
      } else {
        JsonText.string(b, o.status().name());
      }
      b.append(',');
      num(b, "quantity", o.quantity()).append(',');
      num(b, "filledQuantity", o.filledQuantity()).append(',');
      num(b, "averagePrice", o.averagePrice()).append(',');
      str(b, "message", o.message()).append('}');
    }
    b.append("],");
    str(b, "outcome", r.outcome().name()).append(',');
    str(b, "note", r.note()).append('}');
    return b.toString();
  }

  /**
   * Reads one record from its JSON text.
   *
   * @param json one line as {@link #toJson} writes it
   * @return the record
   * @throws IllegalArgumentException if the text is not valid JSON or not a record, naming the
   *     member
   */
  public static DecisionRecord fromJson(String json) {
    Checks.notNull(json, "json");
    Object parsed = JsonText.parse(json);
    if (!(parsed instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("Decision record: expected a JSON object");
    }
    Members r = new Members(m, "decision record");
    String symbol = r.text("symbol");
    Members fm = r.objectOrNull("features");
    Features features = null;
    if (fm != null) {
      List<String> names = new ArrayList<>();
      for (Object o : fm.list("names")) {
        names.add(Members.asText(o, "features.names"));
      }
      List<Object> vs = fm.list("values");
      double[] values = new double[vs.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = Members.asNumber(vs.get(i), "features.values[" + i + "]");
      }
      features = new Features(symbol, Instant.parse(fm.text("asOf")), names, values);
    }
    Members sm = r.objectOrNull("signal");
    Signal signal = sm == null ? null : new Signal(sm.number("value"), sm.number("confidence"));
    Members pm = r.objectOrNull("proposal");
    DecisionRecord.Proposal proposal = pm == null ? null : new DecisionRecord.Proposal(
        Side.valueOf(pm.text("side")), pm.number("quantity"), pm.number("price"),
        pm.number("targetPosition"), pm.text("rationale"));
    Members dm = r.objectOrNull("review");
    ReviewDecision review = null;
    if (dm != null) {
      List<String> flags = new ArrayList<>();
      for (Object o : dm.list("riskFlags")) {
        flags.add(Members.asText(o, "review.riskFlags"));
      }
      review = new ReviewDecision(ReviewDecision.Verdict.valueOf(dm.text("verdict")),
          dm.number("resizedQuantity"), dm.text("rationale"), dm.number("confidence"), flags,
          dm.text("rawAnswer"));
    }
    List<DecisionRecord.Cut> cuts = new ArrayList<>();
    for (Object o : r.list("cuts")) {
      Members c = Members.of(o, "cuts");
      cuts.add(new DecisionRecord.Cut(c.text("limit"), c.number("before"), c.number("after"),
          c.text("reason")));
    }
    Members zm = r.objectOrNull("sizing");
    Sizing sizing = null;
    if (zm != null) {
      List<Sizing.Step> steps = new ArrayList<>();
      for (Object o : zm.list("steps")) {
        Members st = Members.of(o, "sizing.steps");
        steps.add(new Sizing.Step(st.text("rule"), st.number("before"), st.number("after"),
            st.text("reason")));
      }
      sizing = new Sizing(zm.text("symbol"), zm.text("method"), zm.number("rawFraction"),
          zm.number("fraction"), zm.number("quantity"), zm.number("value"), steps);
    }
    List<DecisionRecord.OrderOutcome> orders = new ArrayList<>();
    for (Object o : r.list("orders")) {
      Members om = Members.of(o, "orders");
      String status = om.textOrNull("status");
      orders.add(new DecisionRecord.OrderOutcome(om.text("clientOrderId"),
          Side.valueOf(om.text("side")), om.number("quantity"),
          status == null ? null : OrderStatus.valueOf(status), om.number("filledQuantity"),
          om.number("averagePrice"), om.text("message")));
    }
    return new DecisionRecord(r.text("runId"), Instant.parse(r.text("asOf")), symbol,
        TradingState.valueOf(r.text("state")), features, signal, r.number("positionBefore"),
        proposal, review, cuts, sizing, orders,
        DecisionRecord.Outcome.valueOf(r.text("outcome")), r.text("note"));
  }

  /**
   * Writes each record as one line.
   *
   * @param records the records
   * @param out where to write (not closed)
   */
  public static void write(List<DecisionRecord> records, Writer out) {
    Checks.notNull(records, "records");
    Checks.notNull(out, "out");
    try {
      for (DecisionRecord r : records) {
        out.write(toJson(r));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing decision records failed", e);
    }
  }

  /**
   * Reads records written by {@link #write}, one per non-empty line.
   *
   * @param in the text (not closed)
   * @return the records, in order
   * @throws IllegalArgumentException naming the line of a record that cannot be read
   */
  public static List<DecisionRecord> read(Reader in) {
    Checks.notNull(in, "in");
    List<DecisionRecord> out = new ArrayList<>();
    BufferedReader r = in instanceof BufferedReader br ? br : new BufferedReader(in);
    try {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(fromJson(line));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("Decision records, line " + n + ": "
              + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading decision records failed", e);
    }
    return out;
  }

  private static StringBuilder str(StringBuilder b, String name, String value) {
    b.append('"').append(name).append("\":");
    JsonText.string(b, value);
    return b;
  }

  private static StringBuilder num(StringBuilder b, String name, double value) {
    b.append('"').append(name).append("\":");
    JsonText.number(b, value);
    return b;
  }

  /** Typed access to a parsed object's members, naming the member that is wrong. */
  private record Members(Map<?, ?> map, String where) {

    static Members of(Object o, String where) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException(where + ": expected an object");
      }
      return new Members(m, where);
    }

    Object get(String name) {
      if (!map.containsKey(name)) {
        throw new IllegalArgumentException(where + ": missing member '" + name + "'");
      }
      return map.get(name);
    }

    String text(String name) {
      return asText(get(name), where + "." + name);
    }

    String textOrNull(String name) {
      Object o = get(name);
      return o == null ? null : asText(o, where + "." + name);
    }

    double number(String name) {
      return asNumber(get(name), where + "." + name);
    }

    List<Object> list(String name) {
      Object o = get(name);
      if (!(o instanceof List<?> l)) {
        throw new IllegalArgumentException(where + "." + name + ": expected an array");
      }
      return new ArrayList<>(l);
    }

    Members objectOrNull(String name) {
      Object o = get(name);
      return o == null ? null : of(o, where + "." + name);
    }

    static String asText(Object o, String where) {
      if (!(o instanceof String s)) {
        throw new IllegalArgumentException(where + ": expected a string, found " + o);
      }
      return s;
    }

    static double asNumber(Object o, String where) {
      if (o == null) {
        return Double.NaN;
      }
      if (o instanceof Double d) {
        return d;
      }
      if ("Infinity".equals(o)) {
        return Double.POSITIVE_INFINITY;
      }
      if ("-Infinity".equals(o)) {
        return Double.NEGATIVE_INFINITY;
      }
      throw new IllegalArgumentException(where + ": expected a number, found " + o);
    }
  }
}
