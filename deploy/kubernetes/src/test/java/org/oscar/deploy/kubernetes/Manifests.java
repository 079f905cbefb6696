package org.oscar.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every Kubernetes object in {@code deploy/kubernetes/manifests}, in file order, and the secrets
 * template beside it (validated and referred to like the rest, but not in the folder that is
 * applied).
 */
final class Manifests {
  static final Path DIR = Path.of("manifests");
  static final Path SECRETS_TEMPLATE = Path.of("secrets.example.yaml");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Manifests() {}

  /** One object of a manifest file. */
  record Manifest(Path file, int index, ObjectNode object) {
    String kind() {
      return object.path("kind").asText();
    }

    String apiVersion() {
      return object.path("apiVersion").asText();
    }

    String name() {
      return object.path("metadata").path("name").asText();
    }

    @Override
    public String toString() {
      return file.getFileName() + "#" + index + " " + kind() + "/" + name();
    }
  }

  static List<Manifest> all() {
    List<Manifest> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      List<Path> yaml =
          new ArrayList<>(files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
      yaml.add(SECRETS_TEMPLATE);
      for (Path file : yaml) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
          int index = 0;
          for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
            JsonNode doc = it.next();
            if (doc != null && doc.isObject() && !doc.isEmpty()) {
              all.add(new Manifest(file, index++, (ObjectNode) doc));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  static List<Manifest> ofKind(String kind) {
    return all().stream().filter(m -> m.kind().equals(kind)).toList();
  }

  static Optional<Manifest> find(String kind, String name) {
    return ofKind(kind).stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** Pod templates of the workloads, with the workload they belong to. */
  static List<PodTemplate> podTemplates() {
    List<PodTemplate> pods = new ArrayList<>();
    for (Manifest m : all()) {
      JsonNode template =
          switch (m.kind()) {
            case "Deployment", "StatefulSet" -> m.object().path("spec").path("template");
            case "FlinkDeployment" -> m.object().path("spec").path("podTemplate");
            default -> null;
          };
      if (template != null && !template.isMissingNode()) {
        pods.add(new PodTemplate(m, template));
      }
    }
    return pods;
  }

  /** A workload's pod template: its labels and containers (init containers included). */
  record PodTemplate(Manifest owner, JsonNode template) {
    JsonNode labels() {
      return template.path("metadata").path("labels");
    }

    List<JsonNode> containers() {
      List<JsonNode> all = new ArrayList<>();
      template.path("spec").path("initContainers").forEach(all::add);
      template.path("spec").path("containers").forEach(all::add);
      return all;
    }

    JsonNode volumes() {
      return template.path("spec").path("volumes");
    }
  }
}
