package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * What one {@link TradingPipeline} cycle did: one {@link DecisionRecord} per symbol (sorted by
 * symbol), the events it raised, the states before and after, and the errors of listeners.
 *
 * @param asOf the decision time
 * @param stateBefore the trading state at the start of the cycle
 * @param stateAfter the trading state at the end
 * @param equity the account's equity the cycle saw
 * @param records one record per symbol, sorted by symbol
 * @param events the events raised, in order
 * @param listenerErrors messages of exceptions thrown by listeners (they changed nothing)
 * @since 0.1.0
 */
public record CycleResult(Instant asOf, TradingState stateBefore, TradingState stateAfter,
    double equity, List<DecisionRecord> records, List<PipelineEvent> events,
    List<String> listenerErrors) {

  /**
   * Validates the fields and copies the lists.
   *
   * @param asOf the decision time
   * @param stateBefore the state at the start
   * @param stateAfter the state at the end
   * @param equity the equity
   * @param records the records
   * @param events the events
   * @param listenerErrors listener errors
   */
  public CycleResult {
    Checks.notNull(asOf, "asOf");
    Checks.notNull(stateBefore, "stateBefore");
    Checks.notNull(stateAfter, "stateAfter");
    records = List.copyOf(Checks.notNull(records, "records"));
    events = List.copyOf(Checks.notNull(events, "events"));
    listenerErrors = List.copyOf(Checks.notNull(listenerErrors, "listenerErrors"));
  }

  /**
   * The record of {@code symbol}.
   *
   * @param symbol the symbol
   * @return its record
   * @throws IllegalArgumentException if the cycle has no record of it
   */
  public DecisionRecord record(String symbol) {
    for (DecisionRecord r : records) {
      if (r.symbol().equals(symbol)) {
        return r;
      }
    }
    throw new IllegalArgumentException("Cycle at " + asOf + " has no record of '" + symbol
        + "'");
  }

  /** The decision log: a header line, then one line per record and per event. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Cycle at ").append(asOf).append(": ")
        .append(stateBefore);
    if (stateAfter != stateBefore) {
      b.append(" -> ").append(stateAfter);
    }
    b.append(", equity ").append(String.format(java.util.Locale.ROOT, "%.2f", equity))
        .append(", ").append(records.size()).append(" symbols\n");
    for (DecisionRecord r : records) {
      b.append("  ").append(r).append('\n');
    }
    for (PipelineEvent e : events) {
      b.append("  event: ").append(e).append('\n');
    }
    for (String e : listenerErrors) {
      b.append("  listener error: ").append(e).append('\n');
    }
    return b.toString();
  }
}
