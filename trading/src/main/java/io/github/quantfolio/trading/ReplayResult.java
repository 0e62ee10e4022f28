package io.github.quantfolio.trading;

import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.adapters.Fill;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.PerformanceReport;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link Replay} produced.
 *
 * @param index the replay's time stamps
 * @param equity the broker's equity at each close, before that bar's decisions (starting cash
 *     at the first bar when nothing is held)
 * @param fills every fill, in order
 * @param trades the closed round trips of the ledger (FIFO lots)
 * @param book the ledger at the end (open positions marked at the last closes)
 * @param records every decision record, cycle by cycle
 * @param events every event the pipeline raised
 * @param report the performance of the equity curve (null with fewer than three bars)
 * @param finalState the pipeline's trading state at the end
 * @since 0.1.0
 */
public record ReplayResult(TimeIndex index, double[] equity, List<Fill> fills,
    List<RoundTrip> trades, LedgerSnapshot book, List<DecisionRecord> records,
    List<PipelineEvent> events, PerformanceReport report, TradingState finalState) {

  /**
   * Validates and copies.
   *
   * @param index the time stamps
   * @param equity equity per time stamp
   * @param fills the fills
   * @param trades the round trips
   * @param book the final ledger snapshot
   * @param records the decision records
   * @param events the events
   * @param report the performance report, or null
   * @param finalState the final trading state
   */
  public ReplayResult {
    Checks.notNull(index, "index");
    equity = Checks.notNull(equity, "equity").clone();
    if (equity.length != index.size()) {
      throw new IllegalArgumentException("Replay result: " + equity.length + " equity values for "
          + index.size() + " time stamps");
    }
    fills = List.copyOf(Checks.notNull(fills, "fills"));
    trades = List.copyOf(Checks.notNull(trades, "trades"));
    Checks.notNull(book, "book");
    records = List.copyOf(Checks.notNull(records, "records"));
    events = List.copyOf(Checks.notNull(events, "events"));
    Checks.notNull(finalState, "finalState");
  }

  /**
   * Equity per time stamp.
   *
   * @return a copy of the equity curve
   */
  @Override
  public double[] equity() {
    return equity.clone();
  }

  /**
   * The records of one symbol, in time order.
   *
   * @param symbol the symbol
   * @return its records
   */
  public List<DecisionRecord> records(String symbol) {
    return records.stream().filter(r -> r.symbol().equals(symbol)).toList();
  }

  /** Summary: period, equity, trades, report and final state. */
  @Override
  public String toString() {
    int n = equity.length;
    long submitted = records.stream()
        .filter(r -> r.outcome() == DecisionRecord.Outcome.SUBMITTED).count();
    long blocked = records.stream()
        .filter(r -> r.outcome() == DecisionRecord.Outcome.BLOCKED).count();
    long rejected = records.stream()
        .filter(r -> r.outcome() == DecisionRecord.Outcome.REJECTED_BY_REVIEWER).count();
    long failed = records.stream()
        .filter(r -> r.outcome() == DecisionRecord.Outcome.FAILED).count();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Replay %s .. %s (%d bars): equity %.2f -> %.2f%n",
        index.first(), index.last(), n, equity[0], equity[n - 1]));
    b.append(String.format(Locale.ROOT, "  %d fills, %d closed trades, %d decisions: %d submitted,"
        + " %d blocked by the gate, %d rejected by the reviewer, %d failed%n", fills.size(),
        trades.size(), records.size(), submitted, blocked, rejected, failed));
    if (failed > 0) {
      // Failures by cause (the note up to its first digit, so that dates and sizes group).
      java.util.Map<String, Long> causes = new java.util.TreeMap<>();
      for (DecisionRecord r : records) {
        if (r.outcome() == DecisionRecord.Outcome.FAILED) {
          String cause = r.note().split("[0-9]", 2)[0].trim();
          causes.merge(cause.length() > 90 ? cause.substring(0, 90) + "..." : cause, 1L,
              Long::sum);
        }
      }
      b.append("  failed decisions by cause:");
      causes.entrySet().stream()
          .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
          .forEach(e -> b.append("\n    ").append(e.getValue()).append(" x ").append(e.getKey()));
      b.append('\n');
    }
    b.append("  final state ").append(finalState).append(", ").append(events.size())
        .append(" events\n");
    if (report != null) {
      b.append(report);
    }
    return b.toString();
  }
}
