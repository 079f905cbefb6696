package org.oscar.gateway.sim;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulator tells its operator: a timestamped line per thing that happened (unless quiet)
 * and running counts for progress lines.
 */
final class SimulatorOutput {
  final AtomicLong positions = new AtomicLong();
  final AtomicLong presses = new AtomicLong();
  final AtomicLong tasks = new AtomicLong();
  final AtomicLong notices = new AtomicLong();
  private final PrintStream stream;
  private final boolean quiet;

  SimulatorOutput(PrintStream stream, boolean quiet) {
    this.stream = stream;
    this.quiet = quiet;
  }

  void line(String format, Object... args) {
    if (!quiet) {
      print(format, args);
    }
  }

  /** A line that is printed even when quiet: progress and failures. */
  synchronized void print(String format, Object... args) {
    stream.println(
        "[sim " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + format.formatted(args));
    stream.flush();
  }

  void progress(long elapsedS) {
    print(
        "%4d s: %d positions sent (%.0f/s), %d presses sent, %d tasks and %d notices received",
        elapsedS,
        positions.get(),
        elapsedS == 0 ? 0.0 : positions.get() / (double) elapsedS,
        presses.get(),
        tasks.get(),
        notices.get());
  }
}
