package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The serialized form of a {@link Backtest} inside a {@link JobBatch}: the aligned bars as
 * primitive arrays (closes only for close-only data), the frequency, and the configuration, exits
 * and sizing records by their components. {@link #toBacktest()} rebuilds a backtest that runs
 * exactly like the original (same data, same settings), so a job gives the same bits on any
 * machine. Records are rebuilt through their canonical constructors, so fields the settings
 * records gain later travel too.
 */
final class BacktestWire implements Serializable {

  private static final long serialVersionUID = 1L;

  private final boolean closesOnly;
  private final TimeIndex.Kind kind;
  private final long[] index;
  private final String[] symbols;
  private final double[][] close;
  private final double[][] open;   // null for close-only data, as high, low, volume, adjusted
  private final double[][] high;
  private final double[][] low;
  private final double[][] volume;
  private final double[][] adjusted; // per asset null without an adjusted close
  private final String frequencyName;
  private final double periodsPerYear;
  private final RecordForm config;
  private final RecordForm exits;
  private final RecordForm sizing; // null = the default 1 / N

  private BacktestWire(Backtest b) {
    List<Bars> bars = b.bars();
    int n = bars.size();
    TimeIndex idx = b.index();
    closesOnly = b.closesOnly();
    kind = idx.kind();
    index = idx.values();
    symbols = new String[n];
    close = new double[n][];
    open = closesOnly ? null : new double[n][];
    high = closesOnly ? null : new double[n][];
    low = closesOnly ? null : new double[n][];
    volume = closesOnly ? null : new double[n][];
    adjusted = closesOnly ? null : new double[n][];
    for (int i = 0; i < n; i++) {
      Bars x = bars.get(i);
      symbols[i] = x.symbol();
      close[i] = x.close();
      if (!closesOnly) {
        open[i] = x.open();
        high[i] = x.high();
        low[i] = x.low();
        volume[i] = x.volume();
        adjusted[i] = x.hasAdjustedClose() ? x.adjustedClose() : null;
      }
    }
    Frequency f = b.frequencyOfData();
    frequencyName = f.name();
    periodsPerYear = f.periodsPerYear();
    config = RecordForm.of(b.config());
    exits = RecordForm.of(b.exits());
    sizing = b.sizingOrNull() == null ? null : RecordForm.of(b.sizingOrNull());
  }

  static BacktestWire of(Backtest backtest) {
    return new BacktestWire(backtest);
  }

  Backtest toBacktest() {
    TimeIndex idx = kind == TimeIndex.Kind.DATE ? TimeIndex.ofEpochDays(index)
        : TimeIndex.ofEpochMillis(index);
    Frequency f = frequency(frequencyName, periodsPerYear);
    Backtest b;
    if (closesOnly) {
      b = Backtest.of(PriceFrame.of(idx, List.of(symbols), close).withFrequency(f));
    } else {
      List<Bars> bars = new ArrayList<>(symbols.length);
      for (int i = 0; i < symbols.length; i++) {
        bars.add(Bars.of(symbols[i], idx, open[i], high[i], low[i], close[i], volume[i],
            adjusted[i]).withFrequency(f));
      }
      b = Backtest.of(bars);
    }
    b = b.withConfig((BacktestConfig) config.rebuild()).withExits((Exits) exits.rebuild());
    return sizing == null ? b : b.withSizing((PositionSizing) sizing.rebuild());
  }

  /** The named constant of that name (DAILY, MINUTE, ...), else one that annualises alike. */
  static Frequency frequency(String frequencyName, double periodsPerYear) {
    for (Field field : Frequency.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Frequency.class) {
        try {
          Frequency c = (Frequency) field.get(null);
          if (c.name().equals(frequencyName) && c.periodsPerYear() == periodsPerYear) {
            return c;
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Frequency.of(periodsPerYear);
  }

  /** A record by its class and component values (primitives, strings and enums here). */
  private record RecordForm(Class<?> type, Object[] values) implements Serializable {

    private static final long serialVersionUID = 1L;

    static RecordForm of(Record r) {
      RecordComponent[] cs = r.getClass().getRecordComponents();
      Object[] v = new Object[cs.length];
      try {
        for (int i = 0; i < cs.length; i++) {
          v[i] = cs[i].getAccessor().invoke(r);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot read " + r.getClass().getSimpleName(), e);
      }
      return new RecordForm(r.getClass(), v);
    }

    Object rebuild() {
      RecordComponent[] cs = type.getRecordComponents();
      Class<?>[] types = new Class<?>[cs.length];
      for (int i = 0; i < cs.length; i++) {
        types[i] = cs[i].getType();
      }
      try {
        Constructor<?> c = type.getDeclaredConstructor(types);
        return c.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot rebuild " + type.getSimpleName(), e);
      }
    }
  }
}
