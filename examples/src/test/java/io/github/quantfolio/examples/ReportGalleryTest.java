package io.github.quantfolio.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.report.Chart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures in docs/reports.md are the charts ReportGallery draws today: regenerated in
 * memory and compared byte for byte with the committed SVG files (SVG output is deterministic;
 * PNG pixels would differ between JDKs and fonts, so the docs use SVG).
 */
class ReportGalleryTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path DIR = ROOT.resolve("docs/images/reports");

  @Test
  void committedImagesAreFreshAndEveryOneIsShownInTheDocs() throws Exception {
    Map<String, Chart> charts = ReportGallery.charts();
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, Chart> e : charts.entrySet()) {
      Path f = DIR.resolve(e.getKey() + ".svg");
      if (!Files.exists(f) || !Files.readString(f).equals(e.getValue().toSvg())) {
        stale.add(e.getKey());
      }
    }
    assertTrue(stale.isEmpty(), "stale or missing images " + stale + " in docs/images/reports:"
        + " regenerate with ReportGallery (see docs/reports.md)");
    TreeSet<String> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(
          TreeSet::new));
    }
    TreeSet<String> expected = charts.keySet().stream().map(k -> k + ".svg")
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, files, "no leftover images");
    String doc = Files.readString(ROOT.resolve("docs/reports.md"));
    for (String k : charts.keySet()) {
      assertTrue(doc.contains("(images/reports/" + k + ".svg)"), "docs/reports.md shows " + k);
    }
  }

  @Test
  void mainWritesEveryChart(@TempDir Path dir) throws Exception {
    ReportGallery.main(new String[] {dir.toString()});
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(ReportGallery.charts().size(), s.count());
    }
  }
}
