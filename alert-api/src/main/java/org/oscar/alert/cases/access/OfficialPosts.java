package org.oscar.alert.cases.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.oscar.alert.cases.model.CasePart;
import org.oscar.contract.alert.OfficialPost;

/**
 * The district officials a case is escalated to, and what of it each oversees: the SP the police
 * and child-protection parts, the Chief Medical Officer the medical part, the District Magistrate
 * every service (the district's head, to whom a stalled case escalates last). None of them sees who
 * she is, her consents, the rescue's record or who else was told.
 */
public final class OfficialPosts {
  private static final Map<String, Set<CasePart>> OVERSEES =
      Map.of(
          // The police produce a child before the CWC: the SP oversees that part too.
          OfficialPost.SP,
          EnumSet.of(CasePart.POLICE, CasePart.CHILD),
          OfficialPost.CMO,
          EnumSet.of(CasePart.MEDICAL),
          OfficialPost.DM,
          EnumSet.complementOf(EnumSet.of(CasePart.IDENTITY)));

  private OfficialPosts() {}

  /** The roles whose alert makes a case the post's to read. */
  public static Set<String> roles() {
    return OVERSEES.keySet();
  }

  /** What the post oversees on a case escalated to it; empty for any other post. */
  public static Set<CasePart> oversees(String post) {
    if (post == null || post.indexOf(':') < 1) {
      return Set.of();
    }
    return OVERSEES.getOrDefault(post.substring(0, post.indexOf(':')), Set.of());
  }

  /**
   * A state's official ({@code STATE:<state>}, the login's "district" being the state): reads the
   * state's reports and no case at all.
   */
  public static boolean isState(String post) {
    return post != null && post.startsWith("STATE:") && post.length() > "STATE:".length();
  }

  /**
   * Whether {@code post} is an official's post of {@code district} (or, for a state's, its state).
   */
  public static boolean holds(String post, String district) {
    if (isState(post)) {
      return post.equals("STATE:" + district);
    }
    return !oversees(post).isEmpty()
        && post.equals(post.substring(0, post.indexOf(':') + 1) + district);
  }
}
