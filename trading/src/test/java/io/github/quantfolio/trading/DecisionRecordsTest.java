package io.github.quantfolio.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.Signal;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON-lines audit trail: exact round trips of awkward values, and clear read errors. */
class DecisionRecordsTest {

  static final Instant T = Instant.parse("2024-03-07T21:00:00Z");

  static DecisionRecord full() {
    Features f = new Features("AAA", T, List.of("ret20", "rsi"), new double[] {0.1 + 0.2,
        Double.NaN});
    ReviewDecision review = ReviewDecision.resize(12.5, "quote \" backslash \\ newline \n tab \t"
        + " unicode \u00e9\u20ac control \u0001", 0.3).withRiskFlags(List.of("gap", ""))
        .withRawAnswer("{\"decision\":\"RESIZE\",\"size_multiplier\":0.25}");
    Sizing sizing = new Sizing("AAA", "kelly", 0.4, 0.25, 50, 5000,
        List.of(new Sizing.Step("max position size", 0.4, 0.25, "at most 25.00% of equity")));
    return new DecisionRecord("run \"1\"", T, "AAA", TradingState.REDUCING, f,
        new Signal(-0.75, 1e-300), -3.0000000000000004, new DecisionRecord.Proposal(Side.SELL,
        50, 100.125, -47, "why"), review, List.of(new DecisionRecord.Cut("lot size", 12.5, 12,
        "whole lots of 1.0000")), sizing, List.of(new DecisionRecord.OrderOutcome("qABC",
        Side.SELL, 12, OrderStatus.FILLED, 12, 99.99, ""), new DecisionRecord.OrderOutcome(
        "qDEF", Side.SELL, 1, null, 0, Double.NaN, "java.io.IOException: reset")),
        DecisionRecord.Outcome.BROKER_REJECTED, "broker: reset");
  }

  @Test
  void awkwardValuesRoundTripExactly() {
    DecisionRecord r = full();
    String json = DecisionRecords.toJson(r);
    assertTrue(!json.contains("\n"), json);
    assertEquals(r, DecisionRecords.fromJson(json));
    DecisionRecord empty = new DecisionRecord("r", T, "BBB", TradingState.ACTIVE, null, null, 0,
        null, null, List.of(), null, List.of(), DecisionRecord.Outcome.FAILED, "the model failed");
    StringWriter w = new StringWriter();
    DecisionRecords.write(List.of(r, empty), w);
    assertEquals(List.of(r, empty), DecisionRecords.read(new StringReader(w.toString())));
    // Shortest exact numbers: 0.1 + 0.2 is written as 0.30000000000000004.
    assertTrue(json.contains("\"values\":[0.30000000000000004,null]"), json);
  }

  @Test
  void badLinesAreNamed() {
    String good = DecisionRecords.toJson(full());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DecisionRecords.read(new StringReader(good + "\n\n" + good.replace(
            "\"outcome\":\"BROKER_REJECTED\",", "") + "\n")));
    assertEquals("Decision records, line 3: decision record: missing member 'outcome'",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DecisionRecords.fromJson(good.replace("\"positionBefore\":-3.0000000000000004",
            "\"positionBefore\":\"x\"")));
    assertEquals("decision record.positionBefore: expected a number, found x", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DecisionRecords.fromJson(good.substring(0, good.length() - 1)));
    assertTrue(e.getMessage().startsWith("Invalid JSON at character"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DecisionRecords.fromJson("[1]"));
    assertEquals("Decision record: expected a JSON object", e.getMessage());
  }
}
