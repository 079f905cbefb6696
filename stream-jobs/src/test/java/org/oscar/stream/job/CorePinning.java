package org.oscar.stream.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Pins the benchmark's load generator and the system under test to separate CPUs with {@code
 * taskset}, so that one's work does not show up as the other's latency: this JVM's threads whose
 * (kernel) name contains the generator's mark go to one CPU list, every other thread of it and
 * every child process (Mosquitto, Redis) to the other. Linux only; run again after threads start.
 */
final class CorePinning {
  private CorePinning() {}

  /**
   * @param generatorOnly pin only the generator's threads (the rest were pinned before, and threads
   *     inherit their creator's CPUs); a taskset per thread takes tens of milliseconds
   */
  static void pin(
      String generatorMark, String generatorCpus, String systemCpus, boolean generatorOnly)
      throws IOException, InterruptedException {
    int generator = 0;
    int system = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        String name;
        try {
          name = Files.readString(task.resolve("comm")).trim();
        } catch (IOException gone) {
          continue;
        }
        boolean isGenerator = name.contains(generatorMark);
        if (generatorOnly && !isGenerator) {
          continue;
        }
        taskset(isGenerator ? generatorCpus : systemCpus, task.getFileName().toString(), false);
        if (isGenerator) {
          generator++;
        } else {
          system++;
        }
      }
    }
    List<ProcessHandle> children = new ArrayList<>();
    if (!generatorOnly) {
      ProcessHandle.current().descendants().forEach(children::add);
    }
    for (ProcessHandle child : children) {
      taskset(systemCpus, Long.toString(child.pid()), true);
    }
    System.out.printf(
        "[e2e] pinned %d generator threads to CPU %s; %d other threads and %d processes to CPU %s%n",
        generator, generatorCpus, system, children.size(), systemCpus);
  }

  private static void taskset(String cpus, String id, boolean allThreads)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("taskset"));
    if (allThreads) {
      command.add("-a");
    }
    command.addAll(List.of("-p", "-c", cpus, id));
    new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
  }
}
