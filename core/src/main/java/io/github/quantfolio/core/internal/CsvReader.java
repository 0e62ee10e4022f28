package io.github.quantfolio.core.internal;

import io.github.quantfolio.core.CsvFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RFC 4180 reader that keeps line numbers for error messages. Fields are separated by
 * commas; a field may be enclosed in double quotes, with {@code ""} for a quote inside (quoted
 * fields may not span lines). Lines that are entirely empty are skipped; everything else is a
 * record. Field text is not trimmed here; callers decide.
 *
 * <p>Unquoted lines are split without allocating per field: {@link #line()} plus
 * {@link #start(int)}/{@link #end(int)} give each field's bounds.
 */
public final class CsvReader implements AutoCloseable {

  private final BufferedReader in;
  private final String source;
  private long lineNumber;
  private String line;
  private int count;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private final List<String> unquoted = new ArrayList<>();
  private boolean quoted;

  public CsvReader(Reader reader, String source) {
    this.source = source;
    this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
  }

  /** Advances to the next non-empty line; false at the end of input. */
  public boolean next() {
    try {
      String l;
      do {
        l = in.readLine();
        if (l == null) {
          line = null;
          return false;
        }
        lineNumber++;
      } while (l.isEmpty());
      if (lineNumber == 1 && !l.isEmpty() && l.charAt(0) == '\uFEFF') {
        l = l.substring(1); // UTF-8 byte order mark written by spreadsheet exports
      }
      line = l;
      split();
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void split() {
    count = 0;
    quoted = line.indexOf('"') >= 0;
    if (quoted) {
      splitQuoted();
      return;
    }
    int from = 0;
    while (true) {
      int comma = line.indexOf(',', from);
      int to = comma < 0 ? line.length() : comma;
      add(from, to);
      if (comma < 0) {
        break;
      }
      from = comma + 1;
    }
  }

  private void add(int from, int to) {
    if (count == starts.length) {
      starts = java.util.Arrays.copyOf(starts, count * 2);
      ends = java.util.Arrays.copyOf(ends, count * 2);
    }
    starts[count] = from;
    ends[count] = to;
    count++;
  }

  private void splitQuoted() {
    unquoted.clear();
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      sb.setLength(0);
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw error(0, null, null, "unterminated quoted field");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              sb.append('"');
              i++;
            } else {
              break;
            }
          } else {
            sb.append(c);
          }
        }
        if (i < n && line.charAt(i) != ',') {
          throw error(0, null, null, "text after a closing quote");
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          sb.append(line.charAt(i++));
        }
      }
      unquoted.add(sb.toString());
      count++;
      if (i >= n) {
        break;
      }
      i++; // comma
      if (i == n) {
        unquoted.add("");
        count++;
        break;
      }
    }
  }

  /** The description of the input used in messages (usually the file name). */
  public String source() {
    return source;
  }

  /** An exception about the current line; {@code column} is 1-based, 0 for the whole line. */
  public CsvFormatException error(int column, String columnName, String value, String reason) {
    return new CsvFormatException(source, lineNumber, column, columnName, value, reason);
  }

  /** The 1-based number of the current line. */
  public long lineNumber() {
    return lineNumber;
  }

  /** The number of fields in the current record. */
  public int fieldCount() {
    return count;
  }

  /** Field {@code i} (0-based) as a string. */
  public String field(int i) {
    return quoted ? unquoted.get(i) : line.substring(starts[i], ends[i]);
  }

  /** Whether field {@code i} is empty (or only blanks). */
  public boolean isBlank(int i) {
    if (quoted) {
      return unquoted.get(i).isBlank();
    }
    for (int k = starts[i]; k < ends[i]; k++) {
      if (line.charAt(k) != ' ' && line.charAt(k) != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Field {@code i} as a double (surrounding blanks allowed).
   *
   * @throws NumberFormatException if it is not a number
   */
  public double parseDouble(int i) {
    if (quoted) {
      String s = unquoted.get(i).strip();
      return FastDoubleParser.parse(s, 0, s.length());
    }
    int a = starts[i];
    int b = ends[i];
    while (a < b && line.charAt(a) == ' ') {
      a++;
    }
    while (b > a && line.charAt(b - 1) == ' ') {
      b--;
    }
    return FastDoubleParser.parse(line, a, b);
  }

  /** All fields of the current record. */
  public String[] fields() {
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = field(i);
    }
    return out;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
