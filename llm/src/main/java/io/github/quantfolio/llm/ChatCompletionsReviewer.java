package io.github.quantfolio.llm;

import io.github.quantfolio.core.adapters.ReviewContext;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.TradeProposal;
import io.github.quantfolio.core.adapters.TradeReviewer;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.llm.internal.AnswerReader;
import io.github.quantfolio.llm.internal.ChatHttp;
import io.github.quantfolio.llm.internal.ChatRequest;
import io.github.quantfolio.llm.internal.Redactor;
import io.github.quantfolio.llm.internal.ReviewFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * A {@link TradeReviewer} that asks a language model through an OpenAI-compatible
 * chat-completions API: OpenAI, Ollama, vLLM, llama.cpp's server and the many others that speak
 * it. HTTP is the JDK's {@code java.net.http}; no SDK.
 *
 * <pre>{@code
 * TradeReviewer reviewer = ChatCompletionsReviewer
 *     .builder(ChatCompletionsReviewer.OLLAMA_URL, "qwen2.5:7b-instruct")
 *     .withTimeout(Duration.ofSeconds(60))
 *     .build();
 * ReviewDecision d = reviewer.review(proposal, context);
 * double units = d.quantityFor(proposal);       // the proposal's, 0, or fewer
 * }</pre>
 *
 * <p><b>Request.</b> {@code POST {baseUrl}/chat/completions} with {@code model},
 * {@code temperature: 0}, a system and a user message ({@link ReviewPrompt}), and a
 * {@code response_format} of type {@code json_schema} (strict) describing the answer:
 * {@code decision} (APPROVE, REJECT or RESIZE), {@code size_multiplier}, {@code rationale},
 * {@code confidence} and {@code risk_flags}. The body is deterministic ({@link #requestBody}).
 * An API key, when set, is sent as {@code Authorization: Bearer <key>}.
 *
 * <p><b>Answer.</b> {@code choices[0].message.content} must be exactly that JSON object:
 * APPROVE needs {@code size_multiplier} 1; RESIZE needs {@code 0 < size_multiplier <= 1} and
 * becomes {@code ReviewDecision.resize(size_multiplier x proposal.quantity(), ...)}, so a
 * reviewer can only shrink a trade; REJECT accepts any multiplier in [0, 1]; {@code confidence}
 * must lie in [0, 1]. The decision carries the model's rationale and confidence, its risk flags
 * ({@link ReviewDecision#withRiskFlags}) and its raw answer ({@link ReviewDecision#withRawAnswer}).
 *
 * <p><b>Failures never throw.</b> Whatever goes wrong (HTTP errors, timeouts, connection
 * failures, a body or answer that is not valid JSON, a missing, mistyped or unexpected field, an
 * out-of-range number, an unknown decision, a refusal, no choices, an answer cut off at the token
 * limit, an interrupt) the result is {@code ReviewDecision.reject(...)} with confidence 0 and a
 * rationale that starts {@code "LLM reviewer: "} and says exactly what happened, for example
 * {@code "LLM reviewer: HTTP 500 after 3 attempts: ..."} or
 * {@code "LLM reviewer: answer field 'confidence' is 1.5, outside [0, 1]"}; the model's answer,
 * when one arrived, is attached as the raw answer. Only a null argument throws
 * ({@link NullPointerException}). An interrupt also restores the thread's interrupt flag.
 *
 * <p><b>Retries.</b> HTTP 429 and 5xx, timeouts and connection failures are retried up to
 * {@code maxRetries} times; retry {@code k} waits {@code initialBackoff x 2^(k-1)}, at most
 * {@code maxBackoff}, or what {@code Retry-After: <seconds>} asks (a longer request ends the
 * review at once). Other 4xx (400, 401, 403, 404, ...) and 3xx are not retried: redirects are not
 * followed, since they would resend the key. An answer that cannot be read is not retried either
 * (at temperature 0 the model would most likely say the same). Each attempt is bounded by the
 * timeout as a whole, so a review takes at most about
 * {@code (maxRetries + 1) x timeout + the waits}.
 *
 * <p><b>The API key</b> never appears in a decision (rationale, raw answer, risk flags), an
 * exception message, or {@link #toString()}, even where a server or the model echoes it: every
 * text from the server is redacted ({@code ***}) before use. The reviewer logs nothing. It is
 * sent only over HTTPS or to the loopback interface.
 *
 * <p>Immutable and thread-safe; one instance may review from many threads at once.
 *
 * @since 0.1.0
 */
public final class ChatCompletionsReviewer implements TradeReviewer {

  /** OpenAI's API ({@code https://api.openai.com/v1}); needs an API key. */
  public static final URI OPENAI_URL = URI.create("https://api.openai.com/v1");
  /** A local Ollama server's OpenAI-compatible API ({@code http://127.0.0.1:11434/v1}). */
  public static final URI OLLAMA_URL = URI.create("http://127.0.0.1:11434/v1");

  /** Waits between retries; tests substitute one that records the waits. */
  @FunctionalInterface
  public interface Sleeper {

    /** {@link Thread#sleep(long, int)} for real. */
    Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    /**
     * Waits for {@code d}.
     *
     * @param d the wait, &gt;= 0
     * @throws InterruptedException if interrupted while waiting
     */
    void sleep(Duration d) throws InterruptedException;
  }

  private final URI baseUrl;
  private final String model;
  private final String systemPrompt;
  private final boolean hasKey;
  private final Duration timeout;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Redactor redactor;
  private final ChatHttp http;
  private final AnswerReader reader;

  private ChatCompletionsReviewer(Builder b) {
    this.baseUrl = b.baseUrl;
    this.model = b.model;
    this.systemPrompt = b.systemPrompt;
    this.hasKey = b.apiKey != null;
    this.timeout = b.timeout;
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.redactor = new Redactor(b.apiKey);
    HttpClient client = b.client != null ? b.client : HttpClient.newBuilder()
        .connectTimeout(b.timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        // HTTP/1.1: some local servers mishandle the h2c upgrade the JDK tries on plain http.
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    this.http = new ChatHttp(client, URI.create(baseUrl + "/chat/completions"), b.apiKey,
        b.timeout, b.maxRetries, b.initialBackoff, b.maxBackoff, b.sleeper, redactor);
    this.reader = new AnswerReader(redactor);
  }

  /**
   * A builder for the server at {@code baseUrl} serving {@code model}.
   *
   * @param baseUrl the API's base address, up to and including the version segment, e.g.
   *     {@link #OPENAI_URL}, {@link #OLLAMA_URL}, {@code http://127.0.0.1:8000/v1} (vLLM) or
   *     {@code http://127.0.0.1:8080/v1} (llama.cpp); http or https, no user info, query or
   *     fragment; a trailing {@code /} is ignored
   * @param model the model name the server knows, e.g. {@code gpt-4o-mini},
   *     {@code qwen2.5:7b-instruct}; printable, not blank
   * @return the builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the URL or the model name is malformed
   */
  public static Builder builder(URI baseUrl, String model) {
    return new Builder(baseUrl, model);
  }

  /** Settings of a {@link ChatCompletionsReviewer}. Not thread-safe; build once. */
  public static final class Builder {
    private final URI baseUrl;
    private final String model;
    private String apiKey;
    private Duration timeout = Duration.ofSeconds(60);
    private int maxRetries = 2;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private String systemPrompt = ReviewPrompt.DEFAULT_SYSTEM_PROMPT;
    private HttpClient client;
    private Sleeper sleeper = Sleeper.REAL;

    private Builder(URI baseUrl, String model) {
      this.baseUrl = normalize(baseUrl);
      Checks.notNull(model, "model");
      if (model.isBlank() || !model.strip().equals(model) || hasControl(model)) {
        throw new IllegalArgumentException("Expected a model name without control characters or"
            + " surrounding spaces, not blank (e.g. gpt-4o-mini), but found \""
            + model.replaceAll("\\p{Cntrl}", "?") + "\"");
      }
      this.model = model;
    }

    /**
     * Sends {@code apiKey} as {@code Authorization: Bearer <apiKey>} (OpenAI, or a vLLM or
     * llama.cpp server started with an API key). Local Ollama needs none. The key is sent only
     * over HTTPS or to the loopback interface, and never appears in any text this library
     * produces.
     *
     * @param apiKey the key, printable ASCII without spaces, not empty
     * @return this builder
     * @throws NullPointerException if {@code apiKey} is null (for example an unset environment
     *     variable)
     * @throws IllegalArgumentException if the key is empty or holds a character that cannot go
     *     into an HTTP header (the message gives its position, never the key)
     */
    public Builder withApiKey(String apiKey) {
      Checks.notNull(apiKey, "apiKey");
      if (apiKey.isEmpty()) {
        throw new IllegalArgumentException("Argument 'apiKey' must not be empty");
      }
      for (int i = 0; i < apiKey.length(); i++) {
        char c = apiKey.charAt(i);
        if (c <= ' ' || c > '~') {
          throw new IllegalArgumentException("Argument 'apiKey' holds a character that cannot be"
              + " sent in an HTTP header (space, control or non-ASCII) at position " + i);
        }
      }
      this.apiKey = apiKey;
      return this;
    }

    /**
     * The bound on each attempt as a whole (connecting, sending, the model's thinking, reading
     * the answer). Default 60 s; a local model on a CPU may need more.
     *
     * @param timeout &gt; 0
     * @return this builder
     */
    public Builder withTimeout(Duration timeout) {
      Checks.notNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Expected timeout > 0, but found " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * How often and how patiently to retry HTTP 429 and 5xx, timeouts and connection failures:
     * retry {@code k} waits {@code initialBackoff x 2^(k-1)}, at most {@code maxBackoff}.
     * Default: 2 retries (3 attempts), 500 ms, 8 s.
     *
     * @param maxRetries retries after the first attempt, 0 to 10
     * @param initialBackoff the first wait, &gt;= 0
     * @param maxBackoff the longest wait, &gt;= initialBackoff
     * @return this builder
     */
    public Builder withRetries(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
      Checks.notNull(initialBackoff, "initialBackoff");
      Checks.notNull(maxBackoff, "maxBackoff");
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("Expected 0 <= maxRetries <= 10, but found "
            + maxRetries);
      }
      if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("Expected 0 <= initialBackoff <= maxBackoff, but found "
            + initialBackoff + " and " + maxBackoff);
      }
      this.maxRetries = maxRetries;
      this.initialBackoff = initialBackoff;
      this.maxBackoff = maxBackoff;
      return this;
    }

    /**
     * Replaces {@link ReviewPrompt#DEFAULT_SYSTEM_PROMPT} (the reviewer's role). The answer
     * format stays at the end of the user message whatever this says.
     *
     * @param systemPrompt the system message, not blank
     * @return this builder
     */
    public Builder withSystemPrompt(String systemPrompt) {
      Checks.notNull(systemPrompt, "systemPrompt");
      if (systemPrompt.isBlank()) {
        throw new IllegalArgumentException("Argument 'systemPrompt' must not be blank");
      }
      this.systemPrompt = systemPrompt;
      return this;
    }

    /**
     * Uses {@code client} (a proxy, custom TLS, a shared executor) instead of the default one,
     * which follows no redirects and uses HTTP/1.1. A client that follows redirects may resend
     * the API key to the redirect's target.
     *
     * @param client the HTTP client
     * @return this builder
     */
    public Builder withHttpClient(HttpClient client) {
      this.client = Checks.notNull(client, "client");
      return this;
    }

    /**
     * Waits between retries with {@code sleeper} instead of {@link Sleeper#REAL} (tests record
     * the waits instead of sleeping).
     *
     * @param sleeper the waiting strategy
     * @return this builder
     */
    public Builder withSleeper(Sleeper sleeper) {
      this.sleeper = Checks.notNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The reviewer. Connects to nothing yet; the first review does.
     *
     * @return the reviewer
     * @throws IllegalArgumentException if an API key would go over plain http to a host other
     *     than the loopback interface
     */
    public ChatCompletionsReviewer build() {
      if (apiKey != null && baseUrl.getScheme().equalsIgnoreCase("http")
          && !loopback(baseUrl.getHost())) {
        throw new IllegalArgumentException("An API key is sent only over https or to the loopback"
            + " interface, but baseUrl is " + baseUrl + "; use https, or no key");
      }
      return new ChatCompletionsReviewer(this);
    }

    private static URI normalize(URI url) {
      Checks.notNull(url, "baseUrl");
      if (url.getRawUserInfo() != null) {
        // Not quoted: user info may hold a key. Keys go in withApiKey.
        throw new IllegalArgumentException("Argument 'baseUrl' must not hold user info; pass a"
            + " key with withApiKey");
      }
      if (url.getRawQuery() != null || url.getRawFragment() != null) {
        // Not quoted either: a query may hold a key.
        throw new IllegalArgumentException("Argument 'baseUrl' must not hold a query or a"
            + " fragment");
      }
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
      if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
        throw new IllegalArgumentException("Expected baseUrl http(s)://host[:port][/path] (e.g."
            + " https://api.openai.com/v1), but found " + url);
      }
      String s = url.toString();
      while (s.endsWith("/")) {
        s = s.substring(0, s.length() - 1);
      }
      return URI.create(s);
    }

    private static boolean loopback(String host) {
      return "127.0.0.1".equals(host) || "localhost".equalsIgnoreCase(host)
          || "[::1]".equals(host);
    }

    private static boolean hasControl(String s) {
      return s.chars().anyMatch(c -> c < ' ' || c == 0x7f);
    }
  }

  /**
   * The model's decision on {@code proposal}, or a REJECT with confidence 0 saying why there is
   * none (see the class description). Never null, never throws except for a null argument.
   *
   * @param proposal the proposed trade
   * @param context what the model is told about the signal, book, metrics and limits
   * @return the decision
   * @throws NullPointerException if an argument is null
   */
  @Override
  public ReviewDecision review(TradeProposal proposal, ReviewContext context) {
    String body = requestBody(proposal, context);
    try {
      String response = http.post(body);
      String content = reader.content(response);
      return reader.decision(content, proposal);
    } catch (ReviewFailure f) {
      return ReviewDecision.reject("LLM reviewer: " + f.getMessage(), 0)
          .withRawAnswer(f.rawAnswer());
    } catch (RuntimeException e) {
      // A defect here or in a library must not stop a trading loop: reject, and say what it was.
      return ReviewDecision.reject("LLM reviewer: unexpected " + e.getClass().getSimpleName()
          + ": " + redactor.quote(e.getMessage()), 0);
    }
  }

  /**
   * The exact body {@link #review} would post for {@code proposal} in {@code context}: equal
   * arguments give byte-identical text. Holds no API key (that travels in a header). For
   * inspecting what the model is told.
   *
   * @param proposal the proposed trade
   * @param context the review context
   * @return the JSON request body
   * @throws NullPointerException if an argument is null
   */
  public String requestBody(TradeProposal proposal, ReviewContext context) {
    return ChatRequest.body(model, systemPrompt, ReviewPrompt.userMessage(proposal, context));
  }

  /**
   * The API's base address.
   *
   * @return e.g. {@code http://127.0.0.1:11434/v1}, without a trailing {@code /}
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * The model asked.
   *
   * @return the model name
   */
  public String model() {
    return model;
  }

  /**
   * The bound on each attempt.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Retries after the first attempt.
   *
   * @return the retry count
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Whether an API key is set (the key itself is never exposed).
   *
   * @return true if requests carry an {@code Authorization} header
   */
  public boolean hasApiKey() {
    return hasKey;
  }

  /**
   * Base URL, model, timeout, retries and back-off, and whether a key is set, never the key:
   * {@code ChatCompletionsReviewer[http://127.0.0.1:11434/v1, model qwen2.5:7b-instruct,
   * timeout 60000 ms, retries 2 (backoff 500..8000 ms), key: none]}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "ChatCompletionsReviewer[" + baseUrl + ", model " + model + ", timeout "
        + timeout.toMillis() + " ms, retries " + maxRetries + " (backoff "
        + initialBackoff.toMillis() + ".." + maxBackoff.toMillis() + " ms), key: "
        + (hasKey ? "set" : "none") + "]";
  }
}
