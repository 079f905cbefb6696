package org.oscar.alert.notify.contact;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oscar.contract.codec.Json;
import org.oscar.contract.region.Contact;

/**
 * Who holds each post ({@code SHO:<station>}, {@code SP:<district>}, …): a JSON object from post to
 * {@link Contact}, read at start-up and checked so that a typo is found then, not during an
 * emergency.
 */
public final class OfficialsDirectory {
  private final Map<String, Contact> byPost;

  private OfficialsDirectory(Map<String, Contact> byPost) {
    this.byPost = Map.copyOf(byPost);
  }

  public static OfficialsDirectory of(Map<String, Contact> byPost) {
    for (var e : byPost.entrySet()) {
      List<String> problems = Contact.problems(e.getKey(), e.getValue());
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(problems.get(0));
      }
    }
    return new OfficialsDirectory(byPost);
  }

  public static OfficialsDirectory load(Path file) {
    try {
      return of(
          Json.mapper()
              .readValue(Files.readAllBytes(file), new TypeReference<Map<String, Contact>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read officials file " + file, e);
    }
  }

  public static OfficialsDirectory empty() {
    return new OfficialsDirectory(Map.of());
  }

  public Optional<Contact> contactOf(String officialId) {
    return Optional.ofNullable(byPost.get(officialId));
  }

  public int size() {
    return byPost.size();
  }
}
