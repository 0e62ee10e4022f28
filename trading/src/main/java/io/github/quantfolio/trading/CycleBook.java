package io.github.quantfolio.trading;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account as one pipeline cycle sees it: equity and cash from the broker, signed positions
 * including the remainder of working orders, and a mark for each symbol. Orders the cycle
 * submits are applied as they go, so each later decision sees the book they leave.
 */
final class CycleBook {

  private final double equity;
  private double cash;
  private final Map<String, Double> positions = new TreeMap<>();
  private final Map<String, Double> marks = new HashMap<>();
  private int version; // counts changes of the positions, for caches of what depends on them

  CycleBook(double equity, double cash) {
    this.equity = equity;
    this.cash = cash;
  }

  void setPosition(String symbol, double quantity) {
    version++;
    if (quantity == 0) {
      positions.remove(symbol);
    } else {
      positions.put(symbol, quantity);
    }
  }

  void setMark(String symbol, double price) {
    version++;
    marks.put(symbol, price);
  }

  int version() {
    return version;
  }

  double equity() {
    return equity;
  }

  double cashForBuys() {
    return cash;
  }

  double position(String symbol) {
    return positions.getOrDefault(symbol, 0.0);
  }

  double mark(String symbol) {
    Double m = marks.get(symbol);
    return m == null ? Double.NaN : m;
  }

  /** Symbols with a position, sorted. */
  Iterable<String> held() {
    return positions.keySet();
  }

  /** Records an order of signed {@code quantity} at {@code price} as if filled. */
  void apply(String symbol, double quantity, double price) {
    setPosition(symbol, position(symbol) + quantity);
    cash -= quantity * price;
  }

  double grossValue() {
    double g = 0;
    for (Map.Entry<String, Double> e : positions.entrySet()) {
      g += Math.abs(e.getValue() * mark(e.getKey()));
    }
    return g;
  }

  double netValue() {
    double n = 0;
    for (Map.Entry<String, Double> e : positions.entrySet()) {
      n += e.getValue() * mark(e.getKey());
    }
    return n;
  }

  double sectorValue(Map<String, String> sectors, String sector) {
    double v = 0;
    for (Map.Entry<String, Double> e : positions.entrySet()) {
      if (sector.equals(sectors.get(e.getKey()))) {
        v += Math.abs(e.getValue() * mark(e.getKey()));
      }
    }
    return v;
  }

  private Map<String, Double> weights;
  private int weightsVersion = -1;
  private Map<String, Double> values;
  private int valuesVersion = -1;

  /** Position weights of equity, by symbol in sorted order (for the reviewer's context). */
  Map<String, Double> weights() {
    if (weightsVersion == version) {
      return weights;
    }
    Map<String, Double> w = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Double> e : positions.entrySet()) {
      w.put(e.getKey(), equity > 0 ? e.getValue() * mark(e.getKey()) / equity : 0.0);
    }
    weights = java.util.Collections.unmodifiableMap(w);
    weightsVersion = version;
    return weights;
  }

  AccountState accountState(int tradesToday) {
    if (valuesVersion != version) {
      Map<String, Double> v = new HashMap<>();
      positions.forEach((s, q) -> v.put(s, q * mark(s)));
      values = Map.copyOf(v);
      valuesVersion = version;
    }
    return new AccountState(equity, values, tradesToday);
  }
}
