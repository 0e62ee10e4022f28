package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * CSV and frequency messages: one message per cause (the timestamp messages used to say
 * "expected an ISO date like 2018-04-11; expected an ISO date like 2018-04-11 (the format of the
 * first data row)"), value errors name the row's timestamp, and a frequency that cannot be
 * inferred says why (it used to hide "needs at least 2").
 */
class CsvMessagesTest {

  static void csvError(String message, Executable call) {
    assertEquals(message, assertThrows(CsvFormatException.class, call).getMessage());
  }

  @Test
  void timestampErrorsSayOneThing() {
    csvError("test.csv, line 3, column 1 ('date'), value '2018/04/11': not an ISO date like "
        + "2018-04-11, the format of the first data row",
        () -> csv("date,X\n2018-04-10,1\n2018/04/11,2\n"));
    csvError("test.csv, line 3, column 1 ('date'), value '2018-04-31': invalid date: Invalid date "
        + "'APRIL 31'", () -> csv("date,X\n2018-04-10,1\n2018-04-31,2\n"));
    // the first row fixes the format even when it is the wrong one: its shape is detected
    csvError("test.csv, line 2, column 1 ('date'), value '2018-02-30': invalid date: Invalid date "
        + "'FEBRUARY 30'", () -> csv("date,X\n2018-02-30,1\n"));
    csvError("test.csv, line 3, column 1 ('time'), value '2018-04-11T25:00Z': invalid date-time: "
        + "Invalid value for HourOfDay (valid values 0 - 23): 25",
        () -> csv("time,X\n2018-04-10T10:00Z,1\n2018-04-11T25:00Z,2\n"));
    csvError("test.csv, line 3, column 1 ('time'), value '17042058000000': not epoch seconds like "
        + "1523457000, the format of the first data row",
        () -> csv("time,X\n1704205800,1\n17042058000000,2\n"));
  }

  @Test
  void valueErrorsNameTheRowsTimestamp() {
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> csv("time,X\n2024-01-02T14:30:00Z,1\n2024-01-02T14:35:00Z,-2\n"));
    assertEquals("test.csv, line 3 (2024-01-02T14:35:00Z), column 2 ('X'), value '-2': a price "
        + "must be a finite number > 0 (or an empty cell for missing)", e.getMessage());
    assertEquals("2024-01-02T14:35:00Z", e.timestamp());
    csvError("b.csv, line 3 (2024-01-03): inconsistent bar: need low <= min(open, close) and high "
        + ">= max(open, close), but found open=10.0, high=11.0, low=10.5, close=10.2",
        () -> Bars.readCsv(new StringReader("date,open,high,low,close\n2024-01-02,10,11,9,10\n"
            + "2024-01-03,10,11,10.5,10.2\n"), "b.csv", "X"));
    csvError("r.csv, line 2 (2024-01-02), column 2 ('X'), value '-1.5': a simple return must be "
        + "finite and >= -1 (-100 %, a total loss), or an empty cell for missing",
        () -> ReturnFrame.readCsv(new StringReader("date,X\n2024-01-02,-1.5\n"), "r.csv"));
  }

  @Test
  void numbersBeyondTheDoubleRangeSaySo() {
    // '1e-400' is a positive number that reads as 0: it used to be told "a price must be a
    // finite number > 0"; '1e400' reads as Infinity and was told "must be finite"
    csvError("test.csv, line 3 (2024-01-03), column 2 ('X'), value '1e-400': the number is below "
        + "the smallest positive double (4.9E-324), so it reads as 0, and a price must be > 0",
        () -> csv("date,X\n2024-01-02,1\n2024-01-03,1e-400\n"));
    csvError("test.csv, line 2 (2024-01-02), column 2 ('X'), value '1e400': the number is beyond "
        + "the range of double (about 1.8E308)", () -> csv("date,X\n2024-01-02,1e400\n"));
    csvError("r.csv, line 2 (2024-01-02), column 2 ('X'), value '-2e308': the number is beyond "
        + "the range of double (about 1.8E308)",
        () -> ReturnFrame.readCsv(new StringReader("date,X\n2024-01-02,-2e308\n"), "r.csv"));
    // written zeros and infinities keep their own messages
    csvError("test.csv, line 2 (2024-01-02), column 2 ('X'), value '0e-5': a price must be a "
        + "finite number > 0 (or an empty cell for missing)", () -> csv("date,X\n2024-01-02,0e-5\n"));
    csvError("test.csv, line 2 (2024-01-02), column 2 ('X'), value 'Infinity': a price must be a "
        + "finite number > 0 (or an empty cell for missing)",
        () -> csv("date,X\n2024-01-02,Infinity\n"));
    // a return or volume that underflows is correctly rounded to 0 and accepted
    assertEquals(0.0, ReturnFrame.readCsv(new StringReader("date,X\n2024-01-02,1e-400\n"),
        "r.csv").column("X")[0], 0.0);
  }

  @Test
  void anUnknownFrequencySaysWhy() {
    PriceFrame one = csv("date,X\n2018-04-10,1\n");
    assertEquals("The frequency of this PriceFrame (TimeIndex[1 dates, 2018-04-10 .. 2018-04-10]) "
        + "is unknown: cannot infer a frequency from 1 timestamp: inference needs at least 2 "
        + "(one gap between periods); set it with withFrequency(...)",
        assertThrows(IllegalStateException.class, one::frequency).getMessage());
    assertEquals("Cannot infer a frequency from 1 timestamp: inference needs at least 2 (one gap "
        + "between periods); give it explicitly (e.g. Frequency.DAILY)",
        assertThrows(IllegalArgumentException.class, () -> one.index().inferFrequency())
            .getMessage());
    PriceFrame odd = csv("date,X\n2018-01-01,1\n2018-02-20,2\n2018-05-01,3\n");
    assertEquals("The frequency of this PriceFrame (TimeIndex[3 dates, 2018-01-01 .. 2018-05-01]) "
        + "is unknown: cannot infer a frequency: most gaps between 2018-01-01 and 2018-05-01 fit "
        + "no daily/weekly/monthly/quarterly/annual pattern; set it with withFrequency(...)",
        assertThrows(IllegalStateException.class, odd::frequency).getMessage());
    Bars bars = Bars.of("X", one.index(), new double[] {1}, new double[] {1}, new double[] {1},
        new double[] {1}, null);
    assertEquals("The frequency of bars of 'X' (TimeIndex[1 dates, 2018-04-10 .. 2018-04-10]) is "
        + "unknown: cannot infer a frequency from 1 timestamp: inference needs at least 2 (one "
        + "gap between periods); set it with withFrequency(...)",
        assertThrows(IllegalStateException.class, bars::frequency).getMessage());
  }
}
