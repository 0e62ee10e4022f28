package io.github.quantfolio.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The body of {@code POST /chat/completions}: the model, temperature 0, the system and user
 * messages, and a strict {@code json_schema} response format describing the answer. Fields are
 * written in a fixed order, so equal inputs give byte-identical bodies.
 *
 * <p>The schema uses only what OpenAI's strict mode accepts everywhere (every property required,
 * {@code additionalProperties: false}, an {@code enum} for the decision) and states the numeric
 * ranges in descriptions instead of {@code minimum}/{@code maximum}, which not every server's
 * grammar supports for numbers; the reader checks the ranges itself.
 */
public final class ChatRequest {

  /** The name of the answer schema in {@code response_format.json_schema.name}. */
  public static final String SCHEMA_NAME = "trade_review";
  /** Answer field: APPROVE, REJECT or RESIZE. */
  public static final String DECISION = "decision";
  /** Answer field: the fraction of the proposed quantity to trade. */
  public static final String SIZE_MULTIPLIER = "size_multiplier";
  /** Answer field: why. */
  public static final String RATIONALE = "rationale";
  /** Answer field: confidence in [0, 1]. */
  public static final String CONFIDENCE = "confidence";
  /** Answer field: labels of the risks seen. */
  public static final String RISK_FLAGS = "risk_flags";
  /** The answer's fields, in the schema's order. */
  public static final List<String> FIELDS =
      List.of(DECISION, SIZE_MULTIPLIER, RATIONALE, CONFIDENCE, RISK_FLAGS);

  private ChatRequest() {
  }

  /**
   * The request body as compact JSON.
   *
   * @param model the model name
   * @param systemPrompt the system message
   * @param userMessage the user message
   * @return the body
   */
  public static String body(String model, String systemPrompt, String userMessage) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("model", model);
    root.put("temperature", 0);
    ArrayNode messages = root.putArray("messages");
    messages.addObject().put("role", "system").put("content", systemPrompt);
    messages.addObject().put("role", "user").put("content", userMessage);
    ObjectNode format = root.putObject("response_format");
    format.put("type", "json_schema");
    ObjectNode schema = format.putObject("json_schema");
    schema.put("name", SCHEMA_NAME);
    schema.put("strict", true);
    schema.set("schema", answerSchema());
    try {
      return Json.MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // A tree of strings and small numbers always serializes; this is a bug, not bad input.
      throw new IllegalStateException("Cannot write the request body", e);
    }
  }

  private static ObjectNode answerSchema() {
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.put("type", "object");
    ObjectNode props = s.putObject("properties");
    ObjectNode decision = props.putObject(DECISION);
    decision.put("type", "string");
    decision.putArray("enum").add("APPROVE").add("REJECT").add("RESIZE");
    decision.put("description", "APPROVE: trade as proposed; REJECT: do not trade; RESIZE: trade"
        + " less. Never enlarge the trade.");
    props.putObject(SIZE_MULTIPLIER).put("type", "number").put("description", "Fraction of the"
        + " proposed quantity to trade: for RESIZE greater than 0 and at most 1; 1 for APPROVE;"
        + " 0 for REJECT.");
    props.putObject(RATIONALE).put("type", "string")
        .put("description", "One or two sentences saying why.");
    props.putObject(CONFIDENCE).put("type", "number")
        .put("description", "Confidence in the decision, from 0 to 1.");
    ObjectNode flags = props.putObject(RISK_FLAGS);
    flags.put("type", "array");
    flags.putObject("items").put("type", "string");
    flags.put("description", "Short labels of the risks seen; empty if none.");
    ArrayNode required = s.putArray("required");
    FIELDS.forEach(required::add);
    s.put("additionalProperties", false);
    return s;
  }
}
