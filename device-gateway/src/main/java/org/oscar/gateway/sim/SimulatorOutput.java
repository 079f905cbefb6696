package org.oscar.gateway.sim;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Timestamped progress lines on the console, one per thing that happened. */
final class SimulatorOutput {
  private final PrintStream stream;

  SimulatorOutput(PrintStream stream) {
    this.stream = stream;
  }

  synchronized void line(String format, Object... args) {
    stream.println(
        "[sim " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + format.formatted(args));
    stream.flush();
  }
}
