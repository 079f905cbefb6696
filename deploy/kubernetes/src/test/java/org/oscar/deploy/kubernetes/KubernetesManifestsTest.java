package org.oscar.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.oscar.alert.config.ApiConfig;
import org.oscar.contract.config.Settings.Option;
import org.oscar.deploy.kubernetes.Manifests.Manifest;
import org.oscar.deploy.kubernetes.Manifests.PodTemplate;
import org.oscar.gateway.ais140.Ais140GatewayMain;
import org.oscar.stream.job.JobConfig;
import picocli.CommandLine;

/**
 * The Kubernetes manifests, checked without a cluster (none is reachable from the build): each
 * object against its kind's schema, then what a schema cannot see — references between objects and
 * to the settings each component really reads.
 */
class KubernetesManifestsTest {
  private static KubernetesSchemas schemas;

  @BeforeAll
  static void loadSchemas() {
    schemas = new KubernetesSchemas();
  }

  static Stream<Manifest> manifests() {
    return Manifests.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void everyObjectIsValidAgainstItsKindsSchema(Manifest manifest) {
    var schema = schemas.of(manifest.apiVersion(), manifest.kind());
    assertThat(schema).as("a schema for %s %s", manifest.apiVersion(), manifest.kind()).isPresent();
    assertThat(schema.get().validate(manifest.object())).as(manifest.toString()).isEmpty();
  }

  @Test
  void aMisspeltFieldOrAWrongTypeIsCaught() {
    Manifest deployment = Manifests.find("Deployment", "alert-api").orElseThrow();
    ObjectNode typo = deployment.object().deepCopy();
    ((ObjectNode) typo.get("spec")).set("replica", typo.get("spec").get("replicas"));
    ((ObjectNode) typo.get("spec")).remove("replicas");
    assertThat(errors(deployment, typo)).anyMatch(m -> m.getMessage().contains("replica"));

    ObjectNode wrongType = deployment.object().deepCopy();
    ((ObjectNode) wrongType.get("spec")).put("replicas", "two");
    assertThat(errors(deployment, wrongType)).isNotEmpty();

    Manifest flink = Manifests.find("FlinkDeployment", "oscar-dispatch").orElseThrow();
    ObjectNode badFlink = flink.object().deepCopy();
    ((ObjectNode) badFlink.at("/spec/job")).put("upgradeMode", "sometimes");
    ((ObjectNode) badFlink.at("/spec/taskManager")).put("replica", 2);
    assertThat(errors(flink, badFlink)).hasSizeGreaterThanOrEqualTo(2);

    ObjectNode badPod = flink.object().deepCopy();
    ((ObjectNode) badPod.at("/spec/podTemplate/spec/containers/0"))
        .set("envFromm", badPod.at("/spec/podTemplate/spec/containers/0/envFrom"));
    assertThat(errors(flink, badPod)).anyMatch(m -> m.getMessage().contains("envFromm"));

    ObjectNode oldFlink = flink.object().deepCopy();
    ((ObjectNode) oldFlink.get("spec")).put("flinkVersion", "v3_0");
    assertThat(errors(flink, oldFlink)).isNotEmpty();
  }

  @Test
  void everyObjectIsInTheOscarNamespaceAndLabelledAsPartOfIt() {
    for (Manifest m : Manifests.all()) {
      assertThat(m.object().at("/metadata/labels/app.kubernetes.io~1part-of").asText())
          .as(m.toString())
          .isEqualTo("oscar");
      if (!m.kind().equals("Namespace")) {
        assertThat(m.object().at("/metadata/namespace").asText())
            .as(m.toString())
            .isEqualTo("oscar");
      }
    }
  }

  @Test
  void everySecretConfigMapAndVolumeClaimReferencedExistsWithTheKey() {
    List<String> missing = new ArrayList<>();
    for (PodTemplate pod : Manifests.podTemplates()) {
      for (JsonNode container : pod.containers()) {
        for (JsonNode env : container.path("env")) {
          JsonNode from = env.path("valueFrom");
          check(missing, pod, "Secret", from.path("secretKeyRef"), "stringData");
          check(missing, pod, "ConfigMap", from.path("configMapKeyRef"), "data");
        }
        for (JsonNode envFrom : container.path("envFrom")) {
          for (String kind : List.of("ConfigMap", "Secret")) {
            String ref =
                envFrom
                    .path(kind.equals("Secret") ? "secretRef" : "configMapRef")
                    .path("name")
                    .asText();
            if (!ref.isEmpty() && Manifests.find(kind, ref).isEmpty()) {
              missing.add(pod.owner() + ": " + kind + " " + ref);
            }
          }
        }
      }
      for (JsonNode volume : pod.volumes()) {
        exists(missing, pod, "Secret", volume.path("secret").path("secretName").asText());
        exists(missing, pod, "ConfigMap", volume.path("configMap").path("name").asText());
        exists(
            missing,
            pod,
            "PersistentVolumeClaim",
            volume.path("persistentVolumeClaim").path("claimName").asText());
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyServiceSelectsAWorkloadsPodsAndItsNamedPorts() {
    for (Manifest service : Manifests.ofKind("Service")) {
      JsonNode selector = service.object().at("/spec/selector");
      List<PodTemplate> selected =
          Manifests.podTemplates().stream().filter(pod -> selects(selector, pod.labels())).toList();
      assertThat(selected).as("pods selected by %s", service).hasSize(1);
      Set<String> ports = new HashSet<>();
      for (JsonNode container : selected.get(0).containers()) {
        container.path("ports").forEach(p -> ports.add(p.path("name").asText()));
        container.path("ports").forEach(p -> ports.add(p.path("containerPort").asText()));
      }
      for (JsonNode port : service.object().at("/spec/ports")) {
        assertThat(ports).as("%s targetPort", service).contains(port.path("targetPort").asText());
      }
    }
  }

  @Test
  void containersSetOnlySettingsTheirComponentReads() {
    Set<String> api = names(ApiConfig.OPTIONS);
    Set<String> job = names(JobConfig.OPTIONS);
    for (PodTemplate pod : Manifests.podTemplates()) {
      for (JsonNode container : pod.containers()) {
        String image = container.path("image").asText();
        Set<String> known =
            switch (pod.owner().name()) {
              case "alert-api" -> api;
              case "oscar-dispatch" -> job;
              case "ais140-gateway" -> Set.of("OSCAR_AIS140_MQTT_PASSWORD", "OSCAR_REDIS_PASSWORD");
              default -> null;
            };
        if (known == null) {
          continue; // third-party images (Mosquitto, Redis) take their own variables
        }
        for (JsonNode env : container.path("env")) {
          assertThat(known)
              .as("%s (%s) sets %s", pod.owner(), image, env.path("name").asText())
              .contains(env.path("name").asText());
        }
      }
    }
    // The shared ConfigMap holds only settings some component reads.
    Set<String> all = new HashSet<>(api);
    all.addAll(job);
    Manifests.find("ConfigMap", "oscar-config")
        .orElseThrow()
        .object()
        .path("data")
        .fieldNames()
        .forEachRemaining(key -> assertThat(all).as("oscar-config key").contains(key));
  }

  @Test
  void theGatewaysArgumentsAreOptionsItAccepts() {
    JsonNode container =
        Manifests.podTemplates().stream()
            .filter(p -> p.owner().name().equals("ais140-gateway"))
            .findFirst()
            .orElseThrow()
            .containers()
            .get(0);
    List<String> args = new ArrayList<>();
    container.path("args").forEach(a -> args.add(a.asText()));
    assertThat(args).isNotEmpty();
    // picocli refuses unknown options and bad values, as the gateway does at start-up.
    CommandLine.ParseResult parsed =
        new CommandLine(new Ais140GatewayMain()).parseArgs(args.toArray(String[]::new));
    assertThat(parsed.matchedOptions()).hasSameSizeAs(args);
  }

  @Test
  void theFlinkConfigurationNamesRealFlinkOptions() throws Exception {
    Set<String> known = flinkOptionKeys();
    JsonNode conf =
        Manifests.find("FlinkDeployment", "oscar-dispatch")
            .orElseThrow()
            .object()
            .at("/spec/flinkConfiguration");
    List<String> unknown = new ArrayList<>();
    conf.fieldNames()
        .forEachRemaining(
            key -> {
              // Reporter settings are per reporter name, not fixed options.
              if (!key.startsWith("metrics.reporter.") && !known.contains(key)) {
                unknown.add(key);
              }
            });
    assertThat(known).hasSizeGreaterThan(100);
    assertThat(unknown)
        .as(
            "not options of Flink %s (or only deprecated names)",
            org.apache.flink.runtime.util.EnvironmentInformation.getVersion())
        .isEmpty();
  }

  /** Current keys (not deprecated ones) of Flink's option classes the job's configuration uses. */
  private static Set<String> flinkOptionKeys() throws Exception {
    Set<String> keys = new HashSet<>();
    for (String cls :
        List.of(
            "org.apache.flink.configuration.CheckpointingOptions",
            "org.apache.flink.configuration.StateBackendOptions",
            "org.apache.flink.configuration.HighAvailabilityOptions",
            "org.apache.flink.configuration.HeartbeatManagerOptions",
            "org.apache.flink.configuration.RestartStrategyOptions",
            "org.apache.flink.configuration.TaskManagerOptions",
            "org.apache.flink.configuration.ClusterOptions",
            "org.apache.flink.configuration.PipelineOptions",
            "org.apache.flink.configuration.ExecutionOptions",
            "org.apache.flink.configuration.StateRecoveryOptions",
            "org.apache.flink.configuration.JobManagerOptions",
            "org.apache.flink.configuration.MetricOptions")) {
      for (Field f : Class.forName(cls).getFields()) {
        if (Modifier.isStatic(f.getModifiers())
            && ConfigOption.class.isAssignableFrom(f.getType())
            && !f.isAnnotationPresent(Deprecated.class)) {
          keys.add(((ConfigOption<?>) f.get(null)).key());
        }
      }
    }
    return keys;
  }

  private static Set<String> names(List<Option> options) {
    Set<String> names = new HashSet<>();
    options.forEach(o -> names.add(o.name()));
    return names;
  }

  private static boolean selects(JsonNode selector, JsonNode labels) {
    if (selector.isMissingNode() || selector.isEmpty()) {
      return false;
    }
    var it = selector.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!labels.path(e.getKey()).asText().equals(e.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  private static void check(
      List<String> missing, PodTemplate pod, String kind, JsonNode ref, String dataField) {
    if (ref.isMissingNode()) {
      return;
    }
    String name = ref.path("name").asText();
    String key = ref.path("key").asText();
    var target = Manifests.find(kind, name);
    if (target.isEmpty()) {
      missing.add(pod.owner() + ": " + kind + " " + name);
    } else if (!target.get().object().path(dataField).has(key)
        && !target.get().object().path("data").has(key)) {
      missing.add(pod.owner() + ": " + kind + " " + name + " key " + key);
    }
  }

  private static void exists(List<String> missing, PodTemplate pod, String kind, String name) {
    if (!name.isEmpty() && Manifests.find(kind, name).isEmpty()) {
      missing.add(pod.owner() + ": " + kind + " " + name);
    }
  }

  private static Set<ValidationMessage> errors(Manifest kind, JsonNode object) {
    return schemas.of(kind.apiVersion(), kind.kind()).orElseThrow().validate(object);
  }
}
