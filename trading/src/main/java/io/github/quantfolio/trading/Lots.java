package io.github.quantfolio.trading;

import java.time.Instant;

/**
 * The open lots of one position, oldest first, as a ring buffer of parallel arrays (no object per
 * lot, so recording a fill allocates nothing while the buffer has room). All lots of a position
 * have the same direction, so quantities are stored unsigned.
 */
final class Lots {

  private double[] quantity = new double[4];
  private double[] price = new double[4];
  /** The part of the opening fill's fee still capitalized in the lot. */
  private double[] fee = new double[4];
  private Instant[] time = new Instant[4];
  private FillTags[] tags = new FillTags[4];
  private int head;
  private int size;

  int size() {
    return size;
  }

  private int slot(int k) {
    return (head + k) & (quantity.length - 1);
  }

  double quantity(int k) {
    return quantity[slot(k)];
  }

  double price(int k) {
    return price[slot(k)];
  }

  double fee(int k) {
    return fee[slot(k)];
  }

  Instant time(int k) {
    return time[slot(k)];
  }

  FillTags tags(int k) {
    return tags[slot(k)];
  }

  void set(int k, double q, double p, double f) {
    int s = slot(k);
    quantity[s] = q;
    price[s] = p;
    fee[s] = f;
  }

  void addLast(double q, double p, double f, Instant t, FillTags g) {
    if (size == quantity.length) {
      grow();
    }
    int s = slot(size);
    quantity[s] = q;
    price[s] = p;
    fee[s] = f;
    time[s] = t;
    tags[s] = g;
    size++;
  }

  void removeFirst() {
    time[head] = null;
    tags[head] = null;
    head = slot(1);
    size--;
  }

  void removeLast() {
    int s = slot(size - 1);
    time[s] = null;
    tags[s] = null;
    size--;
  }

  /** Doubles the capacity (a power of two) and moves the lots to the front, oldest first. */
  private void grow() {
    int n = quantity.length;
    double[] q = new double[2 * n];
    double[] p = new double[2 * n];
    double[] f = new double[2 * n];
    Instant[] t = new Instant[2 * n];
    FillTags[] g = new FillTags[2 * n];
    for (int k = 0; k < size; k++) {
      int s = slot(k);
      q[k] = quantity[s];
      p[k] = price[s];
      f[k] = fee[s];
      t[k] = time[s];
      g[k] = tags[s];
    }
    quantity = q;
    price = p;
    fee = f;
    time = t;
    tags = g;
    head = 0;
  }
}
