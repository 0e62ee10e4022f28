package io.github.quantfolio.core.adapters;

/**
 * How an order is priced.
 *
 * @since 0.1.0
 */
public enum OrderType {
  /** Fill now at the prevailing quote: a buy at the ask, a sell at the bid. */
  MARKET,
  /** Fill only at the limit price or better: a buy when ask &lt;= limit, a sell when bid &gt;= limit. */
  LIMIT
}
