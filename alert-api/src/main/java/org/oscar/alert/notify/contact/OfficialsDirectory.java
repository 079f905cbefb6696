package org.oscar.alert.notify.contact;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.oscar.contract.codec.Json;

/**
 * Who holds each post ({@code SHO:<station>}, {@code SP:<district>}, …): a JSON object from post to
 * {@link Contact}, read at start-up and checked so that a typo is found then, not during an
 * emergency.
 */
public final class OfficialsDirectory {
  private static final Pattern PHONE = Pattern.compile("\\+[0-9]{8,15}");
  private final Map<String, Contact> byPost;

  private OfficialsDirectory(Map<String, Contact> byPost) {
    this.byPost = Map.copyOf(byPost);
  }

  public static OfficialsDirectory of(Map<String, Contact> byPost) {
    for (var e : byPost.entrySet()) {
      Contact c = e.getValue();
      if (c == null || (!c.hasPhone() && !c.hasEmail())) {
        throw new IllegalArgumentException(e.getKey() + ": a contact needs a phone or an e-mail");
      }
      if (c.hasPhone() && !PHONE.matcher(c.phone()).matches()) {
        throw new IllegalArgumentException(e.getKey() + ": phone must be +<country><number>");
      }
      if (c.hasEmail() && !c.email().matches("[^@\\s]+@[^@\\s]+")) {
        throw new IllegalArgumentException(e.getKey() + ": not an e-mail address");
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
