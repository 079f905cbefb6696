package org.oscar.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A main class run in a JVM of its own, on this test's class path, so that a test can SIGKILL it
 * ({@code destroyForcibly}) the way a machine dies: no shutdown hook, no orderly close.
 */
public final class JvmProcess {
  private JvmProcess() {}

  /** Starts {@code mainClass} with {@code env} added, its output in {@code log}. */
  public static Process start(
      String mainClass, Map<String, String> env, Path log, String... jvmArgs) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmArgs));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }
}
