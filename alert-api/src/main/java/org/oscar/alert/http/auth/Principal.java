package org.oscar.alert.http.auth;

import java.util.Set;
import org.oscar.alert.cases.model.UserRole;
import org.oscar.contract.live.IncidentView;

/**
 * Who is calling. A control-room user belongs to one district and sees and steers only that
 * district's incidents and the units of its regions; a state control room ({@code state} set) sees
 * every region of its state; the stream job (the service token) sees everything and is the only
 * caller that may post alert events. {@code role} and {@code agency} (or, for an official, {@code
 * post}) decide what of a case the user sees ({@code CaseAccess}).
 */
public record Principal(
    String name,
    boolean service,
    String district,
    Set<String> regions,
    UserRole role,
    String agency,
    String post,
    String state) {
  public static final String CONTEXT_KEY = "oscar.principal";

  public Principal(
      String name,
      boolean service,
      String district,
      Set<String> regions,
      UserRole role,
      String agency,
      String post) {
    this(name, service, district, regions, role, agency, post, null);
  }

  public Principal {
    regions = regions == null ? Set.of() : Set.copyOf(regions);
    role = role == null ? UserRole.CONTROL_ROOM : role;
  }

  public static Principal streamJob() {
    return new Principal("stream-job", true, null, Set.of(), UserRole.CONTROL_ROOM, null, null);
  }

  public boolean canSee(IncidentView incident) {
    if (service) {
      return true;
    }
    if (state != null) {
      // A state control room: every region of its state.
      return regions.contains(incident.region());
    }
    // The district decides; a region only for a case that names no district (two districts may
    // share a dispatch region, and must not see each other's cases through it).
    return incident.district() == null
        ? regions.contains(incident.region())
        : incident.district().equals(district);
  }

  public boolean canSeeRegion(String region) {
    return service || regions.contains(region);
  }
}
