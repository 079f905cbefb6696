package org.oscar.stream.job;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a restarted job resumes: the newest complete checkpoint under the checkpoint directory
 * ({@code <dir>/<job id>/chk-<n>/_metadata}; a checkpoint without its metadata file was not
 * completed) whose metadata can be read — a newer one that cannot (truncated by a full disk, say)
 * is passed over for the one before it. Each run of the process has a new job id, so every run's
 * directory is looked at; once a start has chosen, older runs' directories are deleted but for one
 * spare (they hold survivors' positions of cases long closed).
 */
final class CheckpointResume {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointResume.class);
  private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");

  private CheckpointResume() {}

  static Optional<Path> latest(Path checkpointDir) {
    if (!Files.isDirectory(checkpointDir)) {
      return Optional.empty();
    }
    List<Path> newestFirst;
    try (Stream<Path> files = Files.find(checkpointDir, 3, (p, a) -> isMetadata(p))) {
      newestFirst =
          files.sorted(Comparator.comparing(CheckpointResume::modified).reversed()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint directory " + checkpointDir, e);
    }
    return newestFirst.stream().filter(CheckpointResume::readable).findFirst().map(Path::getParent);
  }

  /**
   * Deletes the directories of earlier runs under the checkpoint directory, keeping the run that
   * holds {@code resumed} (the checkpoint this start resumes from) and the newest other run, as a
   * spare should {@code resumed} turn out unusable. Only directories named like a job id are
   * touched.
   */
  static void pruneOtherRuns(Path checkpointDir, Path resumed) {
    Path keep = resumed.toAbsolutePath().getParent();
    try (Stream<Path> dirs = Files.list(checkpointDir)) {
      List<Path> others =
          dirs.filter(Files::isDirectory)
              .filter(d -> JOB_ID.matcher(d.getFileName().toString()).matches())
              .filter(d -> !d.toAbsolutePath().equals(keep))
              .sorted(Comparator.comparing(CheckpointResume::modified).reversed())
              .toList();
      for (Path run : others.subList(Math.min(1, others.size()), others.size())) {
        deleteTree(run);
        LOG.info("deleted the checkpoints of an earlier run: {}", run);
      }
    } catch (IOException e) {
      // Not deleting old checkpoints must not stop the job from starting.
      LOG.warn("could not delete earlier runs' checkpoints in {}: {}", checkpointDir, e.toString());
    }
  }

  private static boolean readable(Path metadata) {
    try (InputStream file = Files.newInputStream(metadata);
        DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
      Checkpoints.loadCheckpointMetadata(
          in, CheckpointResume.class.getClassLoader(), metadata.getParent().toString());
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "checkpoint {} cannot be read ({}); trying an older one",
          metadata.getParent(),
          e.toString());
      return false;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static boolean isMetadata(Path p) {
    return p.getFileName().toString().equals("_metadata")
        && p.getParent().getFileName().toString().startsWith("chk-");
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
