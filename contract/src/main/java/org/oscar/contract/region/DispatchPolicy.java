package org.oscar.contract.region;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.oscar.contract.alert.OfficialPost;
import org.oscar.contract.wire.Role;

/**
 * A district's dispatch and escalation policy. Durations in seconds, distances in metres. Loaded
 * with the region's reference data and checked by {@link #validate()} at start-up.
 *
 * @param ackTimeoutS how long a unit has to accept a task before the next unit is asked
 * @param arrivalRadiusM a unit this close to her has arrived (geofence)
 * @param materialEtaChangeS an ETA change at least this big is pushed to the unit and survivor
 * @param progressMinM a unit must get this much closer to count as making progress
 * @param stallWindowS a unit without progress for this long has stalled
 * @param etaMarginS a unit later than its promised arrival by more than the larger of this and
 *     {@code etaMarginFraction} of its ETA has missed it
 * @param ladderStepS at least this long between two rungs of the escalation ladder
 * @param reopenWindowS a press this soon after her incident ended reopens it; the incident's state
 *     is kept this long after it ends, then cleared
 * @param survivorMoveM she must move this far for the incident to follow her
 * @param takeoverRatio a free unit takes over an assignment if its ETA is below this fraction of
 *     the assigned unit's ETA...
 * @param takeoverMinGainS ...and it would arrive at least this much sooner
 * @param candidates how many nearest units are ranked by travel time
 * @param openRoles who is told when an incident opens
 * @param ladder who is told, rung by rung, when a response stalls
 * @param seriousRoles who is told at once when a case is serious
 * @param medicalRoles who joins the first rung when she is injured
 * @param untakenS a call to the control room that no operator takes within this long escalates
 * @param untakenRoles who is told then (the shift supervisor)
 * @param crossBorderRoles the roles for which a unit of another region of the same dispatch region
 *     may be sent to this region's incidents; absent: ambulances only (police stay within their
 *     district)
 */
public record DispatchPolicy(
    int ackTimeoutS,
    double arrivalRadiusM,
    int materialEtaChangeS,
    double progressMinM,
    int stallWindowS,
    int etaMarginS,
    double etaMarginFraction,
    int ladderStepS,
    int reopenWindowS,
    double survivorMoveM,
    double takeoverRatio,
    int takeoverMinGainS,
    int candidates,
    List<String> openRoles,
    List<String> ladder,
    List<String> seriousRoles,
    List<String> medicalRoles,
    int untakenS,
    List<String> untakenRoles,
    List<Role> crossBorderRoles)
    implements Serializable {

  /** Ambulances may cross a district border, police may not, unless a region's policy says so. */
  public static final List<Role> DEFAULT_CROSS_BORDER = List.of(Role.AMBULANCE);

  public static final List<String> ROLES = OfficialPost.ALL;

  public DispatchPolicy {
    openRoles = List.copyOf(openRoles);
    ladder = List.copyOf(ladder);
    seriousRoles = List.copyOf(seriousRoles);
    medicalRoles = List.copyOf(medicalRoles);
    untakenRoles = untakenRoles == null ? List.of() : List.copyOf(untakenRoles);
    crossBorderRoles =
        crossBorderRoles == null ? DEFAULT_CROSS_BORDER : List.copyOf(crossBorderRoles);
  }

  /** Whether a unit from another region may be sent, in this role, to this region's incidents. */
  public boolean crossesBorder(Role role) {
    return crossBorderRoles.contains(role);
  }

  public static DispatchPolicy defaults() {
    return new DispatchPolicy(
        60,
        150,
        60,
        50,
        180,
        180,
        0.5,
        180,
        600,
        50,
        0.5,
        300,
        5,
        List.of(OfficialPost.SHO, OfficialPost.OSC_ADMIN),
        List.of(OfficialPost.CONTROL_ROOM, OfficialPost.SHO, OfficialPost.SP, OfficialPost.DM),
        List.of(
            OfficialPost.SHO,
            OfficialPost.SP,
            OfficialPost.DM,
            OfficialPost.CMO,
            OfficialPost.OSC_ADMIN),
        List.of(OfficialPost.CMO, OfficialPost.OSC_ADMIN),
        60,
        List.of(OfficialPost.SHIFT_SUPERVISOR),
        DEFAULT_CROSS_BORDER);
  }

  /** The same policy with other deadlines (shorter ones make tests and drills quick). */
  public DispatchPolicy withTimings(
      int newAckTimeoutS,
      int newStallWindowS,
      int newLadderStepS,
      int newReopenWindowS,
      int newEtaMarginS) {
    return new DispatchPolicy(
        newAckTimeoutS,
        arrivalRadiusM,
        materialEtaChangeS,
        progressMinM,
        newStallWindowS,
        newEtaMarginS,
        etaMarginFraction,
        newLadderStepS,
        newReopenWindowS,
        survivorMoveM,
        takeoverRatio,
        takeoverMinGainS,
        candidates,
        openRoles,
        ladder,
        seriousRoles,
        medicalRoles,
        untakenS,
        untakenRoles,
        crossBorderRoles);
  }

  /** The same policy with other roles allowed across a district border. */
  public DispatchPolicy withCrossBorderRoles(List<Role> roles) {
    return new DispatchPolicy(
        ackTimeoutS,
        arrivalRadiusM,
        materialEtaChangeS,
        progressMinM,
        stallWindowS,
        etaMarginS,
        etaMarginFraction,
        ladderStepS,
        reopenWindowS,
        survivorMoveM,
        takeoverRatio,
        takeoverMinGainS,
        candidates,
        openRoles,
        ladder,
        seriousRoles,
        medicalRoles,
        untakenS,
        untakenRoles,
        roles);
  }

  public long ackTimeoutMs() {
    return ackTimeoutS * 1000L;
  }

  /** How late past its promise a unit with this ETA may be before it has missed it. */
  public long etaMarginMs(long etaS) {
    return Math.max(etaMarginS, Math.round(etaS * etaMarginFraction)) * 1000L;
  }

  /** Lists every problem; empty if the policy can be used. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    positive(p, "ackTimeoutS", ackTimeoutS);
    positive(p, "arrivalRadiusM", arrivalRadiusM);
    positive(p, "materialEtaChangeS", materialEtaChangeS);
    positive(p, "progressMinM", progressMinM);
    positive(p, "stallWindowS", stallWindowS);
    positive(p, "ladderStepS", ladderStepS);
    positive(p, "reopenWindowS", reopenWindowS);
    positive(p, "candidates", candidates);
    positive(p, "untakenS", untakenS);
    if (etaMarginS < 0 || etaMarginFraction < 0) {
      p.add("etaMarginS and etaMarginFraction must not be negative");
    }
    if (takeoverRatio <= 0 || takeoverRatio >= 1) {
      p.add("takeoverRatio must be between 0 and 1");
    }
    if (ladder.isEmpty()) {
      p.add("ladder must name at least one role");
    }
    if (untakenRoles.isEmpty()) {
      p.add("untakenRoles must name at least one role");
    }
    for (List<String> roles :
        List.of(openRoles, ladder, seriousRoles, medicalRoles, untakenRoles)) {
      for (String r : roles) {
        if (!ROLES.contains(r)) {
          p.add("unknown role " + r + " (known: " + ROLES + ")");
        }
      }
    }
    if (ladder.size() != ladder.stream().distinct().count()) {
      p.add("a role may stand on the ladder only once");
    }
    return p;
  }

  private static void positive(List<String> problems, String name, double value) {
    if (!(value > 0)) {
      problems.add(name + " must be positive");
    }
  }
}
