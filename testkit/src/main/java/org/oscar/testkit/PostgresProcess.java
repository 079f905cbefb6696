package org.oscar.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private PostgreSQL server (Debian's) on a loopback port, with its own data directory, a
 * superuser {@value #USER} with a random password (SCRAM over TCP) and a database {@value
 * #DATABASE}. Durable as PostgreSQL is by default (fsync on), so a test can SIGKILL it and find
 * every committed write after a restart.
 *
 * <p>PostgreSQL refuses to run as root. As root the server runs as the {@code postgres} user
 * through {@code setpriv}, which execs the server in place: the process the test holds is the
 * postmaster itself, so {@link #kill()} really kills it (a {@code runuser} parent would die alone).
 */
public final class PostgresProcess extends ServerProcess {
  public static final String USER = "oscar";
  public static final String DATABASE = "oscar";

  private final String password = HexFormat.of().formatHex(randomBytes());
  private final Path data = dir.resolve("data");
  private final String bin = binDir();
  private boolean databaseCreated;

  public PostgresProcess() {
    super("postgres");
    initdb();
    // A test JVM that dies before close() must not leave a server behind it.
    Runtime.getRuntime().addShutdownHook(new Thread(this::kill, "postgres-" + port + "-kill"));
  }

  public String host() {
    return "127.0.0.1";
  }

  public String password() {
    return password;
  }

  /** The JDBC address, for tools that speak JDBC (Flyway). */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host() + ":" + port + "/" + DATABASE;
  }

  /**
   * Starts the server. After a SIGKILL the old server's backends may hold its shared memory for a
   * moment, and a new postmaster refuses to start until they are gone: that is retried.
   */
  @Override
  public synchronized void start() {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        super.start();
        last = null;
        break;
      } catch (IllegalStateException e) {
        last = e;
        pause(250);
      }
    }
    if (last != null) {
      throw last;
    }
    awaitReady();
    if (!databaseCreated) {
      run(
          List.of(
              bin + "/createdb", "-h", host(), "-p", String.valueOf(port), "-U", USER, DATABASE));
      databaseCreated = true;
    }
  }

  @Override
  protected List<String> command() {
    return asServerUser(
        List.of(
            bin + "/postgres",
            "-D",
            data.toString(),
            "-p",
            String.valueOf(port),
            "-k",
            dir.toString(),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "max_connections=200"));
  }

  private void initdb() {
    try {
      Path pwfile = dir.resolve("pwfile");
      Files.writeString(pwfile, password + "\n");
      if (isRoot()) {
        // The server user must own its directory and read the password file.
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
        Files.setOwner(pwfile, users.lookupPrincipalByName("postgres"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
      run(
          asServerUser(
              List.of(
                  bin + "/initdb",
                  "-D",
                  data.toString(),
                  "-U",
                  USER,
                  "--pwfile=" + pwfile,
                  "--auth-local=trust",
                  "--auth-host=scram-sha-256",
                  "-E",
                  "UTF8",
                  "--locale=C.UTF-8",
                  "--no-sync")));
      Files.delete(pwfile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare PostgreSQL in " + dir, e);
    }
  }

  /** Listening is not ready: a server in start-up or crash recovery refuses sessions until done. */
  private void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        run(List.of(bin + "/pg_isready", "-q", "-h", host(), "-p", String.valueOf(port)));
        return;
      } catch (IllegalStateException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("PostgreSQL did not become ready; see " + logFile());
        }
        pause(50);
      }
    }
  }

  private void run(List<String> command) {
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("tools.log").toFile()));
      pb.environment().put("PGPASSWORD", password);
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command.subList(0, Math.min(3, command.size())))
                + " failed; see "
                + dir.resolve("tools.log"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> asServerUser(List<String> command) {
    if (!isRoot()) {
      return command;
    }
    List<String> c =
        new ArrayList<>(
            List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
    c.addAll(command);
    return c;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Debian's newest PostgreSQL under /usr/lib/postgresql, or {@code -Doscar.postgres.bin}. */
  private static String binDir() {
    String configured = System.getProperty("oscar.postgres.bin");
    if (configured != null) {
      return configured;
    }
    try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
          .max((a, b) -> Integer.compare(major(a), major(b)))
          .map(v -> v.resolve("bin").toString())
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "PostgreSQL is not installed (deploy/install-deps.sh installs it)", e);
    }
  }

  private static int major(Path versionDir) {
    try {
      return Integer.parseInt(versionDir.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return b;
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
