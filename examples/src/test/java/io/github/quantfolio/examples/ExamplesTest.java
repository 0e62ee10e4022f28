package io.github.quantfolio.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.tool.JavaShellToolBuilder;
import org.junit.jupiter.api.Test;

/**
 * Runs every example's {@code main} (so examples cannot rot), checks that the README's code is
 * the Quickstart's code, and evaluates the JShell startup script.
 */
class ExamplesTest {

  /** The repository root: Surefire runs with the module folder as working directory. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static String run(ThrowingMain main) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    System.out.println(out);
    return out;
  }

  interface ThrowingMain {
    void run() throws Exception;
  }

  @Test
  void quickstart() throws Exception {
    String out = run(() -> Quickstart.main(new String[0]));
    assertTrue(out.contains("PriceFrame: 2520 rows x 20 assets, 2015-01-02 .. "), out);
    assertTrue(out.contains("A01 annualised volatility: "), out);
    assertTrue(out.contains("PriceFrame: 12 rows x 3 assets, 2023-09-29 .. 2024-08-29, MONTHLY"), out);
    assertTrue(out.contains("Bars 'A01': "), out);
    assertTrue(out.contains("CSV round trip identical: true"), out);
    assertTrue(out.contains("OptimalPortfolio: max Sharpe (rf = 0.02)"), out);
    assertTrue(out.contains("Backtest 2015-01-02 .. "), out);
    assertTrue(out.contains("rebalances ") && out.contains("Diversification: portfolio vol "), out);
    // the demo tells its story: section headings, the sample, failures and the breaker
    for (String heading : List.of("== 1. ", "== 2. ", "== 3. ", "== 4. ")) {
      assertTrue(out.contains(heading), heading);
    }
    assertTrue(out.contains("Estimated on the 1310 days 2019-08-23 .. 2024-08-29 on which all 20"
        + " assets trade"), out);
    assertTrue(out.matches("(?s).*\\d+ of \\d+ monthly allocations failed and kept the positions;"
        + " the first, on \\d{4}-\\d\\d-\\d\\d: .*"), out);
    assertTrue(out.contains("although the breaker is set at 25%") && out.contains(
        "the breaker went to cash on "), out);
    assertTrue(out.contains("Tearsheet written to "), out);
    assertTrue(Files.readString(Path.of("target", "quickstart-tearsheet.html"))
        .contains(">Key metrics</h2>"));
  }

  @Test
  void loadCsv() throws Exception {
    String out = run(() -> LoadCsv.main(new String[0]));
    assertTrue(out.contains("PriceFrame: 300 rows x 5 assets"), out);
    assertTrue(out.contains("PriceFrame: 320 rows x 1 asset"), out);
    assertTrue(out.contains("aligned: "), out);
    assertTrue(out.contains("Bars 'SIM'"), out);
    assertTrue(out.contains("Rejected: broken.csv, line 3 (2024-01-03), column 2 ('AAA'), value "
        + "'-3.2'"), out);
  }

  @Test
  void riskReport() throws Exception {
    String out = run(() -> RiskReport.main(new String[0]));
    assertTrue(out.contains("Metric") && out.contains("Benchmark") && out.contains("Sharpe"), out);
    assertTrue(out.contains("Drawdowns: "), out);
    assertTrue(out.contains("CovarianceMatrix 20 x 20 (annualised)"), out);
    assertTrue(out.contains("PortfolioRisk: volatility "), out);
    assertTrue(out.contains("position weight of 'A01' is 0.3000 > limit 0.2500"), out);
    assertTrue(out.contains("Risk score "), out);
  }

  @Test
  void optimizePortfolio() throws Exception {
    String out = run(() -> OptimizePortfolio.main(new String[0]));
    assertTrue(out.contains("Max Sharpe (rf 2%, caps 25%):"), out);
    assertTrue(out.contains("risk parity") && out.contains("HRP") && out.contains("max diversif."), out);
    assertTrue(out.contains("Whole shares of the max-Sharpe portfolio for $100,000:"), out);
  }

  @Test
  void blackLittermanViews() throws Exception {
    String out = run(() -> BlackLittermanViews.main(new String[0]));
    assertTrue(out.contains("A01: prior ") && out.contains("-> posterior "), out);
    assertTrue(out.contains("Long-only max-Sharpe on the posterior (caps 20%):"), out);
  }

  @Test
  void backtestMomentum() throws Exception {
    String out = run(() -> BacktestMomentum.main(new String[0]));
    assertTrue(out.contains("entry       exit        shares"), out);
    assertTrue(out.contains("Backtest 2015-01-02 .. ") && out.contains("trades "), out);
    assertTrue(out.contains("SMA(") && out.contains("parameters"), out);
    assertTrue(out.contains("Deflated Sharpe ratio of the best of 400: "), out);
  }

  @Test
  void portfolioBacktest() throws Exception {
    String out = run(() -> PortfolioBacktest.main(new String[0]));
    assertTrue(out.contains("max Sharpe") && out.contains("risk parity")
        && out.contains("equal weight"), out);
    assertTrue(out.contains("Max Sharpe, walk-forward:"), out);
    assertTrue(out.contains("diversification ratio"), out);
    assertTrue(out.contains("Tearsheet written to "), out);
    assertTrue(Files.readString(Path.of("target", "portfolio-tearsheet.html"))
        .contains(">Allocation</h2>"));
  }

  /**
   * The store example: a sweep and a portfolio saved in an H2 file under a JUnit temporary
   * directory, the best configurations queried back, the portfolio loaded back identical, a CSV
   * of ten rows; and the README shows its code.
   */
  @Test
  void saveAndQuery(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String out = run(() -> SaveAndQuery.main(new String[] {dir.toString()}));
    assertTrue(out.contains("Best configurations by Sharpe ratio:"), out);
    assertTrue(out.matches("(?s).*\\n  A0[123] SMA\\(\\d+, \\d+\\): Sharpe -?\\d+\\.\\d{3}, .*"), out);
    assertTrue(out.matches("(?s).*Portfolio back from the file: 2520 bars, [1-9]\\d* rebalances, "
        + "\\d+ trades, equity identical: true.*"), out);
    assertTrue(out.contains("Best stored run: risk parity (2015-01-02 .. "), out);
    assertTrue(out.contains("10 rows exported to "), out);
    assertTrue(Files.exists(dir.resolve("results.mv.db")));
    assertEquals(11, Files.readAllLines(dir.resolve("best-configurations.csv")).size());
    String example = between(Files.readString(ROOT.resolve(
        "examples/src/main/java/io/github/quantfolio/examples/SaveAndQuery.java")),
        "// README-BEGIN\n", "    // README-END");
    String readme = between(Files.readString(ROOT.resolve("README.md")),
        "<!-- store:begin -->\n```java\n", "```\n<!-- store:end -->");
    assertEquals(strip(example), strip(readme), "README.md must show SaveAndQuery's README block");
  }

  /**
   * The AI pipeline example: a walk-forward forest, the stand-in reviewer (forced with --rules:
   * no test may call a model server), replay, one day's log, and the same object trading on a
   * paper broker exactly what the replay decided at the last close.
   */
  @Test
  void aiTradingPipeline() throws Exception {
    String out = run(() -> AiTradingPipeline.main(new String[] {"--rules"}));
    assertTrue(out.contains("Reviewer: rule-based stand-in"), out);
    assertTrue(out.contains("6 walk-forward trainings, first cut-off 2016-03-04T00:00:00Z"), out);
    assertTrue(out.contains("Replay 2015-01-02 .. 2018-11-01 (1000 bars): equity 100000.00 -> "),
        out);
    assertTrue(out.contains("The paper broker received the orders the replay decided at "
        + "2018-11-01T00:00:00Z (never filled there, the data ended): true"), out);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "JSON line \\(DecisionRecords.write\\):\n  (\\{.*})\n").matcher(out);
    assertTrue(m.find(), out);
    String json = m.group(1);
    assertEquals(json, io.github.quantfolio.trading.DecisionRecords.toJson(
        io.github.quantfolio.trading.DecisionRecords.fromJson(json)));
  }

  @Test
  void rebalanceAdvisorExample() throws Exception {
    String out = run(() -> RebalanceAdvisorExample.main(new String[0]));
    assertTrue(out.contains("health score 75 / 100 (positions -15, correlation -0, categories"
        + " -10); needs rebalancing: yes"), out);
    assertTrue(out.matches("(?s).*BTC +SELL +CONCENTRATION_RISK .*"), out);
    assertTrue(out.contains("layer 1            50.03"), out);
    assertTrue(out.contains("cash after trades "), out);
  }

  @Test
  void attributionReport() throws Exception {
    String out = run(() -> AttributionReport.main(new String[0]));
    assertTrue(out.contains("Sector attribution (Brinson-Fachler, Carino-linked over 2268 days)"),
        out);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "The effects sum to the active return: ([0-9.eE+-]+) apart").matcher(out);
    assertTrue(m.find(), out);
    assertTrue(Double.parseDouble(m.group(1)) < 1e-12, m.group(1));
    assertTrue(out.contains("== Monthly returns of the portfolio (%) =="), out);
  }

  @Test
  void paperTrading() throws Exception {
    String out = run(() -> PaperTrading.main(new String[0]));
    assertTrue(out.contains("Paper trading 2023-09-13 .. 2024-08-29: "), out);
    assertTrue(out.contains("at the broker: {FILLED="), out);
    assertTrue(out.contains("Round trips ") && out.contains("per-trade win rate"), out);
    assertTrue(out.contains("P&L by symbol"), out);
    // the ledger, fed only by the broker's fills, agrees with the broker
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "Broker equity ([0-9.]+) = ledger NAV ([0-9.]+)").matcher(out);
    assertTrue(m.find(), out);
    assertEquals(m.group(1), m.group(2));
    assertTrue(out.contains("DU123456 SWITCH: from none to PAPER account DU123456"), out);
    assertTrue(out.contains("Refused: Switching to LIVE account U123456 needs a LiveConfirmation"
        + " naming it"), out);
  }

  @Test
  void readmeJavaQuickStartIsTheQuickstartExample() throws Exception {
    String example = between(Files.readString(ROOT.resolve(
        "examples/src/main/java/io/github/quantfolio/examples/Quickstart.java")),
        "// README-BEGIN\n", "    // README-END");
    String readme = between(Files.readString(ROOT.resolve("README.md")),
        "<!-- quickstart:begin -->\n```java\n", "```\n<!-- quickstart:end -->");
    assertEquals(strip(example), strip(readme), "README.md must show Quickstart's README block verbatim");
  }

  private static String between(String text, String from, String to) {
    int a = text.indexOf(from);
    int b = text.indexOf(to, a + from.length());
    assertTrue(a >= 0 && b > a, "markers " + from.strip() + " .. " + to.strip() + " not found");
    return text.substring(a + from.length(), b);
  }

  /** Same code, ignoring indentation. */
  private static String strip(String code) {
    return code.lines().map(String::strip).collect(Collectors.joining("\n")).strip();
  }

  @Test
  void jshellStartupScriptEvaluates() throws Exception {
    List<String> lines = Files.readAllLines(ROOT.resolve("examples/quantfolio.jsh"));
    assertTrue(lines.get(0).startsWith("/env --class-path examples/target/quantfolio-examples-all.jar"),
        "the script must put the built jar on the class path first");
    try (JShell js = JShell.builder().executionEngine("local").build()) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        js.addToClasspath(entry);
      }
      for (String line : lines) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("/") || s.startsWith("//")) {
          continue; // JShell commands (the class path is set above) and comments
        }
        for (SnippetEvent e : js.eval(s)) {
          assertEquals(Snippet.Status.VALID, e.status(), () -> "rejected: " + s + " "
              + js.diagnostics(e.snippet()).map(d -> d.getMessage(null)).collect(Collectors.toList()));
          assertEquals(null, e.exception(), () -> "threw: " + s);
        }
      }
      String prices = js.eval("prices.toString()").get(0).value();
      assertTrue(prices.contains("PriceFrame: 2520 rows x 20 assets"), prices);
    }
  }

  @Test
  void indicatorsTourRunsAndTheReadmeShowsIt() throws Exception {
    String out = run(() -> IndicatorsTour.main(new String[0]));
    assertTrue(out.contains("A01 on 2024-08-29: close "), out);
    assertTrue(out.contains("Streaming RSI14 = batch RSI14: true"), out);
    assertTrue(out.contains("SMA20 around a missing bar 1000: "), out);
    assertTrue(out.matches("(?s).*Signals over 2520 bars: momentum [1-9]\\d*, "
        + "mean reversion [1-9]\\d*, 20-day breakout [1-9]\\d*.*"), out);
    assertTrue(out.contains("UNKNOWN=271}"), out); // the documented warm-up of the default detector
    assertTrue(out.contains("High-volatility label on stressed days: "), out);
    String example = between(Files.readString(ROOT.resolve(
        "examples/src/main/java/io/github/quantfolio/examples/IndicatorsTour.java")),
        "// README-BEGIN\n", "    // README-END");
    String readme = between(Files.readString(ROOT.resolve("README.md")),
        "<!-- indicators:begin -->\n```java\n", "```\n<!-- indicators:end -->");
    assertEquals(strip(example), strip(readme), "README.md must show IndicatorsTour's README block");
  }

  @Test
  void readmeListsEveryExampleWithItsRunCommand() throws Exception {
    Path dir = ROOT.resolve("examples/src/main/java/io/github/quantfolio/examples");
    TreeSet<String> programs = new TreeSet<>();
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.readString(f).contains("public static void main(String[] args)")) {
          programs.add(f.getFileName().toString().replace(".java", ""));
        }
      }
    }
    String readme = Files.readString(ROOT.resolve("README.md"));
    String table = between(readme, "<!-- examples:begin -->\n", "<!-- examples:end -->");
    TreeSet<String> listed = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(table);
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertEquals(programs, listed, "README's example table must list exactly the example programs");
    assertTrue(readme.contains("java -cp examples/target/quantfolio-examples-all.jar "
        + "io.github.quantfolio.examples."), "README must show how to run an example");
  }

  /**
   * Runs the JShell tool itself on the startup script (minus its /env line: the shaded jar is
   * built after the tests) in the feedback mode the README tells users to pick, and checks that
   * a long value is printed whole: JShell's normal mode cuts a variable's value at 80 characters.
   */
  @Test
  void jshellFeedbackModePrintsLongValuesWhole() throws Exception {
    List<String> lines = Files.readAllLines(ROOT.resolve("examples/quantfolio.jsh"));
    Path script = Files.createTempFile("quantfolio", ".jsh");
    Files.write(script, lines.subList(1, lines.size()));
    String input = "var longValue = \"x\".repeat(300) + \"END\"\n/exit\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    JavaShellToolBuilder.builder()
        .in(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), null)
        .out(ps, ps, ps)
        .run("--execution", "local", "--class-path", System.getProperty("java.class.path"),
            "--feedback", "quantfolio", script.toString());
    String shown = out.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("longValue ==> \"" + "x".repeat(300) + "END\""), shown);
  }
}
