package org.oscar.gateway.ais140;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The frames of src/test/resources/ais140/corpus.tsv, by id, each row as its columns. */
final class Ais140Corpus {
  private static final Map<String, String[]> ROWS = load();

  private Ais140Corpus() {}

  static Map<String, String[]> rows() {
    return ROWS;
  }

  private static Map<String, String[]> load() {
    Map<String, String[]> rows = new LinkedHashMap<>();
    try (InputStream in = Ais140Corpus.class.getResourceAsStream("/ais140/corpus.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] columns = line.split("\t", -1);
          rows.put(columns[0], columns);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return Collections.unmodifiableMap(rows);
  }
}
