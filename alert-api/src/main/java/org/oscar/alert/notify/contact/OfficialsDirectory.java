package org.oscar.alert.notify.contact;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.oscar.contract.codec.Json;
import org.oscar.contract.region.Contact;
import org.oscar.contract.region.RegionBundle;
import org.oscar.contract.region.RegionCatalog;

/**
 * Who holds each post ({@code SHO:<station>}, {@code SP:<district>}, …): a JSON object from post to
 * {@link Contact}, read at start-up and checked so that a typo is found then, not during an
 * emergency.
 */
public final class OfficialsDirectory {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(OfficialsDirectory.class);
  private final Map<String, Contact> byPost;
  private final Supplier<RegionCatalog> bundles;

  private OfficialsDirectory(Map<String, Contact> byPost, Supplier<RegionCatalog> bundles) {
    this.byPost = Map.copyOf(byPost);
    this.bundles = bundles;
  }

  private OfficialsDirectory(Map<String, Contact> byPost) {
    this(byPost, null);
  }

  /**
   * This file's posts, then those of the region bundles as they are now (a district added later is
   * reached without a restart). Where both name a post, this file's contact wins: it is the
   * deployment's own, over a bundle's; the posts it overrides are logged (never their contacts).
   */
  public OfficialsDirectory withBundles(Supplier<RegionCatalog> regions) {
    List<String> overridden = new java.util.ArrayList<>();
    for (RegionBundle b : regions.get().bundles().values()) {
      b.officials()
          .forEach(
              (post, contact) -> {
                Contact here = byPost.get(post);
                if (here != null && !here.equals(contact)) {
                  overridden.add(post);
                }
              });
    }
    if (!overridden.isEmpty()) {
      LOG.warn(
          "the officials file overrides {} post(s) of the region bundles: {}",
          overridden.size(),
          String.join(", ", overridden));
    }
    return new OfficialsDirectory(byPost, regions);
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
    Contact c = byPost.get(officialId);
    if (c == null && bundles != null && officialId != null) {
      for (RegionBundle b : bundles.get().bundles().values()) {
        c = b.officials().get(officialId);
        if (c != null) {
          break;
        }
      }
    }
    return Optional.ofNullable(c);
  }

  public int size() {
    return byPost.size();
  }
}
