package io.github.quantfolio.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.quantfolio.core.adapters.ReviewContext;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.TradeProposal;
import io.github.quantfolio.core.adapters.TradeReviewer;
import io.github.quantfolio.llm.FakeChat.Script;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The usage snippet of docs/llm-reviewer.md, run against the fake server: the code between the
 * markers is the snippet, with only the base URL pointed at the fake instead of Ollama.
 */
class DocsSnippetTest {

  @Test
  void theDocumentHoldsExactlyThisSnippet() throws Exception {
    // Tests run in the module's folder; both files are in the repository.
    String doc = Files.readString(Path.of("../docs/llm-reviewer.md"));
    String fromDoc = between(doc, "<!-- snippet:begin", "<!-- snippet:end -->");
    fromDoc = fromDoc.substring(fromDoc.indexOf("```java\n") + 8, fromDoc.lastIndexOf("```"));
    String source = Files.readString(
        Path.of("src/test/java/io/github/quantfolio/llm/DocsSnippetTest.java"));
    String fromTest = between(source, "// snippet:" + "begin\n", "      // snippet:" + "end");
    String expected = fromTest.lines().map(l -> l.startsWith("      ") ? l.substring(6) : l)
        .map(l -> l.replace("builder(ollama,", "builder(ChatCompletionsReviewer.OLLAMA_URL,"))
        .collect(Collectors.joining("\n", "", "\n"));
    assertEquals(expected, fromDoc);
  }

  private static String between(String text, String begin, String end) {
    int from = text.indexOf(begin);
    int to = text.indexOf(end, from);
    if (from < 0 || to < 0) {
      throw new AssertionError("markers " + begin + " ... " + end + " not found");
    }
    return text.substring(from + begin.length(), to);
  }

  @Test
  void theDocumentedUsageRuns() throws Exception {
    try (FakeChat fake = new FakeChat()) {
      fake.script(Script.answer(FakeChat.answer("RESIZE", 0.5, "Would breach the 10 % limit.",
          0.8, "position limit")));
      URI ollama = fake.baseUrl();   // ChatCompletionsReviewer.OLLAMA_URL in the document
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
      Instant now = Fixtures.AS_OF;

      // snippet:begin
      TradeReviewer reviewer = ChatCompletionsReviewer
          .builder(ollama, "qwen2.5:7b-instruct")
          .withTimeout(Duration.ofSeconds(120))      // a local model on a CPU is slow
          .withRetries(2, Duration.ofSeconds(1), Duration.ofSeconds(8))
          .build();

      TradeProposal proposal = new TradeProposal("AAPL", Side.BUY, 100, 187.5,
          "20-day breakout with rising volume");
      ReviewContext context = new ReviewContext(now, new Signal(0.6, 0.7),
          Map.of("rsi14", 61.2), 100_000, 25_000, Map.of("AAPL", 0.05, "MSFT", 0.2),
          0.75, 0.55, Map.of("volatility20d", 0.0142), new double[] {0.01, -0.0123, 0.004},
          Map.of("maxPositionWeight", 0.1));

      ReviewDecision d = reviewer.review(proposal, context);
      double units = d.quantityFor(proposal);        // 100, 0, or fewer after a RESIZE
      out.println(d.verdict() + " " + units + ": " + d.rationale() + " " + d.riskFlags());
      // snippet:end

      assertEquals("RESIZE 50.0: Would breach the 10 % limit. [position limit]\n",
          printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
  }
}
