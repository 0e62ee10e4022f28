package io.github.quantfolio.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.ReviewDecision.Verdict;
import io.github.quantfolio.llm.FakeChat.Script;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API key never appears in a decision (rationale, raw answer, risk flags, toString), an
 * exception message or the reviewer's toString, whatever the server or the model does: here
 * they echo the key in every place they can, and every text produced is searched for it.
 */
class ReviewerSecretsTest {

  /** Long and distinctive, so that a search for it cannot match by accident. */
  private static final String KEY = "sk-proj-QFLLM7x9SECRETk3Z2vQ8wR4tY6uI0oP5aS1dF";
  /** What a server that echoes the request headers would put into its answers. */
  private static final String ECHO = "Authorization: Bearer " + KEY;

  private FakeChat fake;
  private final List<Duration> waits = new ArrayList<>();
  private ChatCompletionsReviewer reviewer;
  /** Every text the reviewer produced. */
  private final List<String> texts = new ArrayList<>();
  private int cases;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeChat();
    reviewer = fake.reviewer(waits).withApiKey(KEY).build();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void noDecisionMessageOrToStringEverContainsTheKey() throws Exception {
    String echoJson = "{\"error\":{\"message\":\"" + ECHO + "\",\"type\":\"x\"}}";
    // HTTP errors whose bodies echo the key: JSON in each provider's shape, and plain text.
    for (int status : new int[] {400, 401, 403, 404, 422}) {
      rejectAfter(Script.respond(status, echoJson));
      rejectAfter(Script.respond(status, "{\"error\":\"" + ECHO + "\"}"));
      rejectAfter(Script.respond(status, "{\"message\":\"" + ECHO + "\"}"));
      rejectAfter(Script.respond(status, "<html>" + ECHO + "</html>"));
    }
    // Server errors until the retries run out; a Retry-After that is the key; one too long.
    rejectAfter(Script.respond(500, echoJson), Script.respond(502, ECHO),
        Script.respond(503, echoJson));
    rejectAfter(Script.respond(429, echoJson, Map.of("Retry-After", KEY)),
        Script.respond(429, echoJson, Map.of("Retry-After", "3600")));
    // Bodies and answers that are not JSON, with the key as the bad token.
    rejectAfter(Script.respond(200, ECHO));
    rejectAfter(Script.respond(200, "{\"choices\": " + KEY + "}"));
    rejectAfter(Script.answer(ECHO));
    rejectAfter(Script.answer("{\"decision\": " + KEY + "}"));
    rejectAfter(Script.answer("```json\n" + ECHO + "\n```"));
    // Answers whose fields are the key.
    rejectAfter(Script.answer(answer("\"" + KEY + "\"", "1", "\"ok\"", "0.5", "[]")));
    rejectAfter(Script.answer(answer("\"RESIZE\"", "2", "\"" + ECHO + "\"", "0.5",
        "[\"" + KEY + "\"]")));
    rejectAfter(Script.answer(answer("\"APPROVE\"", "1", "\"ok\"", "\"" + KEY + "\"", "[]")));
    rejectAfter(Script.answer(answer("\"APPROVE\"", "1", "\"ok\"", "0.5", "[\"" + KEY + "\", 3]")));
    rejectAfter(Script.answer("{\"" + KEY + "\": 1, \"decision\": \"APPROVE\","
        + " \"size_multiplier\": 1, \"rationale\": \"\", \"confidence\": 1, \"risk_flags\": []}"));
    // A refusal and a cut-off answer that echo it.
    rejectAfter(Script.respond(200, "{\"choices\":[{\"message\":{\"content\":null,\"refusal\":\""
        + ECHO + "\"}}]}"));
    rejectAfter(Script.respond(200, "{\"choices\":[{\"message\":{\"content\":\"" + ECHO
        + "\"},\"finish_reason\":\"length\"}]}"));
    // A timeout.
    ChatCompletionsReviewer impatient = fake.reviewer(waits).withApiKey(KEY)
        .withTimeout(Duration.ofMillis(200)).withRetries(0, Duration.ZERO, Duration.ZERO).build();
    fake.script(Script.slow(Duration.ofSeconds(2), ECHO));
    record(impatient.review(Fixtures.proposal(), Fixtures.context()));
    texts.add(impatient.toString());

    // Valid decisions whose rationale, flags and raw answer echo the key: kept, key removed.
    for (String verdict : new String[] {"APPROVE", "REJECT", "RESIZE"}) {
      fake.script(Script.answer(answer("\"" + verdict + "\"",
          verdict.equals("REJECT") ? "0" : verdict.equals("RESIZE") ? "0.5" : "1",
          "\"I saw " + ECHO + "\"", "0.5", "[\"" + KEY + "\", \"ok\"]")));
      ReviewDecision d = reviewer.review(Fixtures.proposal(), Fixtures.context());
      assertEquals(Verdict.valueOf(verdict), d.verdict());
      assertEquals("I saw Authorization: Bearer ***", d.rationale());
      assertEquals(List.of("***", "ok"), d.riskFlags());
      assertTrue(d.rawAnswer().contains("Bearer ***"), d.rawAnswer());
      record(d);
    }

    // The key really went to the server, each time, only in the header.
    assertTrue(fake.count() > 40);
    fake.requests().forEach(r -> {
      assertEquals("Bearer " + KEY, r.header("Authorization"));
      assertFalse(r.body().contains(KEY));
    });
    texts.add(reviewer.toString());
    assertTrue(reviewer.toString().endsWith("key: set]"), reviewer.toString());
    // 20 HTTP errors, 2 retry runs, 5 non-JSON, 5 poisoned fields, refusal, cut-off, timeout,
    // 3 valid decisions.
    assertEquals(38, cases);
    for (String t : texts) {
      assertFalse(t.contains(KEY), t);
    }
    // Most failures quoted the server: the echo was there and was redacted, not avoided.
    assertTrue(texts.stream().filter(t -> t.contains("***")).count() >= 30);
  }

  @Test
  void builderMessagesNeverQuoteTheKey() throws Exception {
    List<Runnable> bad = List.of(
        () -> ChatCompletionsReviewer.builder(fake.baseUrl(), "m").withApiKey("Bearer " + KEY),
        () -> ChatCompletionsReviewer.builder(fake.baseUrl(), "m").withApiKey(KEY + "\n"),
        () -> ChatCompletionsReviewer.builder(fake.baseUrl(), "m").withApiKey(KEY + "é"),
        () -> ChatCompletionsReviewer.builder(
            URI.create("http://user:" + KEY + "@127.0.0.1:1/v1"), "m"),
        () -> ChatCompletionsReviewer.builder(URI.create("http://127.0.0.1:1/v1?key=" + KEY), "m"),
        () -> ChatCompletionsReviewer.builder(URI.create("http://127.0.0.1:1/v1#" + KEY), "m"),
        () -> ChatCompletionsReviewer.builder(URI.create("http://10.1.2.3:8000/v1"), "m")
            .withApiKey(KEY).build());
    for (Runnable r : bad) {
      try {
        r.run();
        fail("accepted");
      } catch (IllegalArgumentException e) {
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertFalse(e.getMessage().contains(KEY.substring(0, 12)), e.getMessage());
      }
    }
  }

  @Test
  void aConnectionFailureDoesNotQuoteTheKey() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ChatCompletionsReviewer r = ChatCompletionsReviewer
        .builder(URI.create("http://127.0.0.1:" + port + "/v1"), "m").withApiKey(KEY)
        .withRetries(1, Duration.ZERO, Duration.ZERO).withSleeper(waits::add).build();
    ReviewDecision d = r.review(Fixtures.proposal(), Fixtures.context());
    assertEquals(Verdict.REJECT, d.verdict());
    assertFalse(d.toString().contains(KEY), d.toString());
  }

  private void rejectAfter(Script... scripts) {
    fake.script(scripts);
    ReviewDecision d = reviewer.review(Fixtures.proposal(), Fixtures.context());
    assertEquals(Verdict.REJECT, d.verdict(), d.toString());
    assertEquals(0, d.confidence(), d.toString());
    assertTrue(d.rationale().startsWith("LLM reviewer: "), d.rationale());
    record(d);
  }

  private void record(ReviewDecision d) {
    cases++;
    texts.add(d.rationale());
    texts.add(d.rawAnswer());
    texts.addAll(d.riskFlags());
    texts.add(d.toString());
  }

  private static String answer(String decision, String multiplier, String rationale,
      String confidence, String flags) {
    return "{\"decision\": " + decision + ", \"size_multiplier\": " + multiplier
        + ", \"rationale\": " + rationale + ", \"confidence\": " + confidence
        + ", \"risk_flags\": " + flags + "}";
  }
}
