package com.etitle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The Kubernetes manifests of {@code k8s/} (with the Secret templates of {@code k8s/secrets/}) read into the fabric8
 * Kubernetes model, one typed object per YAML document, the way {@code kubectl apply} would take them.
 */
public final class Manifests {

    /** The kinds an operator applies from {@code k8s/}; any other apiVersion and kind is refused. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private static final YAMLMapper YAML = new YAMLMapper();

    /** One manifest and the file it came from. */
    public record Manifest(Path file, HasMetadata resource) {
    }

    private final List<Manifest> manifests;

    private Manifests(List<Manifest> manifests) {
        this.manifests = manifests;
    }

    /** Every YAML document under {@code k8s/} of the project, sub-folders included. */
    public static Manifests ofProject() {
        return read(Path.of("k8s"));
    }

    public static Manifests read(Path folder) {
        List<Manifest> read = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                for (JsonNode document : documents(file)) {
                    String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                    Class<? extends HasMetadata> type = KINDS.get(key);
                    assertThat(type).as("%s: a manifest of a kind the service's manifests do not use: %s", file, key).isNotNull();
                    read.add(new Manifest(file, YAML.treeToValue(document, type)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(read);
    }

    /** The YAML documents of a file, blank ones (a trailing "---") left out. */
    public static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
        }
        return documents;
    }

    public List<Manifest> all() {
        return manifests;
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    /** The only manifest of a kind; fails when there is none or more than one. */
    public <T extends HasMetadata> T one(Class<T> type) {
        List<T> all = all(type);
        assertThat(all).as("manifests of kind %s", type.getSimpleName()).hasSize(1);
        return all.get(0);
    }

    public <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }
}
