package io.github.quantfolio.llm.internal;

import static io.github.quantfolio.llm.internal.ChatRequest.CONFIDENCE;
import static io.github.quantfolio.llm.internal.ChatRequest.DECISION;
import static io.github.quantfolio.llm.internal.ChatRequest.FIELDS;
import static io.github.quantfolio.llm.internal.ChatRequest.RATIONALE;
import static io.github.quantfolio.llm.internal.ChatRequest.RISK_FLAGS;
import static io.github.quantfolio.llm.internal.ChatRequest.SIZE_MULTIPLIER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.TradeProposal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Strict reading of a chat-completions response and of the model's answer inside it. Anything
 * that is not exactly the answer the schema describes, with its numbers in range, is a
 * {@link ReviewFailure} whose message says what is wrong; nothing is coerced, clamped or
 * defaulted (a string "0.8" is not a number, "approve" is not "APPROVE", a missing field is not
 * empty).
 *
 * <p>Text from the server or the model goes into messages and decisions only after redaction.
 */
public final class AnswerReader {

  private static final BigDecimal ONE = BigDecimal.ONE;
  private static final BigDecimal ZERO = BigDecimal.ZERO;

  private final Redactor redactor;

  /**
   * A reader whose messages and decisions never hold the key {@code redactor} removes.
   *
   * @param redactor removes the API key
   */
  public AnswerReader(Redactor redactor) {
    this.redactor = redactor;
  }

  /**
   * The model's answer text in a successful response: {@code choices[0].message.content}.
   *
   * @param responseBody the body of a 2xx response
   * @return the content as it came (not yet redacted)
   * @throws ReviewFailure if the body is not a chat completion with a complete, non-empty answer,
   *     or the model refused
   */
  public String content(String responseBody) throws ReviewFailure {
    if (responseBody == null || responseBody.isBlank()) {
      throw new ReviewFailure("response body is empty");
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(responseBody);
    } catch (JsonProcessingException e) {
      throw new ReviewFailure("response is not valid JSON: " + redactor.quote(
          e.getOriginalMessage()) + "; body: " + redactor.quote(responseBody));
    }
    if (!root.isObject()) {
      throw new ReviewFailure("response is " + Json.kind(root) + ", not a chat completion object");
    }
    JsonNode choices = root.get("choices");
    if (choices == null || !choices.isArray()) {
      throw new ReviewFailure("response has no 'choices' array"
          + (choices == null ? "" : " (found " + Json.kind(choices) + ")"));
    }
    if (choices.isEmpty()) {
      throw new ReviewFailure("response has no choices (empty 'choices' array)");
    }
    JsonNode message = choices.get(0).get("message");
    if (message == null || !message.isObject()) {
      throw new ReviewFailure("choices[0] has no 'message' object");
    }
    JsonNode content = message.get("content");
    JsonNode refusal = message.get("refusal");
    if (refusal != null && !refusal.isNull()) {
      String text = refusal.isTextual() ? refusal.asText() : refusal.toString();
      throw new ReviewFailure("the model refused: " + redactor.quote(text),
          redactor.clean(text));
    }
    String raw = content != null && content.isTextual() ? content.asText() : "";
    JsonNode finish = choices.get(0).get("finish_reason");
    String reason = finish != null && finish.isTextual() ? finish.asText() : "";
    if (reason.equals("length") || reason.equals("content_filter")) {
      throw new ReviewFailure("the answer was cut off (finish_reason '" + reason + "')",
          redactor.clean(raw));
    }
    if (content == null || content.isNull()) {
      throw new ReviewFailure("choices[0].message has no content");
    }
    if (!content.isTextual()) {
      throw new ReviewFailure("choices[0].message.content is " + Json.kind(content)
          + ", not a string");
    }
    if (raw.isBlank()) {
      throw new ReviewFailure("the answer is empty", redactor.clean(raw));
    }
    return raw;
  }

  /**
   * The decision the model's answer states, for {@code proposal}, with its risk flags and the
   * (redacted) answer attached.
   *
   * @param content the model's answer text
   * @param proposal the proposal it answers (RESIZE multiplies its quantity)
   * @return the decision
   * @throws ReviewFailure if the answer is not valid JSON, lacks or mistypes a field, holds an
   *     unexpected field, or a value is out of range
   */
  public ReviewDecision decision(String content, TradeProposal proposal) throws ReviewFailure {
    String raw = redactor.clean(content);
    JsonNode answer;
    try {
      answer = Json.MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      String hint = content.strip().startsWith("```") ? " (it is wrapped in a Markdown code"
          + " fence: does the server honour response_format json_schema?)" : "";
      throw new ReviewFailure("answer is not valid JSON" + hint + ": "
          + redactor.quote(e.getOriginalMessage()), raw);
    }
    if (!answer.isObject()) {
      throw new ReviewFailure("answer is " + Json.kind(answer) + ", not a JSON object", raw);
    }
    for (String f : FIELDS) {
      JsonNode n = answer.get(f);
      if (n == null) {
        throw new ReviewFailure("answer lacks field '" + f + "'", raw);
      }
      if (n.isNull()) {
        throw new ReviewFailure("answer field '" + f + "' is null", raw);
      }
    }
    for (Iterator<String> it = answer.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new ReviewFailure("answer has an unexpected field '" + redactor.quote(f) + "'", raw);
      }
    }
    ReviewDecision.Verdict verdict = verdict(answer.get(DECISION), raw);
    BigDecimal multiplier = number(answer, SIZE_MULTIPLIER, raw);
    String rationale = text(answer.get(RATIONALE), RATIONALE, raw);
    BigDecimal confidence = number(answer, CONFIDENCE, raw);
    List<String> flags = flags(answer.get(RISK_FLAGS), raw);

    if (confidence.compareTo(ZERO) < 0 || confidence.compareTo(ONE) > 0) {
      throw new ReviewFailure("answer field 'confidence' is " + confidence
          + ", outside [0, 1]", raw);
    }
    ReviewDecision d;
    switch (verdict) {
      case APPROVE:
        if (multiplier.compareTo(ONE) != 0) {
          throw new ReviewFailure("answer field 'size_multiplier' is " + multiplier
              + " with APPROVE; expected 1 (a smaller trade is a RESIZE)", raw);
        }
        d = ReviewDecision.approve(redactor.clean(rationale), confidence.doubleValue());
        break;
      case REJECT:
        if (multiplier.compareTo(ZERO) < 0 || multiplier.compareTo(ONE) > 0) {
          throw new ReviewFailure("answer field 'size_multiplier' is " + multiplier
              + ", outside [0, 1]", raw);
        }
        d = ReviewDecision.reject(redactor.clean(rationale), confidence.doubleValue());
        break;
      default:
        if (multiplier.compareTo(ZERO) <= 0 || multiplier.compareTo(ONE) > 0) {
          throw new ReviewFailure("answer field 'size_multiplier' is " + multiplier
              + " with RESIZE; expected 0 < size_multiplier <= 1 (a reviewer may only shrink)",
              raw);
        }
        double quantity = multiplier.doubleValue() * proposal.quantity();
        if (!(quantity > 0)) {
          throw new ReviewFailure("answer field 'size_multiplier' " + multiplier + " times the"
              + " proposed quantity " + proposal.quantity() + " leaves nothing to trade", raw);
        }
        d = ReviewDecision.resize(quantity, redactor.clean(rationale), confidence.doubleValue());
    }
    return d.withRiskFlags(flags).withRawAnswer(raw);
  }

  private ReviewDecision.Verdict verdict(JsonNode n, String raw) throws ReviewFailure {
    String s = text(n, DECISION, raw);
    switch (s) {
      case "APPROVE":
        return ReviewDecision.Verdict.APPROVE;
      case "REJECT":
        return ReviewDecision.Verdict.REJECT;
      case "RESIZE":
        return ReviewDecision.Verdict.RESIZE;
      default:
        // Quoted as JSON, so that spaces around a known word show.
        throw new ReviewFailure("answer field 'decision' is " + redactor.quote(n.toString())
            + ", not APPROVE, REJECT or RESIZE", raw);
    }
  }

  private static String text(JsonNode n, String field, String raw) throws ReviewFailure {
    if (!n.isTextual()) {
      throw new ReviewFailure("answer field '" + field + "' should be a string but is "
          + Json.kind(n), raw);
    }
    return n.asText();
  }

  private static BigDecimal number(JsonNode answer, String field, String raw)
      throws ReviewFailure {
    JsonNode n = answer.get(field);
    if (!n.isNumber()) {
      throw new ReviewFailure("answer field '" + field + "' should be a number but is "
          + Json.kind(n), raw);
    }
    return n.decimalValue();
  }

  private List<String> flags(JsonNode n, String raw) throws ReviewFailure {
    if (!n.isArray()) {
      throw new ReviewFailure("answer field 'risk_flags' should be an array of strings but is "
          + Json.kind(n), raw);
    }
    List<String> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual()) {
        throw new ReviewFailure("answer field 'risk_flags[" + i + "]' should be a string but is "
            + Json.kind(e), raw);
      }
      out.add(redactor.clean(e.asText()));
    }
    return out;
  }
}
