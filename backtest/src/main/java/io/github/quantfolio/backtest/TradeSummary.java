package io.github.quantfolio.backtest;

/**
 * The statistics of one group of round-trip trades (all, long only or short only), as computed by
 * {@link TradeStatistics}, whose class Javadoc gives every formula and edge case. P&amp;L in
 * currency units, returns as fractions (0.05 = +5 %), holding periods in bars and days.
 *
 * <p>A trade is a <em>win</em> if its P&amp;L is &gt; 0, a <em>loss</em> if &lt; 0 and a
 * <em>breakeven</em> if exactly 0. Undefined values are NaN (never 0).
 *
 * @param trades the number of trades N
 * @param wins trades with P&amp;L &gt; 0
 * @param losses trades with P&amp;L &lt; 0
 * @param breakevens trades with P&amp;L exactly 0 ({@code wins + losses + breakevens = trades})
 * @param winRate {@code wins / trades} (breakevens count as non-wins); NaN without trades
 * @param totalPnl sum of P&amp;L
 * @param grossProfit sum of the winning P&amp;L (&gt;= 0)
 * @param grossLoss sum of the losing P&amp;L as a positive number (&gt;= 0)
 * @param profitFactor {@code grossProfit / grossLoss}: {@code +Infinity} with wins and no loss, 0
 *     with losses and no win, NaN with neither
 * @param averagePnl mean P&amp;L per trade; NaN without trades
 * @param medianPnl median P&amp;L (mean of the two middle values for even N); NaN without trades
 * @param averageReturn mean per-trade return (fraction); NaN without trades
 * @param medianReturn median per-trade return (fraction); NaN without trades
 * @param averageWin mean P&amp;L of the wins; NaN without wins
 * @param averageLoss mean P&amp;L of the losses, a negative number; NaN without losses
 * @param payoffRatio {@code averageWin / |averageLoss|}: {@code +Infinity} with wins and no loss,
 *     NaN without wins
 * @param expectancy {@code winRate * averageWin + lossRate * averageLoss} with lossRate =
 *     losses / N (a missing side contributes 0): equal to {@link #averagePnl()}; NaN without
 *     trades
 * @param largestWin the largest P&amp;L; NaN without wins
 * @param largestLoss the most negative P&amp;L; NaN without losses
 * @param longestWinningStreak most consecutive wins in trade order (a loss or a breakeven ends a
 *     streak)
 * @param longestLosingStreak most consecutive losses in trade order (a win or a breakeven ends a
 *     streak)
 * @param averageHoldingBars mean of {@link Trade#holdingBars()}; NaN without trades
 * @param averageHoldingDays mean calendar days between entry and exit timestamps (fractional for
 *     intraday bars); NaN without trades or without a time index
 * @param tradesPerYear {@code trades / (bars / periodsPerYear)}; NaN without a time index and
 *     frequency
 * @param timeInMarket fraction of bars ending with a position of this group's side (any asset);
 *     NaN unless computed from a {@link BacktestResult}
 * @param sqn Van Tharp's system quality number on per-trade returns, {@code sqrt(N) * mean(r) /
 *     sd(r)} with the N - 1 standard deviation; NaN for N &lt; 2 or sd = 0
 * @param kelly {@code winRate - (1 - winRate) / payoffRatio}: equals the win rate with wins and no
 *     loss; NaN without wins
 * @since 0.1.0
 */
public record TradeSummary(int trades, int wins, int losses, int breakevens, double winRate,
    double totalPnl, double grossProfit, double grossLoss, double profitFactor, double averagePnl,
    double medianPnl, double averageReturn, double medianReturn, double averageWin,
    double averageLoss, double payoffRatio, double expectancy, double largestWin,
    double largestLoss, int longestWinningStreak, int longestLosingStreak,
    double averageHoldingBars, double averageHoldingDays, double tradesPerYear,
    double timeInMarket, double sqn, double kelly) {
}
