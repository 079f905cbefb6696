package org.oscar.gateway.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oscar.contract.codec.Json;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.scenario.Scenario;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.gateway.broker.DynamicSecurityAdmin;
import org.oscar.gateway.registry.DeviceRegistry;
import org.oscar.gateway.registry.RegistryOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oscar devices}: provisions devices in the registry and on the broker. Connection settings
 * come from options; the broker admin password only from the environment ({@code
 * OSCAR_MQTT_ADMIN_PASSWORD}), so it never shows in a process list.
 */
@Command(
    name = "oscar devices",
    mixinStandardHelpOptions = true,
    description = "Adds, lists, rotates and revokes OSCAR devices.",
    subcommands = {
      DevicesCommand.Add.class,
      DevicesCommand.ListDevices.class,
      DevicesCommand.Rotate.class,
      DevicesCommand.Revoke.class,
      DevicesCommand.BindImei.class,
      DevicesCommand.SetContact.class,
      DevicesCommand.ImportScenario.class
    })
public final class DevicesCommand {
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new DevicesCommand());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("error: " + e.getMessage());
          return 1;
        });
    return cli.execute(args);
  }

  /** Where the registry and the broker are. */
  static final class Connection {
    @Option(
        names = "--broker",
        defaultValue = "${env:OSCAR_MQTT_URL:-tcp://127.0.0.1:1883}",
        description = "MQTT broker URL (default: ${DEFAULT-VALUE})")
    String broker;

    @Option(
        names = "--admin-user",
        defaultValue = "oscar-admin",
        description =
            "broker dynamic-security admin (default: ${DEFAULT-VALUE}); its password from OSCAR_MQTT_ADMIN_PASSWORD")
    String adminUser;

    @Mixin RegistryOptions registryOptions;

    <T> T with(ProvisionerCall<T> call) throws Exception {
      String password = System.getenv("OSCAR_MQTT_ADMIN_PASSWORD");
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException(
            "set OSCAR_MQTT_ADMIN_PASSWORD to the broker admin password");
      }
      try (DeviceRegistry registry = registryOptions.connect();
          DynamicSecurityAdmin admin = new DynamicSecurityAdmin(broker, adminUser, password)) {
        return call.apply(new Provisioner(registry, admin));
      }
    }
  }

  interface ProvisionerCall<T> {
    T apply(Provisioner p) throws Exception;
  }

  @Command(name = "add", description = "Adds a device and prints its secret, once.")
  static final class Add implements Callable<Integer> {
    @Mixin Connection connection;

    @Parameters(index = "0", description = "device id (1-64 of A-Za-z0-9_-)")
    String id;

    @Option(
        names = "--kind",
        required = true,
        description = "PANIC, POLICE, AMBULANCE or OSC_VEHICLE")
    DeviceKind kind;

    @Option(names = "--region", required = true, description = "dispatch region that owns it")
    String region;

    @Option(
        names = "--cancel-pin",
        interactive = true,
        arity = "0..1",
        description = "panic devices: her cancel PIN (asked for if no value is given)")
    String cancelPin;

    @Option(
        names = "--duress-pin",
        interactive = true,
        arity = "0..1",
        description = "panic devices: her duress PIN (asked for if no value is given)")
    String duressPin;

    @Override
    public Integer call() throws Exception {
      String secret = connection.with(p -> p.add(id, kind, region, cancelPin, duressPin));
      System.out.println("added " + id + " (" + kind + ", " + region + ")");
      System.out.println("secret (shown once, store it in the device now): " + secret);
      return 0;
    }
  }

  @Command(name = "list", description = "Lists devices (never secrets or PINs).")
  static final class ListDevices implements Callable<Integer> {
    @Mixin Connection connection;

    @Override
    public Integer call() throws Exception {
      for (DeviceRecord r : connection.with(Provisioner::list)) {
        System.out.printf(
            "%-24s %-12s %-16s %-8s pins:%s%n",
            r.id(), r.kind(), r.region(), r.status(), r.cancelPinHash() == null ? "no" : "yes");
      }
      return 0;
    }
  }

  @Command(name = "rotate", description = "Gives a device a new secret; the old one stops working.")
  static final class Rotate implements Callable<Integer> {
    @Mixin Connection connection;

    @Parameters(index = "0")
    String id;

    @Override
    public Integer call() throws Exception {
      String secret = connection.with(p -> p.rotate(id));
      System.out.println("new secret for " + id + " (shown once): " + secret);
      return 0;
    }
  }

  @Command(
      name = "revoke",
      description = "Cuts a device off the broker at once and marks it revoked.")
  static final class Revoke implements Callable<Integer> {
    @Mixin Connection connection;

    @Parameters(index = "0")
    String id;

    @Override
    public Integer call() throws Exception {
      connection.with(
          p -> {
            p.revoke(id);
            return null;
          });
      System.out.println("revoked " + id);
      return 0;
    }
  }

  @Command(
      name = "bind-imei",
      description = "Binds an AIS-140 tracker (by its IMEI) to a device, for the TCP adapter.")
  static final class BindImei implements Callable<Integer> {
    @Mixin Connection connection;

    @Parameters(index = "0", description = "device id")
    String id;

    @Parameters(index = "1", description = "the tracker's IMEI (15 digits)")
    String imei;

    @Override
    public Integer call() throws Exception {
      connection.with(
          p -> {
            p.bindImei(id, imei);
            return null;
          });
      System.out.println("bound IMEI " + imei + " to " + id);
      return 0;
    }
  }

  @Command(
      name = "set-contact",
      description =
          "Sets the number a panic device's owner asked to be called back on when she presses"
              + " without a location (shown only to her district's control room); --remove clears it.")
  static final class SetContact implements Callable<Integer> {
    @Mixin Connection connection;

    @Parameters(index = "0", description = "panic device id")
    String id;

    @Parameters(index = "1", arity = "0..1", description = "phone number (+ and 6-15 digits)")
    String phone;

    @Option(names = "--remove", description = "remove the number")
    boolean remove;

    @Override
    public Integer call() throws Exception {
      if (remove == (phone != null)) {
        throw new IllegalArgumentException("give a phone number or --remove");
      }
      connection.with(
          p -> {
            p.setCallBack(id, remove ? null : phone);
            return null;
          });
      // The number itself is not echoed: terminals and their scrollback are logs too.
      System.out.println(
          remove ? "removed the call-back number of " + id : "set the call-back number of " + id);
      return 0;
    }
  }

  @Command(
      name = "import-scenario",
      description =
          "Provisions every device of a scenario (and the pipeline's own client) and writes their"
              + " secrets to a file readable only by its owner. For local runs and demos.")
  static final class ImportScenario implements Callable<Integer> {
    @Mixin Connection connection;

    @Parameters(index = "0", description = "scenario file")
    Path scenarioFile;

    @Option(
        names = "--secrets-out",
        required = true,
        description = "where to write the secrets (mode 600)")
    Path secretsOut;

    @Option(
        names = "--pipeline-user",
        defaultValue = "oscar-pipeline",
        description = "broker user of the stream job (default: ${DEFAULT-VALUE})")
    String pipelineUser;

    @Option(
        names = "--pipeline-secret-out",
        description = "also write the pipeline's secret alone to this file (mode 600)")
    Path pipelineSecretOut;

    @Option(
        names = "--control-room-secret-out",
        description =
            "also provision the alert API's client for overrides (user oscar-control-room);"
                + " write its secret to this file (mode 600)")
    Path controlRoomSecretOut;

    @Option(
        names = "--ais140-user",
        defaultValue = "oscar-ais140",
        description = "broker user of the AIS-140 adapter (default: ${DEFAULT-VALUE})")
    String ais140User;

    @Option(
        names = "--ais140-secret-out",
        description =
            "also provision the AIS-140 adapter; write its secret to this file (mode 600)")
    Path ais140SecretOut;

    @Override
    public Integer call() throws Exception {
      Scenario scenario = Scenario.load(scenarioFile);
      Map<String, String> secrets = new LinkedHashMap<>();
      connection.with(
          p -> {
            secrets.put(pipelineUser, p.addPipeline(pipelineUser));
            if (controlRoomSecretOut != null) {
              writePrivate(controlRoomSecretOut, p.addControlRoom("oscar-control-room"));
            }
            if (ais140SecretOut != null) {
              writePrivate(ais140SecretOut, p.addAis140Gateway(ais140User));
            }
            for (Scenario.UnitSpec u : scenario.units()) {
              secrets.put(u.id(), addOrRotate(p, u.id(), u.kind(), scenario.regionOf(u)));
            }
            for (Scenario.SurvivorSpec s : scenario.survivors()) {
              secrets.put(s.id(), addOrRotate(p, s.id(), DeviceKind.PANIC, scenario.regionOf(s)));
            }
            return null;
          });
      writePrivate(secretsOut, Json.toString(secrets));
      if (pipelineSecretOut != null) {
        writePrivate(pipelineSecretOut, secrets.get(pipelineUser));
      }
      System.out.println(
          "provisioned "
              + (secrets.size() - 1)
              + " devices of region "
              + scenario.region()
              + " and the pipeline; secrets in "
              + secretsOut);
      return 0;
    }

    private static String addOrRotate(Provisioner p, String id, DeviceKind kind, String region)
        throws Exception {
      return p.find(id).isPresent() ? p.rotate(id) : p.add(id, kind, region, null, null);
    }
  }

  static void writePrivate(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
  }
}
