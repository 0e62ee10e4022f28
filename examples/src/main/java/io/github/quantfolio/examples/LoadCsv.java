package io.github.quantfolio.examples;

import io.github.quantfolio.core.Alignment;
import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.CsvFormatException;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.Sampling;
import io.github.quantfolio.core.TablesawInterop;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loading your own data: a wide price file (your own, given as the first argument, or the
 * bundled sample), a long ("tidy") file pivoted to columns, an OHLCV file in vendor layout,
 * aligning ragged histories, resampling, Tablesaw interop, and what a malformed file reports.
 *
 * <p>The bundled files under {@code examples/src/main/resources} were made by the
 * {@code MarketSimulator}; they are not market data.
 */
public final class LoadCsv {

  private LoadCsv() {
  }

  public static void main(String[] args) {
    // Wide layout: date,<asset>,<asset>,... with empty cells for missing prices.
    PriceFrame stocks = args.length > 0 ? PriceFrame.readCsv(Path.of(args[0]))
        : PriceFrame.readCsv(resource("sample-prices.csv"), "sample-prices.csv");
    System.out.println(stocks);
    System.out.println(stocks.describe());

    // Long layout: date,symbol,close rows in any order, pivoted to one column per symbol.
    PriceFrame benchmark = PriceFrame.readLongCsv(resource("sample-long.csv"), "sample-long.csv",
        null, null, null);
    System.out.println(benchmark);

    // Put both on the dates they share, then keep rows where every asset trades.
    PriceFrame aligned = stocks.join(benchmark, Alignment.INTERSECTION).dropIncompleteRows();
    System.out.println("aligned: " + aligned.rows() + " rows x " + aligned.assetCount()
        + " assets from " + aligned.index().first());

    // Weekly first-of-week prices.
    System.out.println(aligned.resample(Frequency.WEEKLY, Sampling.FIRST).head(3));

    // Vendor OHLCV export (Date,Open,High,Low,Close,Adj Close,Volume).
    Bars bars = Bars.readCsv(resource("sample-ohlcv.csv"), "sample-ohlcv.csv", "SIM");
    System.out.println(bars.adjusted().resample(Frequency.MONTHLY));

    // Tablesaw interop (optional dependency).
    System.out.println(TablesawInterop.toTable(aligned.tail(3)).print());

    // A malformed file says where and what.
    try {
      PriceFrame.readCsv(new StringReader("date,AAA\n2024-01-02,101.5\n2024-01-03,-3.2\n"),
          "broken.csv");
    } catch (CsvFormatException e) {
      System.out.println("Rejected: " + e.getMessage());
    }
  }

  private static Reader resource(String name) {
    try {
      return new InputStreamReader(Objects.requireNonNull(
          LoadCsv.class.getResourceAsStream(name), name), StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("Missing example resource " + name, e));
    }
  }
}
