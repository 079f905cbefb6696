package org.oscar.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The JSON schema of each kind of object the manifests use.
 *
 * <p>Kubernetes' own kinds: the validation schemas the fabric8 Kubernetes model publishes in its
 * jars (generated from Kubernetes' OpenAPI). They leave every object open to unknown fields (for
 * their Java classes' catch-all map) and mark required fields the draft-3 way; here objects are
 * closed (a misspelt field is an error, as {@code kubectl apply} with strict field validation makes
 * it), required fields become draft-7 {@code required} lists, and quantities and int-or-string
 * values take their YAML forms.
 *
 * <p>{@code FlinkDeployment}: the CRD's {@code openAPIV3Schema} from the Flink Kubernetes
 * Operator's API jar, closed the same way except where the CRD keeps unknown fields. The newest
 * operator API on Maven Central here is 1.10.0, whose {@code flinkVersion} enumeration ends at
 * {@code v1_20}; the operator releases that run Flink 2.x add {@code v2_0}, {@code v2_1} and {@code
 * v2_2}, and so does this schema.
 */
final class KubernetesSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  private static final List<String> API_FIELDS = List.of("apiVersion", "kind");
  static final List<String> FLINK_2_VERSIONS = List.of("v2_0", "v2_1", "v2_2", "v2_3");

  private final ObjectNode kubernetesDefinitions;
  private final ObjectNode flinkDeployment;

  KubernetesSchemas() {
    kubernetesDefinitions = JsonNodeFactory.instance.objectNode();
    for (URL url : resources("schema/validation-schema.json")) {
      JsonNode schema = read(url, JSON);
      schema
          .path("definitions")
          .fields()
          .forEachRemaining(e -> kubernetesDefinitions.set(e.getKey(), e.getValue()));
    }
    kubernetesDefinitions.fields().forEachRemaining(e -> closeFabric8((ObjectNode) e.getValue()));
    kubernetesDefinitions.set(
        "k8s_io_apimachinery_pkg_api_resource_Quantity", type("string", "number"));
    kubernetesDefinitions.set(
        "kubernetes_apimachinery_pkg_util_intstr_IntOrString", type("string", "integer"));
    flinkDeployment = flinkDeploymentSchema();
  }

  /** The schema of a kind at an API version, or empty if the project does not know it. */
  Optional<JsonSchema> of(String apiVersion, String kind) {
    if (apiVersion.equals("flink.apache.org/v1beta1") && kind.equals("FlinkDeployment")) {
      return Optional.of(FACTORY.getSchema(flinkDeployment));
    }
    String group =
        switch (apiVersion) {
          case "v1" -> "kubernetes_core_";
          case "apps/v1" -> "kubernetes_apps_";
          case "rbac.authorization.k8s.io/v1" -> "kubernetes_rbac_v1_";
          default -> null;
        };
    if (group == null || !kubernetesDefinitions.has(group + kind)) {
      return Optional.empty();
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("$ref", "#/definitions/" + group + kind);
    root.set("definitions", kubernetesDefinitions);
    return Optional.of(FACTORY.getSchema(root));
  }

  private static ObjectNode flinkDeploymentSchema() {
    URL crd =
        resources("META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml").stream()
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("FlinkDeployment CRD not on the classpath"));
    JsonNode versions = read(crd, Manifests.YAML).path("spec").path("versions");
    for (JsonNode version : versions) {
      if (version.path("name").asText().equals("v1beta1")) {
        ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
        closeCrd(schema);
        // The API server handles these fields of every object; a CRD's schema leaves them out.
        ObjectNode properties = (ObjectNode) schema.get("properties");
        properties.set("apiVersion", type("string"));
        properties.set("kind", type("string"));
        properties.set("metadata", type("object"));
        ArrayNode flinkVersions =
            (ArrayNode) schema.at("/properties/spec/properties/flinkVersion/enum");
        FLINK_2_VERSIONS.forEach(flinkVersions::add);
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        return schema;
      }
    }
    throw new IllegalStateException("the CRD has no v1beta1 version");
  }

  /** fabric8 schemas: closed objects, draft-7 required lists, no Java code-generation hints. */
  private static void closeFabric8(ObjectNode node) {
    node.remove(
        List.of(
            "existingJavaType",
            "javaType",
            "javaInterfaces",
            "javaOmitEmpty",
            "javaEnumNames",
            "default"));
    JsonNode properties = node.get("properties");
    if (properties instanceof ObjectNode props) {
      ArrayNode required = JsonNodeFactory.instance.arrayNode();
      props
          .fields()
          .forEachRemaining(
              e -> {
                ObjectNode property = (ObjectNode) e.getValue();
                // apiVersion and kind are marked required on every object, embedded ones too; the
                // API server asks for them only at the top, where the lookup of the schema needs
                // them.
                if (property.path("required").asBoolean(false)
                    && !API_FIELDS.contains(e.getKey())) {
                  required.add(e.getKey());
                }
                property.remove("required");
                closeFabric8(property);
              });
      if (!required.isEmpty()) {
        node.set("required", required);
      }
      if (node.path("additionalProperties").isBoolean()) {
        node.put("additionalProperties", false);
      }
    }
    children(node).forEach(KubernetesSchemas::closeFabric8);
  }

  /**
   * CRD schemas: closed unless the CRD preserves unknown fields; Kubernetes' extensions removed.
   */
  private static void closeCrd(ObjectNode node) {
    boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    List<String> extensions = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (f.startsWith("x-kubernetes-") || f.equals("nullable")) extensions.add(f);
            });
    node.remove(extensions);
    if (node.has("properties") && !node.has("additionalProperties") && !preserve) {
      node.put("additionalProperties", false);
    }
    JsonNode properties = node.get("properties");
    if (properties instanceof ObjectNode props) {
      props.fields().forEachRemaining(e -> closeCrd((ObjectNode) e.getValue()));
    }
    children(node).forEach(KubernetesSchemas::closeCrd);
  }

  /** Sub-schemas other than {@code properties}: items, map values, alternatives. */
  private static List<ObjectNode> children(ObjectNode node) {
    List<ObjectNode> children = new ArrayList<>();
    for (String key : List.of("items", "additionalProperties")) {
      if (node.get(key) instanceof ObjectNode child) {
        children.add(child);
      }
    }
    for (String key : List.of("anyOf", "oneOf", "allOf")) {
      if (node.get(key) instanceof ArrayNode alternatives) {
        alternatives.forEach(
            a -> {
              if (a instanceof ObjectNode o) children.add(o);
            });
      }
    }
    return children;
  }

  private static ObjectNode type(String... types) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode array = node.putArray("type");
    for (String t : types) {
      array.add(t);
    }
    return node;
  }

  private static List<URL> resources(String name) {
    try {
      return Collections.list(KubernetesSchemas.class.getClassLoader().getResources(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(URL url, ObjectMapper mapper) {
    try (InputStream in = url.openStream()) {
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }
}
