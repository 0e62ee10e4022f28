package io.github.quantfolio.store;

import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.store.internal.Json;
import java.time.Duration;
import java.time.Instant;

/**
 * A portfolio optimisation read back from the store: the {@link OptimalPortfolio} (equal to the
 * saved one), the constraints as JSON, how long it took and the fingerprint of its inputs.
 *
 * @param runId the run id
 * @param portfolio the optimal portfolio
 * @param constraintsJson the constraints as given when saved, as JSON text
 * @param elapsed how long the optimisation took
 * @param inputsFingerprint the fingerprint of the inputs (e.g. {@link ResultStore#fingerprint})
 * @param savedAt when it was saved
 * @since 0.1.0
 */
public record StoredOptimization(String runId, OptimalPortfolio portfolio, String constraintsJson,
    Duration elapsed, String inputsFingerprint, Instant savedAt) {

  /**
   * The constraints read back as {@code type}.
   *
   * @param type the class to read the JSON as, not null
   * @param <T> the type
   * @return the constraints
   */
  public <T> T constraints(Class<T> type) {
    Checks.notNull(type, "type");
    return Json.read(constraintsJson, type);
  }
}
