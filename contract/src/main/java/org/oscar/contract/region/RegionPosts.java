package org.oscar.contract.region;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oscar.contract.alert.OfficialPost;

/**
 * The posts a region's policy can alert, so that a bundle is refused when one of them has no
 * contact: the SHO of every jurisdiction (the district control room's included), the Administrator
 * of every One Stop Centre, the district's SP, DM and CMO, and the region's control room and shift
 * supervisor. The control room is always named: it is told whatever a role leaves unfilled.
 */
public final class RegionPosts {
  private RegionPosts() {}

  /** Each post, with the policy lists that name its role (for the problem's wording). */
  public static Map<String, Set<String>> named(RegionBundle b) {
    Map<String, Set<String>> posts = new LinkedHashMap<>();
    DispatchPolicy p = b.dispatchPolicy();
    add(posts, b, List.of(OfficialPost.CONTROL_ROOM), "the fallback of every role");
    add(posts, b, p.openRoles(), "openRoles");
    add(posts, b, p.ladder(), "ladder");
    add(posts, b, p.seriousRoles(), "seriousRoles");
    add(posts, b, p.medicalRoles(), "medicalRoles");
    add(posts, b, p.untakenRoles(), "untakenRoles");
    return posts;
  }

  private static void add(
      Map<String, Set<String>> posts, RegionBundle b, List<String> roles, String list) {
    for (String role : roles) {
      for (String post : postsOf(role, b)) {
        posts.computeIfAbsent(post, k -> new LinkedHashSet<>()).add(list);
      }
    }
  }

  private static List<String> postsOf(String role, RegionBundle b) {
    return switch (role) {
      case OfficialPost.SHO ->
          b.jurisdictionNames().stream()
              .map(j -> OfficialPost.post(role, b.region(), b.district(), j, null))
              .toList();
      case OfficialPost.OSC_ADMIN ->
          b.oscs().stream()
              .map(o -> OfficialPost.post(role, b.region(), b.district(), null, o.id()))
              .toList();
      default -> {
        String post = OfficialPost.post(role, b.region(), b.district(), null, null);
        yield post == null ? List.of() : List.of(post);
      }
    };
  }
}
