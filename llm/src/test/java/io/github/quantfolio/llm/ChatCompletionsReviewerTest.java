package io.github.quantfolio.llm;

import static io.github.quantfolio.llm.FakeChat.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.quantfolio.core.adapters.ReviewContext;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.ReviewDecision.Verdict;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.TradeProposal;
import io.github.quantfolio.llm.FakeChat.Request;
import io.github.quantfolio.llm.FakeChat.Script;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Well-formed answers, and the request the server receives. */
class ChatCompletionsReviewerTest {

  private static final String KEY = "sk-test-0123456789abcdef";

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

  @Test
  void anApprovalKeepsTheModelsRationaleConfidenceFlagsAndRawAnswer() {
    String content = answer("APPROVE", 1, "Within limits; signal is strong.", 0.82,
        "momentum crowding");
    fake.script(Script.answer(content));
    ReviewDecision d = fake.reviewer(waits).build().review(Fixtures.proposal(),
        Fixtures.context());
    assertEquals(Verdict.APPROVE, d.verdict());
    assertEquals("Within limits; signal is strong.", d.rationale());
    assertEquals(0.82, d.confidence());
    assertEquals(List.of("momentum crowding"), d.riskFlags());
    assertEquals(content, d.rawAnswer());
    assertEquals(100, d.quantityFor(Fixtures.proposal()));
    assertEquals(1, fake.count());
    assertTrue(waits.isEmpty());
  }

  @Test
  void aRejectionIsTheModelsOwn() {
    String content = answer("REJECT", 0, "The position would be 23.75 % of NAV.", 0.9,
        "position limit", "concentration");
    fake.script(Script.answer(content));
    ReviewDecision d = fake.reviewer(waits).build().review(Fixtures.proposal(),
        Fixtures.context());
    assertEquals(Verdict.REJECT, d.verdict());
    assertEquals("The position would be 23.75 % of NAV.", d.rationale());
    assertEquals(0.9, d.confidence());
    assertEquals(List.of("position limit", "concentration"), d.riskFlags());
    assertEquals(content, d.rawAnswer());
    assertEquals(0, d.quantityFor(Fixtures.proposal()));
  }

  @Test
  void resizeHalfTradesHalfTheQuantity() {
    fake.script(Script.answer(answer("RESIZE", 0.5, "Half keeps AAPL under 10 %.", 0.7)));
    ReviewDecision d = fake.reviewer(waits).build().review(Fixtures.proposal(),
        Fixtures.context());
    assertEquals(Verdict.RESIZE, d.verdict());
    // 0.5 x 100 units = 50 (by hand).
    assertEquals(50, d.resizedQuantity());
    assertEquals(50, d.quantityFor(Fixtures.proposal()));
    assertEquals(0.7, d.confidence());
    assertEquals(List.of(), d.riskFlags());
  }

  @Test
  void resizeMultipliesFractionalQuantities() {
    // 0.25 x 30 = 7.5 and 1 x 30 = 30 (by hand; both exact in binary).
    TradeProposal p = new TradeProposal("BTC", Side.SELL, 30, 60_000, "");
    fake.script(Script.answer(answer("RESIZE", 0.25, "quarter", 0.6)),
        Script.answer(answer("RESIZE", 1, "all of it", 0.6)));
    ChatCompletionsReviewer r = fake.reviewer(waits).build();
    assertEquals(7.5, r.review(p, Fixtures.context()).resizedQuantity());
    assertEquals(30, r.review(p, Fixtures.context()).resizedQuantity());
  }

  @Test
  void theRequestIsAStrictJsonSchemaChatCompletion() throws Exception {
    fake.script(Script.answer(answer("APPROVE", 1, "ok", 0.5)));
    ChatCompletionsReviewer r = fake.reviewer(waits).withApiKey(KEY).build();
    r.review(Fixtures.proposal(), Fixtures.context());

    Request req = fake.requests().get(0);
    assertEquals("POST", req.method());
    assertEquals("/v1/chat/completions", req.path());
    assertEquals("Bearer " + KEY, req.header("Authorization"));
    assertTrue(req.header("Content-Type").startsWith("application/json"));
    JsonNode body = FakeChat.JSON.readTree(req.body());
    assertEquals("test-model", body.get("model").asText());
    assertTrue(body.get("temperature").isNumber());
    assertEquals(0, body.get("temperature").decimalValue().compareTo(BigDecimal.ZERO));
    JsonNode messages = body.get("messages");
    assertEquals(2, messages.size());
    assertEquals("system", messages.get(0).get("role").asText());
    assertEquals(ReviewPrompt.DEFAULT_SYSTEM_PROMPT, messages.get(0).get("content").asText());
    assertEquals("user", messages.get(1).get("role").asText());
    String prompt = messages.get(1).get("content").asText();
    assertEquals(ReviewPrompt.userMessage(Fixtures.proposal(), Fixtures.context()), prompt);
    assertTrue(prompt.contains("symbol: AAPL\n"), prompt);
    assertTrue(prompt.contains("- MSFT: 0.2\n"), prompt);
    assertTrue(prompt.contains("maxPositionWeight: 0.1\n"), prompt);
    assertTrue(prompt.contains("0.01, -0.0123, 0.004\n"), prompt);

    JsonNode format = body.get("response_format");
    assertEquals("json_schema", format.get("type").asText());
    JsonNode js = format.get("json_schema");
    assertEquals("trade_review", js.get("name").asText());
    assertTrue(js.get("strict").asBoolean());
    JsonNode schema = js.get("schema");
    assertEquals("object", schema.get("type").asText());
    assertFalse(schema.get("additionalProperties").asBoolean(true));
    List<String> required = new ArrayList<>();
    schema.get("required").forEach(n -> required.add(n.asText()));
    assertEquals(List.of("decision", "size_multiplier", "rationale", "confidence", "risk_flags"),
        required);
    JsonNode props = schema.get("properties");
    assertEquals(required.size(), props.size());
    List<String> decisions = new ArrayList<>();
    props.get("decision").get("enum").forEach(n -> decisions.add(n.asText()));
    assertEquals(List.of("APPROVE", "REJECT", "RESIZE"), decisions);
    assertEquals("string", props.get("decision").get("type").asText());
    assertEquals("number", props.get("size_multiplier").get("type").asText());
    assertEquals("string", props.get("rationale").get("type").asText());
    assertEquals("number", props.get("confidence").get("type").asText());
    assertEquals("array", props.get("risk_flags").get("type").asText());
    assertEquals("string", props.get("risk_flags").get("items").get("type").asText());
  }

  @Test
  void withoutAKeyThereIsNoAuthorizationHeader() {
    fake.script(Script.answer(answer("APPROVE", 1, "ok", 0.5)));
    ChatCompletionsReviewer r = fake.reviewer(waits).build();
    r.review(Fixtures.proposal(), Fixtures.context());
    assertNull(fake.requests().get(0).header("Authorization"));
    assertFalse(r.hasApiKey());
  }

  @Test
  void aTrailingSlashOnTheBaseUrlIsIgnored() {
    fake.script(Script.answer(answer("APPROVE", 1, "ok", 0.5)));
    ChatCompletionsReviewer r = ChatCompletionsReviewer
        .builder(java.net.URI.create(fake.baseUrl() + "/"), "m").withSleeper(waits::add).build();
    assertEquals(fake.baseUrl(), r.baseUrl());
    assertEquals(Verdict.APPROVE, r.review(Fixtures.proposal(), Fixtures.context()).verdict());
    assertEquals("/v1/chat/completions", fake.requests().get(0).path());
  }

  @Test
  void theRequestBodyIsByteIdenticalForEqualInputs() {
    fake.script(Script.answer(answer("APPROVE", 1, "ok", 0.5)),
        Script.answer(answer("APPROVE", 1, "ok", 0.5)));
    ChatCompletionsReviewer r = fake.reviewer(waits).withApiKey(KEY).build();
    // Two equal but separately built arguments.
    r.review(Fixtures.proposal(), Fixtures.context());
    r.review(Fixtures.proposal(), Fixtures.context());
    List<Request> reqs = fake.requests();
    assertEquals(reqs.get(0).body(), reqs.get(1).body());
    assertEquals(r.requestBody(Fixtures.proposal(), Fixtures.context()), reqs.get(0).body());
    // A second reviewer with the same settings sends the same bytes; the key is not in them.
    ChatCompletionsReviewer other = fake.reviewer(new ArrayList<>()).build();
    assertEquals(reqs.get(0).body(), other.requestBody(Fixtures.proposal(), Fixtures.context()));
    assertFalse(reqs.get(0).body().contains(KEY));
  }

  @Test
  void insertionOrderOfTheContextMapsIsKept() {
    Map<String, Double> ab = new LinkedHashMap<>();
    ab.put("beta", 1.0);
    ab.put("alpha", 2.0);
    Map<String, Double> ba = new LinkedHashMap<>();
    ba.put("alpha", 2.0);
    ba.put("beta", 1.0);
    ChatCompletionsReviewer r = fake.reviewer(waits).build();
    String first = r.requestBody(Fixtures.proposal(), withLimits(ab));
    String second = r.requestBody(Fixtures.proposal(), withLimits(ba));
    assertTrue(first.contains("beta: 1\\nalpha: 2\\n"), first);
    assertTrue(second.contains("alpha: 2\\nbeta: 1\\n"), second);
  }

  @Test
  void aCustomSystemPromptReplacesTheRoleButNotTheAnswerFormat() throws Exception {
    fake.script(Script.answer(answer("APPROVE", 1, "ok", 0.5)));
    ChatCompletionsReviewer r = fake.reviewer(waits)
        .withSystemPrompt("You review crypto trades for a fund with a 2 % daily loss limit.")
        .build();
    r.review(Fixtures.proposal(), Fixtures.context());
    JsonNode messages = FakeChat.JSON.readTree(fake.requests().get(0).body()).get("messages");
    assertEquals("You review crypto trades for a fund with a 2 % daily loss limit.",
        messages.get(0).get("content").asText());
    assertTrue(messages.get(1).get("content").asText().endsWith(ReviewPrompt.ANSWER_FORMAT));
  }

  @Test
  void toStringShowsTheSettingsAndOnlyWhetherAKeyIsSet() {
    ChatCompletionsReviewer keyed = ChatCompletionsReviewer
        .builder(ChatCompletionsReviewer.OPENAI_URL, "gpt-4o-mini").withApiKey(KEY)
        .withTimeout(Duration.ofSeconds(30))
        .withRetries(3, Duration.ofMillis(250), Duration.ofSeconds(4)).build();
    assertEquals("ChatCompletionsReviewer[https://api.openai.com/v1, model gpt-4o-mini, timeout"
        + " 30000 ms, retries 3 (backoff 250..4000 ms), key: set]", keyed.toString());
    ChatCompletionsReviewer local = ChatCompletionsReviewer
        .builder(ChatCompletionsReviewer.OLLAMA_URL, "qwen2.5:7b-instruct").build();
    assertEquals("ChatCompletionsReviewer[http://127.0.0.1:11434/v1, model qwen2.5:7b-instruct,"
        + " timeout 60000 ms, retries 2 (backoff 500..8000 ms), key: none]", local.toString());
    assertEquals(3, keyed.maxRetries());
    assertEquals(Duration.ofSeconds(30), keyed.timeout());
    assertEquals("gpt-4o-mini", keyed.model());
    assertTrue(keyed.hasApiKey());
  }

  private static ReviewContext withLimits(Map<String, Double> limits) {
    return new ReviewContext(Fixtures.AS_OF, new Signal(0.1, 0.2), Map.of(), 1000, 1000,
        Map.of(), 0, 0, Map.of(), new double[0], limits);
  }
}
