package org.oscar.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real server binary run as a child process on a private loopback port, so a test can kill and
 * restart it. Output goes to a log file in the server's own temp directory.
 */
public abstract class ServerProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  protected final Path dir;
  protected final int port;
  private Process process;

  protected ServerProcess(String name) {
    try {
      this.dir = Files.createTempDirectory("oscar-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.port = FreePort.pick();
  }

  protected abstract List<String> command() throws IOException;

  public int port() {
    return port;
  }

  public Path logFile() {
    return dir.resolve("server.log");
  }

  /** Starts the server and returns once it accepts connections on its port. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      process =
          new ProcessBuilder(command())
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + getClass().getSimpleName(), e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!FreePort.isListening(port)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            getClass().getSimpleName() + " exited with " + process.exitValue() + "; " + tail());
      }
      if (System.nanoTime() > deadline) {
        stop();
        throw new IllegalStateException(getClass().getSimpleName() + " did not listen; " + tail());
      }
      sleep(25);
    }
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitFor();
    }
  }

  /** Stops the server gracefully (SIGTERM). */
  public synchronized void stop() {
    if (process != null) {
      process.destroy();
      waitFor();
    }
  }

  public synchronized void restart() {
    stop();
    start();
  }

  @Override
  public void close() {
    kill();
  }

  private void waitFor() {
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (FreePort.isListening(port) && System.nanoTime() < deadline) {
      sleep(25);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(logFile());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /** Finds a server binary: a system property, then Debian's sbin, then the PATH. */
  protected static String binary(String property, String name) {
    String configured = System.getProperty(property);
    if (configured != null && configured.contains("/")) {
      return configured;
    }
    for (String d : new String[] {"/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"}) {
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return configured != null ? configured : name;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
