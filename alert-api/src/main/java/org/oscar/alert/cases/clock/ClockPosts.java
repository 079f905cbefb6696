package org.oscar.alert.cases.clock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oscar.alert.cases.model.Agency;
import org.oscar.alert.cases.model.AgencyKind;
import org.oscar.alert.cases.notice.NoticeRecipients.Recipient;
import org.oscar.contract.alert.OfficialPost;

/**
 * Who a clock's posts are on one case. An agency post ({@code HOSPITAL}, {@code POLICE_STATION},
 * ...) is the agency of that kind the case is live-referred to; for {@code HOSPITAL} with none, the
 * hospital the rescue took her to; with none of those, the district's OSC is told instead (the
 * Centre Administrator is the nodal person who refers her). {@code OSC_ADMIN} is the district's
 * OSC; {@code SP}, {@code DM} and {@code CMO} are the district's. Pure.
 */
public final class ClockPosts {
  private ClockPosts() {}

  /**
   * @param rescueHospital the hospital the rescue took her to, if it is an agency (else null)
   */
  public static List<Recipient> resolve(
      List<String> posts,
      String district,
      List<Agency> liveReferrals,
      Agency rescueHospital,
      List<Agency> oscs) {
    Map<String, Recipient> out = new LinkedHashMap<>();
    for (String post : posts) {
      for (Recipient r : one(post, district, liveReferrals, rescueHospital, oscs)) {
        out.putIfAbsent(r.post(), r);
      }
    }
    return List.copyOf(out.values());
  }

  /** Whether a resolved post is a district official's, who may then read the case. */
  public static boolean isOfficial(String post) {
    return post.startsWith("SP:") || post.startsWith("DM:") || post.startsWith("CMO:");
  }

  private static List<Recipient> one(
      String post,
      String district,
      List<Agency> liveReferrals,
      Agency rescueHospital,
      List<Agency> oscs) {
    switch (post) {
      case OfficialPost.SP, OfficialPost.DM, OfficialPost.CMO -> {
        return List.of(new Recipient(post + ":" + district, null));
      }
      case OfficialPost.OSC_ADMIN -> {
        return oscs.stream().map(o -> new Recipient(o.post(), o.id())).toList();
      }
      default -> {
        AgencyKind kind = AgencyKind.valueOf(post);
        List<Recipient> agencies = new ArrayList<>();
        for (Agency a : liveReferrals) {
          if (a.kind() == kind) {
            agencies.add(new Recipient(a.post(), a.id()));
          }
        }
        if (agencies.isEmpty() && kind == AgencyKind.HOSPITAL && rescueHospital != null) {
          agencies.add(new Recipient(rescueHospital.post(), rescueHospital.id()));
        }
        return agencies.isEmpty()
            ? oscs.stream().map(o -> new Recipient(o.post(), o.id())).toList()
            : agencies;
      }
    }
  }
}
