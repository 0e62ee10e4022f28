package io.github.quantfolio.core.internal;

import io.github.quantfolio.core.CsvFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal RFC 4180 reader that keeps line numbers for error messages. Fields are separated by
 * commas; a field may be enclosed in double quotes, with {@code ""} for a quote inside (quoted
 * fields may not span lines). Lines end with LF, CRLF or CR. Lines that are entirely empty are
 * skipped; everything else is a record. Field text is not trimmed here; callers decide.
 *
 * <p>Unquoted records are split in place in a character buffer: parsing a number allocates
 * nothing, which is what makes million-row files fast.
 */
public final class CsvReader implements AutoCloseable {

  private final Reader in;
  private final String source;
  private char[] buf = new char[1 << 16];
  private int pos; // start of unread characters
  private int limit; // end of valid characters
  private boolean eof;
  private long lineNumber;
  private int count;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private final List<String> unquoted = new ArrayList<>();
  private boolean quoted;
  private boolean pendingCr; // the previous line ended with CR: skip a following LF
  private int fieldStart; // start of the field being scanned

  public CsvReader(Reader reader, String source) {
    this.in = reader;
    this.source = source;
  }

  /**
   * Advances to the next non-empty line; false at the end of input. One pass finds the line end
   * and the commas; a line with a quote is split again by the quote-aware splitter.
   */
  public boolean next() {
    while (true) {
      int lineStart = pos;
      int i = pos;
      int lineEnd = -1;
      count = 0;
      quoted = false;
      fieldStart = lineStart;
      char[] b = buf;
      int lim = limit;
      while (true) {
        if (i == lim) {
          if (eof) {
            break;
          }
          int shift = fill(lineStart);
          lineStart -= shift;
          i -= shift;
          b = buf;
          lim = limit;
          continue;
        }
        char c = b[i];
        // Digits, '.', '-' and letters are all above ','; one compare skips them.
        if (c > ',') {
          i++;
          continue;
        }
        if (c == ',') {
          add(fieldStart, i);
          fieldStart = i + 1;
        } else if (c == '\n' || c == '\r') {
          lineEnd = i;
          break;
        } else if (c == '"') {
          quoted = true;
        }
        i++;
      }
      if (lineEnd < 0) {
        if (lineStart == limit) {
          return false; // end of input
        }
        lineEnd = limit; // last line without terminator
      }
      pos = lineEnd;
      if (pos < limit) {
        pos++;
      }
      boolean lfAfterCr = pendingCr && lineStart == lineEnd && lineEnd < limit
          && buf[lineEnd] == '\n';
      pendingCr = lineEnd < limit && buf[lineEnd] == '\r';
      if (lfAfterCr) {
        continue; // second half of a CRLF
      }
      lineNumber++;
      int from = lineStart;
      if (lineNumber == 1 && from < lineEnd && buf[from] == '\uFEFF') {
        from++; // UTF-8 byte order mark written by spreadsheet exports
        if (count > 0) {
          starts[0] = from;
        } else {
          fieldStart = from;
        }
      }
      if (from == lineEnd) {
        continue;
      }
      add(fieldStart, lineEnd);
      if (quoted) {
        splitQuoted(from, lineEnd);
      }
      return true;
    }
  }

  /** Reads more input, first moving {@code [keepFrom, limit)} to the start; returns the shift. */
  private int fill(int keepFrom) {
    int shift = keepFrom;
    int keep = limit - keepFrom;
    if (keep == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
    } else if (shift > 0) {
      System.arraycopy(buf, keepFrom, buf, 0, keep);
    }
    for (int k = 0; k < count; k++) {
      starts[k] -= shift;
      ends[k] -= shift;
    }
    fieldStart -= shift;
    limit = keep;
    pos -= shift;
    try {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + source, e);
    }
    return shift;
  }

  private void add(int from, int to) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
    starts[count] = from;
    ends[count] = to;
    count++;
  }

  private void splitQuoted(int from, int n) {
    unquoted.clear();
    count = 0;
    StringBuilder sb = new StringBuilder();
    int i = from;
    while (true) {
      sb.setLength(0);
      if (i < n && buf[i] == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw error(0, null, null, "unterminated quoted field");
          }
          char c = buf[i++];
          if (c == '"') {
            if (i < n && buf[i] == '"') {
              sb.append('"');
              i++;
            } else {
              break;
            }
          } else {
            sb.append(c);
          }
        }
        if (i < n && buf[i] != ',') {
          throw error(0, null, null, "text after a closing quote");
        }
      } else {
        while (i < n && buf[i] != ',') {
          sb.append(buf[i++]);
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

  /** An exception about the current line, whose timestamp (ISO text) was read. */
  public CsvFormatException error(String timestamp, int column, String columnName, String value,
      String reason) {
    return new CsvFormatException(source, lineNumber, timestamp, column, columnName, value,
        reason);
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
    return quoted ? unquoted.get(i) : new String(buf, starts[i], ends[i] - starts[i]);
  }

  /** Whether field {@code i} is empty (or only blanks). */
  public boolean isBlank(int i) {
    if (quoted) {
      return unquoted.get(i).isBlank();
    }
    for (int k = starts[i]; k < ends[i]; k++) {
      if (buf[k] != ' ' && buf[k] != '\t') {
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
      return FastDoubleParser.parse(unquoted.get(i).strip());
    }
    int a = starts[i];
    int b = ends[i];
    while (a < b && (buf[a] == ' ' || buf[a] == '\t')) {
      a++;
    }
    while (b > a && (buf[b - 1] == ' ' || buf[b - 1] == '\t')) {
      b--;
    }
    return FastDoubleParser.parse(buf, a, b);
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
