package org.oscar.stream.dispatch.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CellMapTest {
  @Test
  void findsEveryCellItWasGivenAndNoOtherAsItGrows() {
    CellMap<String> cells = new CellMap<>();
    Map<Long, List<String>> expected = new HashMap<>();
    Random random = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      // Keys as the grid makes them: a row in the high half, a column in the low half.
      long key =
          ((long) (random.nextInt(2_000) - 1_000) << 32) ^ (random.nextInt(2_000) & 0xffffffffL);
      List<String> list = cells.getOrCreate(key);
      list.add("u" + i);
      expected.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add("u" + i);
      assertThat(cells.get(key)).isSameAs(list);
    }
    expected.forEach((key, units) -> assertThat(cells.get(key)).isEqualTo(units));
    assertThat(cells.get(((long) 5_000 << 32) ^ 5_000)).isNull();
  }
}
