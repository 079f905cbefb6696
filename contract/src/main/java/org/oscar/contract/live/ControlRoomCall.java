package org.oscar.contract.live;

/**
 * Why an incident calls the control room, and whether an operator has taken the call. Its page
 * rings while {@code takenBy} is null; an operator's TAKE puts her name here and on the timeline. A
 * new reason to look (no unit free, a unit stalled, a duress cancel, a reopened case) calls again,
 * with {@code takenBy} cleared, so the alarm rings again.
 *
 * @param kind what kind of call, for the page's ordering: {@link #NEW}, {@link #REOPENED}, {@link
 *     #NO_UNIT}, {@link #LOCATION_UNKNOWN}, {@link #STALLED}, {@link #DURESS}
 * @param why the same in words, never naming her
 * @param since when the call was made (epoch ms)
 * @param takenBy the operator who took it, or null while nobody has
 * @param takenAt when it was taken; 0 while nobody has
 */
public record ControlRoomCall(String kind, String why, long since, String takenBy, long takenAt) {
  public static final String NEW = "NEW";
  public static final String REOPENED = "REOPENED";
  public static final String NO_UNIT = "NO_UNIT";
  public static final String LOCATION_UNKNOWN = "LOCATION_UNKNOWN";
  public static final String STALLED = "STALLED";
  public static final String DURESS = "DURESS";

  public boolean isWaiting() {
    return takenBy == null;
  }
}
