package io.github.quantfolio.llm;

import static io.github.quantfolio.llm.FakeChat.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.ReviewDecision.Verdict;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.TradeProposal;
import io.github.quantfolio.llm.FakeChat.Script;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers that do not fit: a response that is not a chat completion, and content that is not
 * exactly the schema's object with its numbers in range. Each is a REJECT with confidence 0 whose
 * rationale names the fault; where the model's content arrived it is kept as the raw answer.
 * None is retried.
 */
class ReviewerAnswersTest {

  private static final String VALID = "{\"decision\":\"APPROVE\",\"size_multiplier\":1,"
      + "\"rationale\":\"ok\",\"confidence\":0.8,\"risk_flags\":[]}";

  private FakeChat fake;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    fake = new FakeChat();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private ReviewDecision reviewContent(String content) {
    fake.script(Script.answer(content));
    return fake.reviewer(waits).build().review(Fixtures.proposal(), Fixtures.context());
  }

  private ReviewDecision reviewBody(String body) {
    fake.script(Script.respond(200, body));
    return fake.reviewer(waits).build().review(Fixtures.proposal(), Fixtures.context());
  }

  private void assertFailure(ReviewDecision d, String rationale, String raw) {
    assertEquals(Verdict.REJECT, d.verdict(), d.toString());
    assertEquals(0, d.confidence());
    assertEquals(rationale, d.rationale());
    assertEquals(raw, d.rawAnswer());
    assertEquals(List.of(), d.riskFlags());
    assertEquals(1, fake.count(), "an unreadable answer is not retried");
  }

  /** The valid answer with one field's JSON text replaced. */
  private static String with(String field, String json) {
    return VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\[[^]]*]|[^,}]+)",
        "\"" + field + "\":" + json.replace("\\", "\\\\").replace("$", "\\$"));
  }

  static Stream<Arguments> schemaViolations() {
    return Stream.of(
        // Values out of range.
        Arguments.of(with("confidence", "1.5"), "answer field 'confidence' is 1.5, outside [0, 1]"),
        Arguments.of(with("confidence", "-0.1"),
            "answer field 'confidence' is -0.1, outside [0, 1]"),
        Arguments.of(with("confidence", "1e400"),
            "answer field 'confidence' is 1E+400, outside [0, 1]"),
        Arguments.of(with("decision", "\"RESIZE\"").replace("\"size_multiplier\":1",
            "\"size_multiplier\":0"), "answer field 'size_multiplier' is 0 with RESIZE; expected"
            + " 0 < size_multiplier <= 1 (a reviewer may only shrink)"),
        Arguments.of(with("decision", "\"RESIZE\"").replace("\"size_multiplier\":1",
            "\"size_multiplier\":2"), "answer field 'size_multiplier' is 2 with RESIZE; expected"
            + " 0 < size_multiplier <= 1 (a reviewer may only shrink)"),
        Arguments.of(with("decision", "\"RESIZE\"").replace("\"size_multiplier\":1",
            "\"size_multiplier\":-0.5"), "answer field 'size_multiplier' is -0.5 with RESIZE;"
            + " expected 0 < size_multiplier <= 1 (a reviewer may only shrink)"),
        Arguments.of(with("decision", "\"RESIZE\"").replace("\"size_multiplier\":1",
            "\"size_multiplier\":1.0000000000000000001"), "answer field 'size_multiplier' is"
            + " 1.0000000000000000001 with RESIZE; expected 0 < size_multiplier <= 1 (a reviewer"
            + " may only shrink)"),
        Arguments.of(with("decision", "\"RESIZE\"").replace("\"size_multiplier\":1",
            "\"size_multiplier\":1e-400"), "answer field 'size_multiplier' 1E-400 times the"
            + " proposed quantity 100.0 leaves nothing to trade"),
        Arguments.of(with("size_multiplier", "0.5"), "answer field 'size_multiplier' is 0.5 with"
            + " APPROVE; expected 1 (a smaller trade is a RESIZE)"),
        Arguments.of(with("decision", "\"REJECT\"").replace("\"size_multiplier\":1",
            "\"size_multiplier\":2"), "answer field 'size_multiplier' is 2, outside [0, 1]"),
        // Unknown decisions (exact spelling only).
        Arguments.of(with("decision", "\"MAYBE\""),
            "answer field 'decision' is \"MAYBE\", not APPROVE, REJECT or RESIZE"),
        Arguments.of(with("decision", "\"approve\""),
            "answer field 'decision' is \"approve\", not APPROVE, REJECT or RESIZE"),
        Arguments.of(with("decision", "\" APPROVE\""),
            "answer field 'decision' is \" APPROVE\", not APPROVE, REJECT or RESIZE"),
        // Missing, null and unexpected fields.
        Arguments.of(VALID.replace("\"decision\":\"APPROVE\",", ""),
            "answer lacks field 'decision'"),
        Arguments.of(VALID.replace(",\"risk_flags\":[]", ""), "answer lacks field 'risk_flags'"),
        Arguments.of(VALID.replace("\"rationale\":\"ok\",", ""), "answer lacks field 'rationale'"),
        Arguments.of(VALID.replace(",\"confidence\":0.8", ""), "answer lacks field 'confidence'"),
        Arguments.of(VALID.replace("\"size_multiplier\":1,", ""),
            "answer lacks field 'size_multiplier'"),
        Arguments.of(with("rationale", "null"), "answer field 'rationale' is null"),
        Arguments.of(VALID.replace("}", ",\"note\":\"x\"}"),
            "answer has an unexpected field 'note'"),
        // Wrong types.
        Arguments.of(with("confidence", "\"0.8\""),
            "answer field 'confidence' should be a number but is a string"),
        Arguments.of(with("size_multiplier", "true"),
            "answer field 'size_multiplier' should be a number but is a boolean"),
        Arguments.of(with("decision", "1"),
            "answer field 'decision' should be a string but is a number"),
        Arguments.of(with("rationale", "[\"a\"]"),
            "answer field 'rationale' should be a string but is an array"),
        Arguments.of(with("risk_flags", "\"leverage\""),
            "answer field 'risk_flags' should be an array of strings but is a string"),
        Arguments.of(with("risk_flags", "[\"a\",2]"),
            "answer field 'risk_flags[1]' should be a string but is a number"),
        Arguments.of(with("risk_flags", "{}"),
            "answer field 'risk_flags' should be an array of strings but is an object"),
        // Not one JSON object.
        Arguments.of("[" + VALID + "]", "answer is an array, not a JSON object"),
        Arguments.of("\"APPROVE\"", "answer is a string, not a JSON object"),
        Arguments.of("42", "answer is a number, not a JSON object"));
  }

  @ParameterizedTest
  @MethodSource("schemaViolations")
  void anAnswerThatViolatesTheSchemaIsRejected(String content, String why) {
    assertFailure(reviewContent(content), "LLM reviewer: " + why, content);
  }

  @Test
  void theValidTemplateIsAccepted() {
    // The template the cases above edit is itself accepted, so each case fails for its edit.
    ReviewDecision d = reviewContent(VALID);
    assertEquals(Verdict.APPROVE, d.verdict());
    assertEquals(0.8, d.confidence());
    assertEquals(VALID, with("confidence", "0.8"));
  }

  @Test
  void contentThatIsNotJsonIsRejected() {
    String content = "I think this trade looks fine. APPROVE.";
    ReviewDecision d = reviewContent(content);
    assertTrue(d.rationale().startsWith("LLM reviewer: answer is not valid JSON: Unrecognized"
        + " token 'I'"), d.rationale());
    assertEquals(content, d.rawAnswer());
    assertEquals(0, d.confidence());
    assertEquals(Verdict.REJECT, d.verdict());
  }

  @Test
  void aFencedAnswerGetsAHint() {
    String content = "```json\n" + VALID + "\n```";
    ReviewDecision d = reviewContent(content);
    assertTrue(d.rationale().startsWith("LLM reviewer: answer is not valid JSON (it is wrapped"
        + " in a Markdown code fence: does the server honour response_format json_schema?): "),
        d.rationale());
    assertEquals(content, d.rawAnswer());
  }

  @Test
  void trailingTextIsNotValidJson() {
    String content = VALID + " Hope this helps!";
    ReviewDecision d = reviewContent(content);
    assertTrue(d.rationale().startsWith("LLM reviewer: answer is not valid JSON: Unrecognized"
        + " token 'Hope'"), d.rationale());
    assertEquals(content, d.rawAnswer());
    assertEquals(Verdict.REJECT, d.verdict());
  }

  @Test
  void aDuplicateKeyIsNotValidJson() {
    // Which of two decisions would count is undefined: neither does.
    ReviewDecision d = reviewContent(VALID.replace("}", ",\"decision\":\"REJECT\"}"));
    assertTrue(d.rationale().startsWith("LLM reviewer: answer is not valid JSON: Duplicate"
        + " field 'decision'"), d.rationale());
    assertEquals(Verdict.REJECT, d.verdict());
    assertEquals(0, d.confidence());
  }

  @Test
  void anEmptyAnswerIsRejected() {
    assertFailure(reviewContent("  "), "LLM reviewer: the answer is empty", "  ");
  }

  @Test
  void aRefusalIsRejectedWithTheModelsWords() {
    String body = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + "null,\"refusal\":\"I can't help with trading decisions.\"},"
        + "\"finish_reason\":\"stop\"}]}";
    assertFailure(reviewBody(body),
        "LLM reviewer: the model refused: I can't help with trading decisions.",
        "I can't help with trading decisions.");
  }

  @Test
  void anAnswerCutOffAtTheTokenLimitIsRejected() {
    String body = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + "\"{\\\"decision\\\":\\\"APPR\"},\"finish_reason\":\"length\"}]}";
    assertFailure(reviewBody(body), "LLM reviewer: the answer was cut off (finish_reason"
        + " 'length')", "{\"decision\":\"APPR");
  }

  static Stream<Arguments> malformedResponses() {
    return Stream.of(
        Arguments.of("{\"choices\":[]}", "response has no choices (empty 'choices' array)"),
        Arguments.of("{\"id\":\"x\"}", "response has no 'choices' array"),
        Arguments.of("{\"choices\":{}}", "response has no 'choices' array (found an object)"),
        Arguments.of("[]", "response is an array, not a chat completion object"),
        Arguments.of("{\"choices\":[{\"index\":0}]}", "choices[0] has no 'message' object"),
        Arguments.of("{\"choices\":[7]}", "choices[0] has no 'message' object"),
        Arguments.of("{\"choices\":[{\"message\":{\"role\":\"assistant\"}}]}",
            "choices[0].message has no content"),
        Arguments.of("{\"choices\":[{\"message\":{\"content\":null}}]}",
            "choices[0].message has no content"),
        Arguments.of("{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\"}]}}]}",
            "choices[0].message.content is an array, not a string"),
        Arguments.of("", "response body is empty"));
  }

  @ParameterizedTest
  @MethodSource("malformedResponses")
  void aResponseThatIsNotAChatCompletionIsRejected(String body, String why) {
    assertFailure(reviewBody(body), "LLM reviewer: " + why, "");
  }

  @Test
  void aBodyThatIsNotJsonIsRejectedQuotingIt() {
    ReviewDecision d = reviewBody("<html><body>502 Bad Gateway</body></html>");
    assertTrue(d.rationale().startsWith("LLM reviewer: response is not valid JSON: Unexpected"
        + " character ('<'"), d.rationale());
    assertTrue(d.rationale().endsWith("; body: <html><body>502 Bad Gateway</body></html>"),
        d.rationale());
    assertEquals(0, d.confidence());
    assertEquals("", d.rawAnswer());
  }

  @Test
  void aLongBodyIsQuotedAbbreviated() {
    String body = "x".repeat(1000);
    ReviewDecision d = reviewBody(body);
    assertTrue(d.rationale().endsWith("; body: " + "x".repeat(300) + "..."), d.rationale());
  }

  @Test
  void anUnderflowingResizeOfATinyQuantityIsRejectedNotThrown() {
    // 1e-300 x 1e-300 underflows to 0 in double: nothing left to trade.
    TradeProposal tiny = new TradeProposal("X", Side.BUY, 1e-300, 1, "");
    fake.script(Script.answer(answer("RESIZE", 1e-300, "tiny", 0.5)));
    ReviewDecision d = fake.reviewer(waits).build().review(tiny, Fixtures.context());
    assertEquals(Verdict.REJECT, d.verdict());
    assertEquals("LLM reviewer: answer field 'size_multiplier' 1E-300 times the proposed"
        + " quantity 1.0E-300 leaves nothing to trade", d.rationale());
  }
}
