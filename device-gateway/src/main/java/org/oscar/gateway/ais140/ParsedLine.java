package org.oscar.gateway.ais140;

/** A line parsed: either a frame to forward, or the outcome that stops it here and why. */
public record ParsedLine(Ais140Frame frame, FrameOutcome outcome, String detail) {
  static ParsedLine of(Ais140Frame frame) {
    return new ParsedLine(frame, null, null);
  }

  static ParsedLine stopped(FrameOutcome outcome, String detail) {
    return new ParsedLine(null, outcome, detail);
  }

  public boolean hasFrame() {
    return frame != null;
  }
}
