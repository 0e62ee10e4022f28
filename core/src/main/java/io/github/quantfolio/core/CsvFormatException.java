package io.github.quantfolio.core;

/**
 * A malformed CSV file: the message and the accessors name the file, the line (1-based, the
 * header is line 1), the column (1-based, with its header name when known) and the offending
 * value. Thrown by every {@code readCsv} method; nothing in a file is silently skipped.
 *
 * @since 0.1.0
 */
public final class CsvFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The file name or other description of the input. */
  private final String source;
  /** The 1-based line number (header = 1), or 0. */
  private final long line;
  /** The 1-based column number, or 0. */
  private final int column;
  /** The column's header name, or null. */
  private final String columnName;
  /** The offending text, or null. */
  private final String value;
  /** The row's timestamp as ISO text, or null. */
  private final String timestamp;

  /**
   * @param source the file name or other description of the input
   * @param line 1-based line number, or 0 if the problem is not tied to a line
   * @param column 1-based column number, or 0 if the problem is not tied to a column
   * @param columnName the header of that column, or null
   * @param value the offending text, or null
   * @param reason what is wrong and what was expected
   */
  public CsvFormatException(String source, long line, int column, String columnName, String value,
      String reason) {
    this(source, line, null, column, columnName, value, reason);
  }

  /**
   * A problem in a row whose timestamp was read, e.g. {@code "prices.csv, line 3 (2018-04-11),
   * column 2 ('AAPL'), value '-3.2': ..."}.
   *
   * @param source the file name or other description of the input
   * @param line 1-based line number
   * @param timestamp the row's timestamp as ISO text, or null if not known
   * @param column 1-based column number, or 0 if the problem is not tied to a column
   * @param columnName the header of that column, or null
   * @param value the offending text, or null
   * @param reason what is wrong and what was expected
   * @since 0.1.0
   */
  public CsvFormatException(String source, long line, String timestamp, int column,
      String columnName, String value, String reason) {
    super(message(source, line, timestamp, column, columnName, value, reason));
    this.source = source;
    this.line = line;
    this.timestamp = timestamp;
    this.column = column;
    this.columnName = columnName;
    this.value = value;
  }

  private static String message(String source, long line, String timestamp, int column,
      String columnName, String value, String reason) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(", line ").append(line);
    }
    if (timestamp != null) {
      sb.append(" (").append(timestamp).append(')');
    }
    if (column > 0) {
      sb.append(", column ").append(column);
      if (columnName != null) {
        sb.append(" ('").append(columnName).append("')");
      }
    }
    if (value != null) {
      sb.append(", value '").append(value).append('\'');
    }
    return sb.append(": ").append(reason).toString();
  }

  /**
   * The file name or description of the input.
   *
   * @return the file name or description of the input
   */
  public String source() {
    return source;
  }

  /**
   * The 1-based line number (header = 1), or 0.
   *
   * @return the 1-based line number (header = 1), or 0
   */
  public long line() {
    return line;
  }

  /**
   * The 1-based column number, or 0.
   *
   * @return the 1-based column number, or 0
   */
  public int column() {
    return column;
  }

  /**
   * The column's header name, or null.
   *
   * @return the column's header name, or null
   */
  public String columnName() {
    return columnName;
  }

  /**
   * The offending text, or null.
   *
   * @return the offending text, or null
   */
  public String value() {
    return value;
  }

  /**
   * The timestamp of the row (ISO text), or null if the problem is not in a row whose timestamp
   * was read.
   *
   * @return the row's timestamp, or null
   * @since 0.1.0
   */
  public String timestamp() {
    return timestamp;
  }
}
