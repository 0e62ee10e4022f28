package io.github.quantfolio.llm.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;

/** The module's one Jackson mapper: strict reading, exact decimals. */
final class Json {

  /**
   * One JSON value per text (no trailing tokens), no duplicate keys, and numbers with a fraction
   * or exponent read as {@code BigDecimal}, so that range checks see the number as written.
   * Jackson mappers are thread-safe once configured.
   */
  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private Json() {
  }

  /** "an object", "a string", ... of a node, for messages. */
  static String kind(com.fasterxml.jackson.databind.JsonNode n) {
    String k = n.getNodeType().toString().toLowerCase(Locale.ROOT);
    return (k.startsWith("a") || k.startsWith("o") ? "an " : "a ") + k;
  }
}
