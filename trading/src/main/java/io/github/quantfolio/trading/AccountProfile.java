package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * An account and its pre-trade limits (seed 002's account configuration). Immutable;
 * {@code with...} returns a new profile. A fresh profile has no limits.
 *
 * @param id the broker's account id (not blank), e.g. {@code DU123456}
 * @param mode paper or live
 * @param maxOrderValue the largest {@code quantity x price} of one order, &gt; 0
 *     ({@code +Infinity}: no limit)
 * @param maxDailyTrades the most orders accepted per session, &gt;= 0
 *     ({@link Integer#MAX_VALUE}: no limit)
 * @param allowedSymbols the symbols that may be traded; empty means any symbol
 * @param maxPositionWeight the largest {@code |position value| / equity} an order may lead to,
 *     &gt; 0 ({@code +Infinity}: no limit)
 * @param maxGrossExposure the largest {@code sum |position values| / equity} an order may lead
 *     to, &gt; 0 ({@code +Infinity}: no limit)
 * @since 0.1.0
 */
public record AccountProfile(String id, AccountMode mode, double maxOrderValue,
    int maxDailyTrades, Set<String> allowedSymbols, double maxPositionWeight,
    double maxGrossExposure) {

  /**
   * Validates the fields (see the record description); copies the symbol set.
   *
   * @param id the broker's account id (not blank), e.g. {@code DU123456}
   * @param mode paper or live
   * @param maxOrderValue the largest {@code quantity x price} of one order, &gt; 0
   *    ({@code +Infinity}: no limit)
   * @param maxDailyTrades the most orders accepted per session, &gt;= 0
   *    ({@link Integer#MAX_VALUE}: no limit)
   * @param allowedSymbols the symbols that may be traded; empty means any symbol
   * @param maxPositionWeight the largest {@code |position value| / equity} an order may lead to,
   *    &gt; 0 ({@code +Infinity}: no limit)
   * @param maxGrossExposure the largest {@code sum |position values| / equity} an order may lead
   *    to, &gt; 0 ({@code +Infinity}: no limit)
   */
  public AccountProfile {
    Checks.notNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("Argument 'id' must not be blank");
    }
    Checks.notNull(mode, "mode");
    positiveOrInfinite(maxOrderValue, "maxOrderValue of account " + id);
    Checks.notNegative(maxDailyTrades, "maxDailyTrades of account " + id);
    allowedSymbols = Collections.unmodifiableSortedSet(
        new TreeSet<>(Checks.notNull(allowedSymbols, "allowedSymbols")));
    positiveOrInfinite(maxPositionWeight, "maxPositionWeight of account " + id);
    positiveOrInfinite(maxGrossExposure, "maxGrossExposure of account " + id);
  }

  private static void positiveOrInfinite(double v, String name) {
    if (!(v > 0)) {
      throw new IllegalArgumentException("Expected " + name + " > 0, but found " + v);
    }
  }

  /**
   * A paper account with no limits.
   *
   * @param id the broker's account id
   * @return a paper account with no limits
   */
  public static AccountProfile paper(String id) {
    return new AccountProfile(id, AccountMode.PAPER, Double.POSITIVE_INFINITY, Integer.MAX_VALUE,
        Set.of(), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /**
   * A live account with no limits.
   *
   * @param id the broker's account id
   * @return a live account with no limits
   */
  public static AccountProfile live(String id) {
    return paper(id).withMode(AccountMode.LIVE);
  }

  /**
   * This profile in {@code mode}.
   *
   * @param mode paper or live
   * @return this profile in {@code mode}
   */
  public AccountProfile withMode(AccountMode mode) {
    return new AccountProfile(id, mode, maxOrderValue, maxDailyTrades, allowedSymbols,
        maxPositionWeight, maxGrossExposure);
  }

  /**
   * This profile with a maximum order value.
   *
   * @param value the largest {@code quantity x price} of one order, &gt; 0
   * @return this profile with a maximum order value
   */
  public AccountProfile withMaxOrderValue(double value) {
    return new AccountProfile(id, mode, value, maxDailyTrades, allowedSymbols, maxPositionWeight,
        maxGrossExposure);
  }

  /**
   * This profile with a maximum number of accepted orders per session.
   *
   * @param trades the most orders accepted per session, &gt;= 0
   * @return this profile with a maximum number of accepted orders per session
   */
  public AccountProfile withMaxDailyTrades(int trades) {
    return new AccountProfile(id, mode, maxOrderValue, trades, allowedSymbols, maxPositionWeight,
        maxGrossExposure);
  }

  /**
   * This profile restricted to {@code symbols}.
   *
   * @param symbols the symbols that may be traded (none: any symbol)
   * @return this profile restricted to {@code symbols}
   */
  public AccountProfile withAllowedSymbols(String... symbols) {
    return new AccountProfile(id, mode, maxOrderValue, maxDailyTrades, Set.of(symbols),
        maxPositionWeight, maxGrossExposure);
  }

  /**
   * This profile with a maximum position weight (fraction of equity).
   *
   * @param weight the largest {@code |position value| / equity}, &gt; 0
   * @return this profile with a maximum position weight (fraction of equity)
   */
  public AccountProfile withMaxPositionWeight(double weight) {
    return new AccountProfile(id, mode, maxOrderValue, maxDailyTrades, allowedSymbols, weight,
        maxGrossExposure);
  }

  /**
   * This profile with a maximum gross exposure (multiple of equity).
   *
   * @param exposure the largest {@code sum |position values| / equity}, &gt; 0
   * @return this profile with a maximum gross exposure (multiple of equity)
   */
  public AccountProfile withMaxGrossExposure(double exposure) {
    return new AccountProfile(id, mode, maxOrderValue, maxDailyTrades, allowedSymbols,
        maxPositionWeight, exposure);
  }

  /**
   * Whether {@code symbol} may be traded.
   *
   * @param symbol the instrument
   * @return whether {@code symbol} may be traded
   */
  public boolean allows(String symbol) {
    return allowedSymbols.isEmpty() || allowedSymbols.contains(symbol);
  }
}
