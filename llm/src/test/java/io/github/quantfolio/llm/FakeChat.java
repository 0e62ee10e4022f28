package io.github.quantfolio.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A chat-completions server on 127.0.0.1 (the JDK's {@code com.sun.net.httpserver}) that
 * answers {@code POST /v1/chat/completions} as the tests script it: a chat completion whose
 * content is given, a raw status and body, a stall before answering, a response whose headers
 * arrive but whose body never ends. It records every request (method, path, headers, body).
 * With no script left it answers by {@link #responder} if one is set, else 404 so that a
 * forgotten script shows. Thread-safe (synchronized).
 */
final class FakeChat implements AutoCloseable {

  /** A scripted answer: status, body, headers, a stall before the headers, or a stalled body. */
  record Script(int status, String body, Map<String, String> headers, long stallMillis,
      boolean stallBody) {
    static Script respond(int status, String body) {
      return new Script(status, body, Map.of(), 0, false);
    }

    static Script respond(int status, String body, Map<String, String> headers) {
      return new Script(status, body, headers, 0, false);
    }

    /** A 200 chat completion whose message content is {@code content}. */
    static Script answer(String content) {
      return respond(200, completion(content));
    }

    /** The answer, after {@code stall}. */
    static Script slow(Duration stall, String content) {
      return new Script(200, completion(content), Map.of(), stall.toMillis(), false);
    }

    /** Headers at once, then half the body, then nothing for {@code stall}. */
    static Script stalledBody(Duration stall, String content) {
      return new Script(200, completion(content), Map.of(), stall.toMillis(), true);
    }
  }

  /** One request as the server saw it. */
  record Request(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  static {
    // Without TCP_NODELAY the JDK's server answers each request ~40 ms late (Nagle's algorithm
    // meeting delayed ACKs on loopback). Read once, when the first server is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService pool;
  private final Deque<Script> scripts = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();
  private Function<Request, Script> responder;

  FakeChat() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-chat");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The API's base address, e.g. http://127.0.0.1:54321/v1. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** A reviewer of this fake, 2 retries, waits recorded (not slept) into {@code waits}. */
  ChatCompletionsReviewer.Builder reviewer(List<Duration> waits) {
    return ChatCompletionsReviewer.builder(baseUrl(), "test-model")
        .withTimeout(Duration.ofSeconds(5))
        .withRetries(2, Duration.ofMillis(100), Duration.ofMillis(1000))
        .withSleeper(waits::add);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  synchronized void script(Script... next) {
    scripts.addAll(List.of(next));
  }

  synchronized void responder(Function<Request, Script> f) {
    responder = f;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  synchronized int count() {
    return requests.size();
  }

  /** A chat completion as OpenAI returns it, with {@code content} as the message content. */
  static String completion(String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1714573800)
        .put("model", "test-model");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content)
        .putNull("refusal");
    choice.put("finish_reason", "stop");
    root.putObject("usage").put("prompt_tokens", 900).put("completion_tokens", 60)
        .put("total_tokens", 960);
    return root.toString();
  }

  /** An answer object as the schema describes it. */
  static String answer(String decision, double multiplier, String rationale, double confidence,
      String... flags) {
    ObjectNode a = JSON.createObjectNode();
    a.put("decision", decision).put("size_multiplier", multiplier).put("rationale", rationale)
        .put("confidence", confidence);
    var arr = a.putArray("risk_flags");
    for (String f : flags) {
      arr.add(f);
    }
    return a.toString();
  }

  private void handle(HttpExchange ex) {
    try {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
          Map.copyOf(ex.getRequestHeaders()), body);
      Script script;
      synchronized (this) {
        requests.add(req);
        script = scripts.poll();
        if (script == null && responder != null) {
          script = responder.apply(req);
        }
      }
      if (script == null) {
        send(ex, 404, "{\"error\":{\"message\":\"no script\"}}", Map.of());
        return;
      }
      if (script.stallBody()) {
        byte[] bytes = script.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(script.status(), bytes.length);
        OutputStream out = ex.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        Thread.sleep(script.stallMillis());
        return;
      }
      if (script.stallMillis() > 0) {
        Thread.sleep(script.stallMillis());
      }
      send(ex, script.status(), script.body(), script.headers());
    } catch (IOException e) {
      // The client gave up (a timeout test): nothing to answer.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ex.close();
    }
  }

  private static void send(HttpExchange ex, int status, String body, Map<String, String> headers)
      throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
