package org.oscar.gateway.sim;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.oscar.contract.codec.Json;
import org.oscar.contract.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Drives a scenario on a real broker: every unit and panic device is its own MQTT client. Units
 * report positions every tick; survivors press when the scenario says.
 */
@Command(
    name = "oscar simulate",
    mixinStandardHelpOptions = true,
    description = "Runs the fleet and survivors of a scenario against an MQTT broker.")
public final class DemoSimulator implements Callable<Integer> {
  @Option(
      names = "--broker",
      defaultValue = "${env:OSCAR_MQTT_URL:-tcp://127.0.0.1:1883}",
      description = "MQTT broker URL (default: ${DEFAULT-VALUE})")
  String broker;

  @Option(
      names = "--scenario",
      defaultValue = "${env:OSCAR_SCENARIO:-deploy/local/scenario/bhubaneswar-demo.json}",
      description = "scenario file (default: ${DEFAULT-VALUE})")
  Path scenarioFile;

  @Option(
      names = "--tick-seconds",
      defaultValue = "2",
      description = "seconds between position reports (default: ${DEFAULT-VALUE})")
  double tickSeconds;

  @Option(
      names = "--speed-kmh",
      defaultValue = "40",
      description = "speed of a unit driving to an incident (default: ${DEFAULT-VALUE})")
  double speedKmh;

  @Option(
      names = "--decline-rate",
      defaultValue = "0",
      description = "share of tasks crews decline (default: ${DEFAULT-VALUE})")
  double declineRate;

  @Option(
      names = "--silence-rate",
      defaultValue = "0",
      description = "share of tasks crews ignore (default: ${DEFAULT-VALUE})")
  double silenceRate;

  @Option(
      names = "--on-scene-seconds",
      defaultValue = "20",
      description = "time a unit spends on scene (default: ${DEFAULT-VALUE})")
  int onSceneSeconds;

  @Option(
      names = "--duration-seconds",
      defaultValue = "0",
      description = "stop after this long; 0 runs until interrupted (default: ${DEFAULT-VALUE})")
  long durationSeconds;

  @Option(names = "--quiet", description = "no line per event, only progress lines (for load runs)")
  boolean quiet;

  @Option(
      names = "--progress-seconds",
      defaultValue = "0",
      description = "print counts every so many seconds; 0 for none (default: ${DEFAULT-VALUE})")
  long progressSeconds;

  @Option(
      names = "--secrets",
      defaultValue = "${env:OSCAR_DEVICE_SECRETS}",
      description =
          "JSON file of device id to secret (from oscar devices import-scenario); without it devices connect with no password")
  Path secretsFile;

  private Map<String, String> readSecrets() throws java.io.IOException {
    if (secretsFile == null) {
      return Map.of();
    }
    return Json.mapper()
        .readValue(secretsFile.toFile(), new TypeReference<Map<String, String>>() {});
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DemoSimulator()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (tickSeconds <= 0 || speedKmh <= 0 || durationSeconds < 0) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--tick-seconds and --speed-kmh must be > 0, --duration-seconds >= 0");
    }
    UnitBehaviour behaviour;
    try {
      behaviour = new UnitBehaviour(declineRate, silenceRate, onSceneSeconds, onSceneSeconds / 2);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
    Scenario scenario = Scenario.load(scenarioFile);
    Map<String, String> secrets = readSecrets();
    SimulatorOutput out = new SimulatorOutput(System.out, quiet);
    List<SimulatedUnit> units = new ArrayList<>();
    List<SimulatedSurvivor> survivors = new ArrayList<>();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    try {
      long seed = 1;
      for (Scenario.UnitSpec spec : scenario.units()) {
        if (spec.manual()) {
          continue; // a person drives it from the responder page
        }
        SimulatedUnit u =
            new SimulatedUnit(
                spec,
                broker,
                secrets.get(spec.id()),
                speedKmh,
                tickSeconds,
                behaviour,
                out,
                seed++);
        u.connect();
        units.add(u);
      }
      out.line(
          "%d units of region %s on duty, reporting every %.0f s",
          units.size(), scenario.region(), tickSeconds);
      for (Scenario.SurvivorSpec spec : scenario.survivors()) {
        SimulatedSurvivor s = new SimulatedSurvivor(spec, broker, secrets.get(spec.id()), out);
        s.connect();
        survivors.add(s);
        clock.schedule(() -> pressSafely(s, out), spec.pressAfterS(), TimeUnit.SECONDS);
        out.line("%s will press in %d s", spec.id(), spec.pressAfterS());
      }
      long tickMs = Math.round(tickSeconds * 1000);
      if (progressSeconds > 0) {
        long started = System.nanoTime();
        clock.scheduleAtFixedRate(
            () -> out.progress((System.nanoTime() - started) / 1_000_000_000L),
            progressSeconds,
            progressSeconds,
            TimeUnit.SECONDS);
      }
      clock.scheduleAtFixedRate(() -> tickAll(units, out), 0, tickMs, TimeUnit.MILLISECONDS);
      clock.scheduleAtFixedRate(
          () -> survivors.forEach(SimulatedSurvivor::keepConnected), 1, 1, TimeUnit.SECONDS);
      if (durationSeconds > 0) {
        Thread.sleep(durationSeconds * 1000);
      } else {
        Thread.currentThread().join();
      }
      return 0;
    } finally {
      // No interrupt: let a report in progress finish before its client is closed under it.
      clock.shutdown();
      clock.awaitTermination(5, TimeUnit.SECONDS);
      for (SimulatedUnit u : units) {
        u.close();
      }
      for (SimulatedSurvivor s : survivors) {
        s.close();
      }
    }
  }

  private static void tickAll(List<SimulatedUnit> units, SimulatorOutput out) {
    for (SimulatedUnit u : units) {
      try {
        u.tick();
      } catch (MqttException e) {
        out.print("position report failed: %s", e.getMessage());
      }
    }
  }

  private static void pressSafely(SimulatedSurvivor s, SimulatorOutput out) {
    try {
      s.press();
    } catch (MqttException e) {
      out.print("press failed: %s", e.getMessage());
    }
  }
}
