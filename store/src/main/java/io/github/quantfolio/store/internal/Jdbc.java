package io.github.quantfolio.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * JDBC helpers: NaN is written as SQL NULL and NULL read back as NaN; SQL states of integrity
 * violations.
 */
public final class Jdbc {

  private Jdbc() {
  }

  /**
   * Binds a double, NaN as SQL NULL (infinities are kept: both databases store them).
   *
   * @param ps the statement
   * @param i the 1-based parameter
   * @param v the value
   * @throws SQLException from the driver
   */
  public static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
    if (Double.isNaN(v)) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  /**
   * Reads a double column, SQL NULL as NaN.
   *
   * @param rs the result set
   * @param column the column label
   * @return the value, NaN for NULL
   * @throws SQLException from the driver
   */
  public static double getDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  /**
   * Reads a double column by position, SQL NULL as NaN.
   *
   * @param rs the result set
   * @param column the 1-based column
   * @return the value, NaN for NULL
   * @throws SQLException from the driver
   */
  public static double getDouble(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  /**
   * Whether the exception (or one it wraps or chains) is an integrity-constraint violation (SQL
   * state class 23, e.g. a duplicate primary key).
   *
   * @param e the exception
   * @return true for an integrity-constraint violation
   */
  public static boolean isDuplicate(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      String state = x.getSQLState();
      if (state != null && state.startsWith("23")) {
        return true;
      }
      if (x.getCause() instanceof SQLException c && c != x && c.getSQLState() != null
          && c.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
