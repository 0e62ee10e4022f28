package io.github.quantfolio.core.adapters;

import io.github.quantfolio.core.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Field checks shared by the adapter records. */
final class Values {

  private Values() {
  }

  static String symbol(String s, String name) {
    return text(s, name);
  }

  static String text(String s, String name) {
    Checks.notNull(s, name);
    if (s.isBlank()) {
      throw new IllegalArgumentException("Argument '" + name + "' must not be blank");
    }
    return s;
  }

  /** Not empty, no null, blank or duplicate name; an unmodifiable copy. */
  static List<String> names(List<String> names) {
    Checks.notNull(names, "names");
    if (names.isEmpty()) {
      throw new IllegalArgumentException("Argument 'names' must hold at least one feature name");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      text(n, "names[" + i + "]");
      if (!seen.add(n)) {
        throw new IllegalArgumentException("Duplicate feature name '" + n + "' in 'names'");
      }
    }
    return List.copyOf(names);
  }

  static double confidence(double c) {
    return Checks.inRange(c, 0, 1, "confidence");
  }
}
