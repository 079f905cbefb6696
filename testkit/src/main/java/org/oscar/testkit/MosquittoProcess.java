package org.oscar.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.List;

/**
 * A private Mosquitto broker on a loopback port. Either anonymous, or with the dynamic-security
 * plugin and one admin client (no anonymous access), as OSCAR runs it; without a persistence file
 * unless made {@link #persistent()}.
 */
public final class MosquittoProcess extends ServerProcess {
  private final String adminUser;
  private final String adminPassword;
  private final boolean persistent;

  public MosquittoProcess() {
    this(null, null, false);
  }

  private MosquittoProcess(String adminUser, String adminPassword, boolean persistent) {
    super("mosquitto");
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
    this.persistent = persistent;
  }

  /**
   * An anonymous broker that keeps sessions, subscriptions and queued messages in a file saved
   * every second, so a SIGKILL loses at most the last second's changes (as the local run does).
   */
  public static MosquittoProcess persistent() {
    return new MosquittoProcess(null, null, true);
  }

  /** A broker that authenticates every client against its dynamic-security configuration. */
  public static MosquittoProcess withDynamicSecurity(String adminUser, String adminPassword) {
    return new MosquittoProcess(adminUser, adminPassword, false);
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  protected List<String> command() throws IOException {
    Path conf = dir.resolve("mosquitto.conf");
    StringBuilder c = new StringBuilder();
    c.append("listener ").append(port).append(" 127.0.0.1\n");
    // The pipeline acknowledges a message only after the checkpoint that holds it: the broker
    // must let a checkpoint interval's worth of messages be in flight to it (see docs).
    c.append("max_inflight_messages 0\nmax_queued_messages 100000\n");
    // Small messages go out at once rather than waiting on Nagle's algorithm.
    c.append("set_tcp_nodelay true\n");
    if (persistent) {
      c.append("persistence true\npersistence_location ").append(dir).append("/\n");
      c.append("autosave_interval 1\n");
      handToBrokerUser(null);
    } else {
      c.append("persistence false\n");
    }
    c.append("log_dest stdout\n");
    if (adminUser == null) {
      c.append("allow_anonymous true\n");
    } else {
      Path dynsec = dir.resolve("dynamic-security.json");
      if (!Files.exists(dynsec)) {
        run(
            binary("oscar.mosquitto_ctrl.bin", "mosquitto_ctrl"),
            "dynsec",
            "init",
            dynsec.toString(),
            adminUser,
            adminPassword);
        handToBrokerUser(dynsec);
      }
      c.append("allow_anonymous false\n");
      c.append("plugin ").append(dynamicSecurityPlugin()).append('\n');
      c.append("plugin_opt_config_file ").append(dynsec).append('\n');
    }
    Files.writeString(conf, c.toString());
    return List.of(binary("oscar.mosquitto.bin", "mosquitto"), "-c", conf.toString());
  }

  /**
   * Started as root, Mosquitto drops to the {@code mosquitto} user, which must be able to read and
   * rewrite its dynamic-security file: hand it the directory and the file.
   */
  private void handToBrokerUser(Path dynsec) throws IOException {
    if (!"root".equals(System.getProperty("user.name"))) {
      return;
    }
    UserPrincipal broker;
    try {
      broker =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("mosquitto");
    } catch (UserPrincipalNotFoundException e) {
      return;
    }
    Files.setOwner(dir, broker);
    if (dynsec != null) {
      Files.setOwner(dynsec, broker);
    }
  }

  /** Where Debian (or another layout) keeps the plugin. */
  static String dynamicSecurityPlugin() throws IOException {
    for (String d :
        new String[] {
          "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/usr/local/lib"
        }) {
      Path p = Path.of(d, "mosquitto_dynamic_security.so");
      if (Files.exists(p)) {
        return p.toString();
      }
    }
    throw new IOException(
        "mosquitto_dynamic_security.so not found; is Debian's mosquitto installed?");
  }

  private void run(String... command) throws IOException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("ctrl.log").toFile())
            .start();
    try {
      if (p.waitFor() != 0) {
        throw new IOException(
            String.join(" ", command[0], command[1], command[2])
                + " failed; see "
                + dir.resolve("ctrl.log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
