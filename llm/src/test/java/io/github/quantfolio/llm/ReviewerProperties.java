package io.github.quantfolio.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.quantfolio.core.adapters.ReviewContext;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.ReviewDecision.Verdict;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.TradeProposal;
import io.github.quantfolio.llm.FakeChat.Script;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Invariants of the answer mapping, over random answers sent through the fake server: an
 * out-of-range number is always a REJECT with confidence 0 naming the field; an in-range answer
 * always becomes exactly the decision it states, a RESIZE never above the proposal; any other
 * decision word is a REJECT; and the request body is a function of its inputs.
 */
class ReviewerProperties {

  private static FakeChat fake;
  private static ChatCompletionsReviewer reviewer;

  @BeforeContainer
  static void start() throws Exception {
    fake = new FakeChat();
    reviewer = fake.reviewer(new ArrayList<>()).build();
  }

  @AfterContainer
  static void stop() {
    fake.close();
  }

  private static ReviewDecision review(String content, TradeProposal p) {
    fake.script(Script.answer(content));
    return reviewer.review(p, Fixtures.context());
  }

  private static String answer(String decision, double multiplier, double confidence) {
    ObjectNode a = FakeChat.JSON.createObjectNode();
    a.put("decision", decision).put("size_multiplier", multiplier).put("rationale", "r")
        .put("confidence", confidence);
    a.putArray("risk_flags").add("f");
    return a.toString();
  }

  @Provide
  Arbitrary<String> decisions() {
    return Arbitraries.of("APPROVE", "REJECT", "RESIZE");
  }

  /** Finite doubles outside [0, 1]: random ones, the extremes, and the neighbours of 0 and 1. */
  @Provide
  Arbitrary<Double> outsideUnit() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().lessThan(0).ofScale(8),
        Arbitraries.doubles().greaterThan(1).ofScale(8),
        Arbitraries.of(-Double.MIN_VALUE, -Double.MAX_VALUE, -1e-300, Math.nextUp(1.0),
            Double.MAX_VALUE, 1e300));
  }

  /** (0, 1]: random 17-digit fractions, and the smallest normal double, 1e-300 and 1. */
  @Provide
  Arbitrary<Double> inUnit() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 1).ofScale(17).filter(x -> x > 0),
        Arbitraries.of(Double.MIN_NORMAL, 1e-300, Math.nextDown(1.0), 1.0));
  }

  @Property(tries = 300)
  void anOutOfRangeConfidenceIsARejection(@ForAll("decisions") String decision,
      @ForAll("outsideUnit") double confidence) {
    double m = decision.equals("RESIZE") ? 0.5 : decision.equals("APPROVE") ? 1 : 0;
    ReviewDecision d = review(answer(decision, m, confidence), Fixtures.proposal());
    assertEquals(Verdict.REJECT, d.verdict());
    assertEquals(0, d.confidence());
    assertEquals("LLM reviewer: answer field 'confidence' is " + asRead(confidence)
        + ", outside [0, 1]", d.rationale());
    assertEquals(List.of(), d.riskFlags());
  }

  @Property(tries = 300)
  void anOutOfRangeMultiplierIsARejection(@ForAll("decisions") String decision,
      @ForAll("outsideUnit") double multiplier) {
    ReviewDecision d = review(answer(decision, multiplier, 0.5), Fixtures.proposal());
    assertEquals(Verdict.REJECT, d.verdict());
    assertEquals(0, d.confidence());
    String prefix = "LLM reviewer: answer field 'size_multiplier' is " + asRead(multiplier);
    assertTrue(d.rationale().startsWith(prefix + ", outside [0, 1]")
        || d.rationale().startsWith(prefix + " with " + decision + "; expected "), d.rationale());
  }

  /**
   * A double as the message shows it: Jackson writes {@link Double#toString}, reads the text as
   * a {@code BigDecimal} and strips its trailing zeros ({@code -1.0} is shown {@code -1}).
   */
  private static String asRead(double x) {
    return new BigDecimal(Double.toString(x)).stripTrailingZeros().toString();
  }

  @Property(tries = 300)
  void anInRangeAnswerIsTheDecisionItStates(@ForAll("decisions") String decision,
      @ForAll("inUnit") double multiplier, @ForAll("inUnit") double confidence,
      @ForAll("quantities") double quantity) {
    TradeProposal p = new TradeProposal("X", Side.BUY, quantity, 1, "");
    double m = decision.equals("RESIZE") ? multiplier : decision.equals("APPROVE") ? 1 : 0;
    ReviewDecision d = review(answer(decision, m, confidence), p);
    assertEquals(Verdict.valueOf(decision), d.verdict(), d.rationale());
    assertEquals(confidence, d.confidence());
    assertEquals(List.of("f"), d.riskFlags());
    assertEquals("r", d.rationale());
    if (d.verdict() == Verdict.RESIZE) {
      // Independent: the exact product in BigDecimal, rounded once to double.
      double expected = new BigDecimal(multiplier).multiply(new BigDecimal(quantity))
          .doubleValue();
      assertEquals(expected, d.resizedQuantity());
      assertTrue(d.resizedQuantity() <= quantity);
    }
  }

  @Provide
  Arbitrary<Double> quantities() {
    return Arbitraries.doubles().between(1e-6, 1e12).ofScale(6).withSpecialValue(1.0);
  }

  @Property(tries = 300)
  void anyOtherDecisionWordIsARejection(@ForAll String word) {
    Assume.that(!List.of("APPROVE", "REJECT", "RESIZE").contains(word));
    ReviewDecision d = review(answer(word, 1, 0.5), Fixtures.proposal());
    assertEquals(Verdict.REJECT, d.verdict());
    assertEquals(0, d.confidence());
    assertTrue(d.rationale().startsWith("LLM reviewer: answer field 'decision' is "),
        d.rationale());
    assertTrue(d.rationale().endsWith(", not APPROVE, REJECT or RESIZE"), d.rationale());
  }

  @Property(tries = 200)
  void theRequestBodyIsAFunctionOfItsInputs(@ForAll("contexts") ReviewContext context,
      @ForAll("names") String symbol) {
    TradeProposal p = new TradeProposal(symbol, Side.SELL, 3, 7.25, "r");
    // An equal context rebuilt from its parts gives the same bytes.
    ReviewContext copy = new ReviewContext(context.asOf(), context.signal(),
        new LinkedHashMap<>(context.features()), context.nav(), context.cash(),
        new LinkedHashMap<>(context.positionWeights()), context.grossExposure(),
        context.netExposure(), new LinkedHashMap<>(context.riskMetrics()),
        context.recentReturns(), new LinkedHashMap<>(context.limits()));
    String body = reviewer.requestBody(p, context);
    assertEquals(body, reviewer.requestBody(p, copy));
    // Every position and limit is in the prompt, in the context's order.
    String prompt = ReviewPrompt.userMessage(p, context);
    int at = prompt.indexOf("positions (signed weight of NAV):");
    for (Map.Entry<String, Double> e : context.positionWeights().entrySet()) {
      int next = prompt.indexOf("\n- " + e.getKey() + ": " + ReviewPrompt.number(e.getValue())
          + "\n", at);
      assertTrue(next > at, e.getKey());
      at = next;
    }
    at = prompt.indexOf("## Limits in force");
    for (Map.Entry<String, Double> e : context.limits().entrySet()) {
      int next = prompt.indexOf("\n" + e.getKey() + ": " + ReviewPrompt.number(e.getValue())
          + "\n", at);
      assertTrue(next > at, e.getKey());
      at = next;
    }
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(6);
  }

  @Provide
  Arbitrary<ReviewContext> contexts() {
    Arbitrary<Map<String, Double>> weights = Arbitraries.maps(names(),
        Arbitraries.doubles().between(-1, 1).ofScale(12)).ofMaxSize(8).map(LinkedHashMap::new);
    Arbitrary<Double> nav = Arbitraries.doubles().between(1, 1e9);
    Arbitrary<double[]> returns = Arbitraries.doubles().between(-0.5, 0.5).ofScale(12)
        .array(double[].class).ofMaxSize(10);
    return Combinators.combine(weights, weights, nav, returns).as((w, limits, n, r) ->
        new ReviewContext(Fixtures.AS_OF, new Signal(0.3, 0.4), Map.of(), n, n / 2, w, 0.5,
            0.1, Map.of(), r, limits));
  }

}
