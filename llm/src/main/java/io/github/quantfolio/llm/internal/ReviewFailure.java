package io.github.quantfolio.llm.internal;

/**
 * Why a review could not produce the model's decision: the reviewer turns it into a REJECT with
 * confidence 0 whose rationale is this message. Checked, so that no failure path can forget to
 * handle it and let an exception escape {@code review}. Messages are built from redacted text
 * only; no stack trace is kept (it is never shown, and a cause could quote the server).
 */
public final class ReviewFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** The model's answer as it came (redacted), or empty when none was received. */
  private final String rawAnswer;

  /**
   * A failure without an answer from the model (HTTP error, timeout, malformed response).
   *
   * @param message what went wrong, free of the API key
   */
  public ReviewFailure(String message) {
    this(message, "");
  }

  /**
   * A failure with the model's answer (it could not be read, or it was a refusal).
   *
   * @param message what went wrong, free of the API key
   * @param rawAnswer the answer as it came, redacted
   */
  public ReviewFailure(String message, String rawAnswer) {
    super(message, null, false, false);
    this.rawAnswer = rawAnswer;
  }

  /**
   * The model's answer as it came (redacted), for the audit trail.
   *
   * @return the answer, or empty when none was received
   */
  public String rawAnswer() {
    return rawAnswer;
  }
}
