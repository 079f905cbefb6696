package org.oscar.stream.directory;

import java.io.Serializable;

/**
 * Where the validation step gets its device directory from: travels with the job graph and is
 * opened in each parallel instance.
 */
public interface DirectorySource extends Serializable {
  DeviceLookup open();

  /** A directory fixed when the job is built (tests, or a scenario without a registry). */
  static DirectorySource fixed(DeviceDirectory directory) {
    return () -> directory;
  }
}
