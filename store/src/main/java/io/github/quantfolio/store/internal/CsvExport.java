package io.github.quantfolio.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;

/** Writes the rows of a query as RFC 4180 CSV. */
public final class CsvExport {

  private CsvExport() {
  }

  /**
   * Runs the query and writes its rows.
   *
   * @param c the connection
   * @param q the SQL
   * @param out where to write (not closed, flushed)
   * @return the number of data rows
   * @throws SQLException from the driver
   */
  public static int write(Connection c, QuerySql q, Writer out) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(q.sql())) {
      int i = 1;
      for (Object p : q.parameters()) {
        if (p instanceof Double d) {
          ps.setDouble(i++, d);
        } else {
          ps.setString(i++, (String) p);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        StringBuilder sb = new StringBuilder();
        for (int k = 1; k <= n; k++) {
          sb.append(k > 1 ? "," : "").append(cell(md.getColumnLabel(k).toLowerCase(
              java.util.Locale.ROOT)));
        }
        out.write(sb.append("\r\n").toString());
        int rows = 0;
        while (rs.next()) {
          sb.setLength(0);
          for (int k = 1; k <= n; k++) {
            if (k > 1) {
              sb.append(',');
            }
            int type = md.getColumnType(k);
            if (type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL) {
              double v = rs.getDouble(k);
              if (!rs.wasNull()) {
                sb.append(v);
              }
            } else if (type == Types.TIMESTAMP) {
              LocalDateTime t = rs.getObject(k, LocalDateTime.class);
              if (t != null) {
                sb.append(t).append('Z');
              }
            } else {
              Object v = rs.getObject(k);
              if (v != null) {
                sb.append(cell(v.toString()));
              }
            }
          }
          out.write(sb.append("\r\n").toString());
          rows++;
        }
        out.flush();
        return rows;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the CSV: " + e.getMessage(), e);
    }
  }

  private static String cell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0
        && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
