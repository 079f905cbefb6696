package org.oscar.stream.dispatch.spatial;

import java.util.ArrayList;
import java.util.List;

/**
 * A grid's cells by their {@code long} key, in open addressing: a lookup hashes the key and probes
 * an array, with no boxed key and no entry object (a nearest query looks up dozens of cells, most
 * of them empty). A cell once used stays, possibly empty: their number is bounded by the area the
 * region's units cover (about 46 000 for 60 × 60 km), and dropping one would mean rehashing.
 */
final class CellMap<T> {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private List<T>[] lists;
  private int size;

  CellMap() {
    allocate(64);
  }

  /** The cell's list, or null if the cell holds nothing. */
  List<T> get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return lists[i];
      }
      if (k == EMPTY) {
        return null;
      }
    }
  }

  /** The cell's list, created empty if the cell held nothing. */
  List<T> getOrCreate(long key) {
    List<T> list = get(key);
    if (list != null) {
      return list;
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    list = new ArrayList<>(4);
    insert(key, list);
    size++;
    return list;
  }

  /** Every used cell's list (possibly empty), in no particular order. */
  void forEachList(java.util.function.Consumer<List<T>> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        action.accept(lists[i]);
      }
    }
  }

  /** How many cells were ever used. */
  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    List<T>[] oldLists = lists;
    allocate(keys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        insert(oldKeys[i], oldLists[i]);
      }
    }
  }

  private void insert(long key, List<T> list) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (keys[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    lists[i] = list;
  }

  @SuppressWarnings("unchecked")
  private void allocate(int capacity) {
    keys = new long[capacity];
    java.util.Arrays.fill(keys, EMPTY);
    lists = new List[capacity];
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
