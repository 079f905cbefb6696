package org.oscar.stream.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a restarted job resumes: the newest complete checkpoint under the checkpoint directory
 * ({@code <dir>/<job id>/chk-<n>/_metadata}; a checkpoint without its metadata file was not
 * completed). Each run of the process has a new job id, so every run's directory is looked at.
 */
final class CheckpointResume {
  private CheckpointResume() {}

  static Optional<Path> latest(Path checkpointDir) {
    if (!Files.isDirectory(checkpointDir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.find(checkpointDir, 3, (p, a) -> isMetadata(p))) {
      return files.max(Comparator.comparing(CheckpointResume::modified)).map(Path::getParent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint directory " + checkpointDir, e);
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
