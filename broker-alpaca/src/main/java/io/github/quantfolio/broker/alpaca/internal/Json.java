package io.github.quantfolio.broker.alpaca.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.quantfolio.broker.alpaca.AlpacaException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Strict reading of one Alpaca response: the body must be one JSON value (no trailing tokens, no
 * duplicate keys), and each field is read with its type checked. Anything else ends in an
 * {@link AlpacaException} that names the endpoint and the field, with server text redacted.
 *
 * <p>Numbers: the Trading API sends them as JSON strings ({@code "qty": "10"}), the market-data
 * API as JSON numbers; both are accepted, and a string must be a plain decimal
 * ({@code -12.5}, {@code 1e-3}; not {@code ""}, {@code " 1"}, {@code "NaN"}, {@code "1,000"}).
 */
public final class Json {

  /** Shared, configured once; Jackson mappers are thread-safe after configuration. */
  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d{1,3})?");

  private final Response response;
  private final Redactor redactor;

  private Json(Response response, Redactor redactor) {
    this.response = response;
    this.redactor = redactor;
  }

  /**
   * A reader of {@code r}'s body.
   *
   * @param r the response
   * @param redactor removes the keys from quoted server text
   * @return the reader
   */
  public static Json of(Response r, Redactor redactor) {
    return new Json(r, redactor);
  }

  /**
   * Writes {@code node} as compact JSON.
   *
   * @param node a tree
   * @return its text
   */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }

  /**
   * An empty JSON object to fill in.
   *
   * @return a new object node
   */
  public static com.fasterxml.jackson.databind.node.ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * The body as a JSON object.
   *
   * @return the root object
   * @throws AlpacaException if the body is not one well-formed JSON object
   */
  public JsonNode root() {
    JsonNode n = tree();
    if (!n.isObject()) {
      throw fail("expected a JSON object but found " + kind(n));
    }
    return n;
  }

  /**
   * The body as a JSON array.
   *
   * @return the root array
   * @throws AlpacaException if the body is not one well-formed JSON array
   */
  public JsonNode array() {
    JsonNode n = tree();
    if (!n.isArray()) {
      throw fail("expected a JSON array but found " + kind(n));
    }
    return n;
  }

  private JsonNode tree() {
    String body = response.body();
    if (body == null || body.isBlank()) {
      throw fail("the body is empty");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      // Jackson quotes the offending token; redact it and do not chain the original.
      throw fail("malformed JSON (" + redactor.quote(e.getOriginalMessage()) + ")");
    }
  }

  /**
   * Object field {@code field} of {@code obj}.
   *
   * @param obj an object
   * @param field the field name
   * @return the nested object
   */
  public JsonNode object(JsonNode obj, String field) {
    JsonNode n = present(obj, field);
    if (!n.isObject()) {
      throw fail("field '" + field + "' should be an object but is " + kind(n));
    }
    return n;
  }

  /**
   * Required string field.
   *
   * @param obj an object
   * @param field the field name
   * @return the text
   */
  public String text(JsonNode obj, String field) {
    JsonNode n = present(obj, field);
    if (!n.isTextual()) {
      throw fail("field '" + field + "' should be a string but is " + kind(n));
    }
    return n.asText();
  }

  /**
   * Optional string field.
   *
   * @param obj an object
   * @param field the field name
   * @return the text, or null when the field is missing or null
   */
  public String optionalText(JsonNode obj, String field) {
    JsonNode n = obj.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw fail("field '" + field + "' should be a string but is " + kind(n));
    }
    return n.asText();
  }

  /**
   * Required decimal field (a decimal string or a JSON number).
   *
   * @param obj an object
   * @param field the field name
   * @return the value
   */
  public BigDecimal decimal(JsonNode obj, String field) {
    return decimalOf(present(obj, field), field);
  }

  /**
   * Optional decimal field.
   *
   * @param obj an object
   * @param field the field name
   * @return the value, or null when the field is missing or null
   */
  public BigDecimal optionalDecimal(JsonNode obj, String field) {
    JsonNode n = obj.get(field);
    return n == null || n.isNull() ? null : decimalOf(n, field);
  }

  /**
   * Required RFC 3339 time field ({@code 2024-05-01T14:30:00.123456Z} or with an offset).
   *
   * @param obj an object
   * @param field the field name
   * @return the instant
   */
  public Instant instant(JsonNode obj, String field) {
    String s = text(obj, field);
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw fail("field '" + field + "' is not an RFC 3339 time: '" + redactor.quote(s) + "'");
    }
  }

  /**
   * The exception for a response that cannot be understood.
   *
   * @param what what is wrong
   * @return the exception, naming the endpoint and status
   */
  public AlpacaException fail(String what) {
    return new AlpacaException(response.endpoint(), response.status(), "Malformed response from "
        + response.endpoint() + " (HTTP " + response.status() + "): " + what);
  }

  /**
   * Server text made safe to quote.
   *
   * @param text text from the response
   * @return redacted and abbreviated text
   */
  public String quote(String text) {
    return redactor.quote(text);
  }

  private JsonNode present(JsonNode obj, String field) {
    JsonNode n = obj.get(field);
    if (n == null || n.isNull()) {
      throw fail("field '" + field + "' is " + (n == null ? "missing" : "null"));
    }
    return n;
  }

  private BigDecimal decimalOf(JsonNode n, String field) {
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isTextual() && DECIMAL.matcher(n.asText()).matches()) {
      return new BigDecimal(n.asText());
    }
    throw fail("field '" + field + "' is not a decimal number: "
        + (n.isTextual() ? "'" + redactor.quote(n.asText()) + "'" : kind(n)));
  }

  private static String kind(JsonNode n) {
    return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }
}
