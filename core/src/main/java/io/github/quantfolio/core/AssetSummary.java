package io.github.quantfolio.core;

/**
 * Per-asset statistics of one frame column, over its valid (non-NaN) values only.
 *
 * @param asset the asset name
 * @param count the number of valid values
 * @param firstValid the first timestamp with a valid value (ISO text), or null if none
 * @param lastValid the last timestamp with a valid value (ISO text), or null if none
 * @param mean the arithmetic mean, NaN if {@code count == 0}
 * @param std the sample standard deviation (divisor {@code count - 1}), NaN if {@code count < 2}
 * @param min the smallest value, NaN if {@code count == 0}
 * @param max the largest value, NaN if {@code count == 0}
 * @param last the last valid value, NaN if {@code count == 0}
 * @since 0.1.0
 */
public record AssetSummary(String asset, int count, String firstValid, String lastValid,
    double mean, double std, double min, double max, double last) {
}
