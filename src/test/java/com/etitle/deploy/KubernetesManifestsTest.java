package com.etitle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.etitle.support.ContainerImage;
import com.etitle.support.Manifests;
import com.etitle.support.Routes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * What an operator applies from {@code k8s/}, read into the Kubernetes object model (fabric8) and held to what the
 * service needs: non-root on a read-only root with only /tmp writable, probes on the health endpoints it serves,
 * resources and a heap that fits them, spread and autoscaled replicas whose database connections fit PostgreSQL, TLS at
 * the ingress for the public URL with a path for each of the service's public routes and none for its metrics or
 * health, pods Prometheus is told to scrape, a network policy that lets in only the ingress controller and Prometheus,
 * and no name (ConfigMap, Secret, key, environment variable) that points at nothing.
 */
class KubernetesManifestsTest {

    private static final Manifests K8S = Manifests.ofProject();
    private static final ContainerImage IMAGE = ContainerImage.ofProject();

    /** The health endpoints of SmallRye Health in Quarkus 3, which the service serves under the default /q root. */
    private static final String STARTED = "/q/health/started";
    private static final String READY = "/q/health/ready";
    private static final String LIVE = "/q/health/live";
    /** Quarkus' Prometheus endpoint, for the cluster's Prometheus only. */
    private static final String METRICS = "/q/metrics";
    /** Quarkus' own endpoints the service publishes: the OpenAPI contract, also as a file, and its explorer. */
    private static final List<String> QUARKUS_PUBLIC = List.of("/q/openapi", "/q/openapi.json", "/q/openapi.yaml", "/q/swagger-ui/");
    /** Routes of the build no one outside reaches: the bench's yardstick exists only with etitle.bench.routes=true. */
    private static final List<String> NOT_PUBLIC = List.of("/bench/");
    /** What the Ingress must not publish: metrics, health, Quarkus' other endpoints, the bench's route, the whole host. */
    private static final List<String> INTERNAL = List.of(METRICS, METRICS + "/", "/q/health", STARTED, READY, LIVE, "/q/health/well",
            "/q", "/q/", "/q/dev-ui", "/q/info", "/bench/certificate-row/1", "/", "/anything-else");
    /** Environment variables the JVM itself reads: options and the locale, not the service's configuration. */
    private static final Set<String> JVM_VARIABLES = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "LANG", "LC_ALL");
    /** What is not heap in the service's JVM (classes, JIT code, threads, HTTP buffers): the heap must leave this free. */
    private static final long NON_HEAP_BYTES = 384L << 20;
    /**
     * Connections of all replicas together that docs/operations.md asks PostgreSQL's max_connections to allow for the
     * service (beside PostgreSQL's own reserve).
     */
    private static final int POSTGRES_CONNECTIONS = 150;
    /** What one replica holds besides its JDBC pool: the register listener's connection. */
    private static final int LISTENER_CONNECTIONS = 1;
    /** Files every authority's folder of keys must hold, besides at least one credential signing key v<N>. */
    private static final List<String> AUTHORITY_FILES = List.of("document-signing.p12", "seal.p12", "seal.esl");
    private static final Pattern SIGNING_KEY_FILE = Pattern.compile("v[1-9][0-9]{0,5}\\.(pem|p12)");

    @Test
    void every_manifest_is_a_kubernetes_object_with_no_field_kubernetes_does_not_know() {
        assertThat(K8S.all()).isNotEmpty();
        for (Manifests.Manifest manifest : K8S.all()) {
            List<String> unknown = new ArrayList<>();
            unknownFields(manifest.resource(), manifest.resource().getKind(), unknown);
            assertThat(unknown).as("fields of %s that its kind does not have (misspelt or misplaced)", manifest.file()).isEmpty();
            assertThat(manifest.resource().getMetadata().getName()).as("%s has a name", manifest.file()).isNotBlank();
            assertThat(manifest.resource().getMetadata().getLabels()).as("%s %s is labelled as the service's", manifest.file(),
                    manifest.resource().getMetadata().getName()).containsEntry("app.kubernetes.io/name", "etitle");
        }
        K8S.one(Deployment.class);
        K8S.one(Service.class);
        K8S.one(Ingress.class);
        K8S.one(HorizontalPodAutoscaler.class);
        K8S.one(PodDisruptionBudget.class);
        K8S.one(NetworkPolicy.class);
    }

    @Test
    void the_pods_run_as_the_images_non_root_user_with_no_privilege_and_a_read_only_root() {
        PodSpec pod = pod();
        PodSecurityContext podContext = pod.getSecurityContext();
        assertThat(podContext.getRunAsNonRoot()).isTrue();
        assertThat(podContext.getRunAsUser()).as("the image's user").isEqualTo(IMAGE.uid()).isNotZero();
        assertThat(podContext.getRunAsGroup()).isEqualTo(IMAGE.gid());
        assertThat(podContext.getFsGroup()).as("the group the mounted keys are readable by").isEqualTo(IMAGE.gid());
        assertThat(podContext.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).as("no Kubernetes API token in the pods").isFalse();
        assertThat(pod.getEnableServiceLinks()).as("no ETITLE_SERVICE_HOST … from the Service named etitle").isFalse();
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);

        for (Container container : pod.getContainers()) {
            SecurityContext context = container.getSecurityContext();
            assertThat(context.getRunAsNonRoot()).isTrue();
            assertThat(context.getAllowPrivilegeEscalation()).isFalse();
            assertThat(context.getReadOnlyRootFilesystem()).isTrue();
            assertThat(context.getPrivileged()).isNotEqualTo(Boolean.TRUE);
            assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
            assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(context.getRunAsUser()).as("the pod's user, not another").isIn(null, IMAGE.uid());
        }
    }

    @Test
    void only_tmp_is_writable_an_empty_dir_of_bounded_size_that_the_image_makes_its_temporary_folder() {
        Container container = container();
        Map<String, Volume> volumes = volumes();
        List<VolumeMount> writable = container.getVolumeMounts().stream().filter(m -> !Boolean.TRUE.equals(m.getReadOnly())).toList();
        assertThat(writable).as("writable mounts").extracting(VolumeMount::getMountPath).containsExactly("/tmp");
        Volume tmp = volumes.get(writable.get(0).getName());
        assertThat(tmp.getEmptyDir()).as("/tmp is an emptyDir").isNotNull();
        assertThat(tmp.getEmptyDir().getSizeLimit()).as("a bounded one").isNotNull();
        assertThat(IMAGE.entrypoint()).as("the image's command keeps temporary files and caches in /tmp")
                .contains("-Djava.io.tmpdir=/tmp", "-Dpdfbox.fontcache=/tmp");
        assertThat(container.getWorkingDir()).as("the image's working directory").isIn(null, IMAGE.workdir());
        VolumeMount authorities = mountOf(container, volumes, v -> v.getConfigMap() != null
                && v.getConfigMap().getName().equals("etitle-authorities"));
        assertThat(authorities.getMountPath()).as("where Quarkus reads config/application.properties")
                .isEqualTo(IMAGE.workdir() + "/config");
    }

    @Test
    void the_probes_ask_the_health_endpoints_the_service_serves_on_its_http_port() {
        Container container = container();
        assertThat(path(container.getStartupProbe())).isEqualTo(STARTED);
        assertThat(path(container.getReadinessProbe())).isEqualTo(READY);
        assertThat(path(container.getLivenessProbe())).as("liveness never asks the database").isEqualTo(LIVE);
        for (Probe probe : List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
        assertThat(container.getPorts()).as("the http port is the service's (quarkus.http.port, the image's EXPOSE)")
                .anySatisfy(p -> {
                    assertThat(p.getName()).isEqualTo("http");
                    assertThat(p.getContainerPort()).isEqualTo(8080);
                    assertThat(IMAGE.exposed()).contains(String.valueOf(p.getContainerPort()));
                });
        Probe startup = container.getStartupProbe();
        assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).as("seconds a first start (migrations) may take")
                .isGreaterThanOrEqualTo(120);
    }

    @Test
    void cpu_and_memory_are_requested_and_limited_and_the_heap_leaves_room_within_the_memory_limit() {
        Container container = container();
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        long memoryLimit = bytes(limits.get("memory"));
        assertThat(bytes(requests.get("memory"))).as("a JVM keeps the memory it took: request what it is limited to")
                .isEqualTo(memoryLimit);
        assertThat(Quantity.getAmountInBytes(requests.get("cpu"))).isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get("cpu")));

        String options = env(container).get("JDK_JAVA_OPTIONS");
        assertThat(options).as("JVM options set by the Deployment").isNotNull().contains("-XX:+ExitOnOutOfMemoryError");
        long heap = maxHeap(options, memoryLimit);
        assertThat(heap).as("maximum heap for a %d MiB limit", memoryLimit >> 20).isLessThanOrEqualTo(memoryLimit - NON_HEAP_BYTES)
                .isGreaterThanOrEqualTo(256L << 20);
    }

    @Test
    void replicas_spread_over_nodes_scale_on_cpu_and_are_disrupted_one_at_a_time() {
        Deployment deployment = K8S.one(Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(deployment.getSpec().getReplicas()).as("the autoscaler owns the replica count").isNull();
        assertThat(selects(deployment.getSpec().getSelector(), podLabels)).isTrue();
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();

        List<TopologySpreadConstraint> spread = pod().getTopologySpreadConstraints();
        assertThat(spread).as("replicas spread over nodes").anySatisfy(c -> {
            assertThat(c.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(c.getMaxSkew()).isEqualTo(1);
            assertThat(selects(c.getLabelSelector(), podLabels)).isTrue();
        });

        HorizontalPodAutoscaler hpa = K8S.one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).as("several replicas at all times").isGreaterThanOrEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(m -> {
            assertThat(m.getType()).isEqualTo("Resource");
            assertThat(m.getResource().getName()).isEqualTo("cpu");
            assertThat(m.getResource().getTarget().getType()).isEqualTo("Utilization");
            assertThat(m.getResource().getTarget().getAverageUtilization()).isBetween(50, 90);
        });
        assertThat(container().getResources().getRequests()).as("CPU utilisation is a share of the CPU requested").containsKey("cpu");

        PodDisruptionBudget pdb = K8S.one(PodDisruptionBudget.class);
        assertThat(selects(pdb.getSpec().getSelector(), podLabels)).isTrue();
        assertThat(pdb.getSpec().getMaxUnavailable()).as("one replica at a time").isEqualTo(new IntOrString(1));

        Service service = K8S.one(Service.class);
        assertThat(service.getSpec().getSelector()).isEqualTo(podLabels);
        assertThat(service.getSpec().getPorts()).allSatisfy(p -> assertThat(containerPortNamed(p.getTargetPort())).isTrue());
    }

    @Test
    void the_database_connections_of_all_replicas_fit_what_postgres_is_asked_to_allow() {
        Map<String, String> settings = settings();
        Properties defaults = applicationProperties();
        int pool = Integer.parseInt(settings.getOrDefault("QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
                defaults.getProperty("quarkus.datasource.jdbc.max-size")));
        int nonBlocking = Integer.parseInt(settings.getOrDefault("ETITLE_VERIFICATION_NON_BLOCKING_POOL_SIZE", "8"));
        HorizontalPodAutoscaler hpa = K8S.one(HorizontalPodAutoscaler.class);
        IntOrString surge = K8S.one(Deployment.class).getSpec().getStrategy().getRollingUpdate().getMaxSurge();
        int replicas = hpa.getSpec().getMaxReplicas() + surge.getIntVal();
        int connections = replicas * (pool + LISTENER_CONNECTIONS + nonBlocking);
        assertThat(connections).as("%d replicas (the autoscaler's maximum and a rollout's surge) x (%d pooled + %d listener + %d"
                + " non-blocking)", replicas, pool, LISTENER_CONNECTIONS, nonBlocking).isLessThanOrEqualTo(POSTGRES_CONNECTIONS);
    }

    @Test
    void the_ingress_serves_the_public_url_over_tls_only_and_the_service_sends_hsts() {
        Ingress ingress = K8S.one(Ingress.class);
        URI publicUrl = URI.create(settings().get("ETITLE_PUBLIC_URL"));
        assertThat(publicUrl.getScheme()).isEqualTo("https");
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).as("the public URL's host").isEqualTo(publicUrl.getHost());
            assertThat(rule.getHttp().getPaths()).allSatisfy(p -> assertThat(backendIsTheService(p.getBackend())).isTrue());
        });
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly(publicUrl.getHost());
            Optional<Secret> certificate = K8S.named(Secret.class, tls.getSecretName());
            assertThat(certificate).as("the TLS Secret %s", tls.getSecretName()).isPresent();
            assertThat(certificate.get().getType()).isEqualTo("kubernetes.io/tls");
            assertThat(keys(certificate.get())).contains("tls.crt", "tls.key");
        });
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/force-ssl-redirect", "true")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size",
                        applicationProperties().getProperty("quarkus.http.limits.max-body-size").toLowerCase());
        assertThat(annotations.keySet()).as("snippets, which clusters often disallow").noneMatch(k -> k.endsWith("-snippet"));
        String hsts = applicationProperties().getProperty("quarkus.http.header.\"Strict-Transport-Security\".value");
        assertThat(hsts).as("HSTS sent by the service").isNotNull();
        Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(hsts);
        assertThat(maxAge.find()).isTrue();
        assertThat(Long.parseLong(maxAge.group(1))).as("at least a year").isGreaterThanOrEqualTo(31_536_000L);
    }

    @Test
    void the_ingress_publishes_every_route_the_service_serves_to_the_world_and_neither_metrics_nor_health() {
        List<HTTPIngressPath> paths = K8S.one(Ingress.class).getSpec().getRules().get(0).getHttp().getPaths();
        assertThat(paths).extracting(HTTPIngressPath::getPathType).as("paths Kubernetes defines the matching of")
                .allMatch(type -> type.equals("Exact") || type.equals("Prefix"));

        Set<String> routes = new TreeSet<>();
        routes.addAll(Routes.resources());
        routes.addAll(Routes.files());
        routes.addAll(Routes.links());
        routes.addAll(QUARKUS_PUBLIC);
        routes.removeIf(route -> NOT_PUBLIC.stream().anyMatch(route::startsWith));
        assertThat(routes).as("found in the build").contains("/api/v1/verifications", "/verify", "/.well-known/jwks.json",
                "/vendor/jsqr-1.4.0.js", "/q/swagger-ui/", "/q/openapi");
        assertThat(routes.stream().filter(route -> paths.stream().noneMatch(p -> covers(p, route))).toList())
                .as("routes of the service no Ingress path publishes").isEmpty();

        assertThat(INTERNAL.stream().filter(route -> paths.stream().anyMatch(p -> covers(p, route))).toList())
                .as("published, but for the cluster only").isEmpty();
    }

    @Test
    void prometheus_is_told_to_scrape_each_pod_where_the_service_serves_its_metrics() {
        Map<String, String> annotations = K8S.one(Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true");
        assertThat(applicationProperties().getProperty("quarkus.micrometer.export.prometheus.path"))
                .as("Quarkus' default path, /q/metrics").isNull();
        assertThat(annotations).containsEntry("prometheus.io/path", METRICS);
        assertThat(container().getPorts()).as("the http port, which the network policy opens to Prometheus")
                .anySatisfy(p -> assertThat(String.valueOf(p.getContainerPort())).isEqualTo(annotations.get("prometheus.io/port")));
    }

    @Test
    void the_network_policy_lets_in_only_the_ingress_controller_and_prometheus_and_out_only_postgres_dns_and_the_identity_provider() {
        NetworkPolicy policy = K8S.one(NetworkPolicy.class);
        assertThat(selects(policy.getSpec().getPodSelector(), podLabels())).isTrue();
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");

        List<NetworkPolicyIngressRule> in = policy.getSpec().getIngress();
        assertThat(in).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.getFrom()).as("an ingress rule without peers admits everyone").isNotEmpty().allSatisfy(peer -> {
                assertThat(peer.getIpBlock()).isNull();
                // namespace and pods in one peer: those pods of that namespace, not any pod there nor any namespace's
                assertThat(peer.getNamespaceSelector().getMatchLabels()).containsKey("kubernetes.io/metadata.name");
                assertThat(peer.getPodSelector().getMatchLabels()).isNotEmpty();
            });
            assertThat(rule.getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getProtocol()).isEqualTo("TCP");
                assertThat(p.getPort()).isIn(new IntOrString(8080), new IntOrString("http"));
            });
        });
        assertThat(in.stream().flatMap(r -> r.getFrom().stream())
                .map(peer -> peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name") + "/"
                        + peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")))
                .as("the ingress controller, and Prometheus for the scrape the pods' annotations ask for")
                .containsExactlyInAnyOrder("ingress-nginx/ingress-nginx", "monitoring/prometheus");

        Map<String, String> settings = settings();
        URI database = URI.create(settings.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
        URI identityProvider = URI.create(settings.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        int databasePort = database.getPort() < 0 ? 5432 : database.getPort();
        int identityPort = identityProvider.getPort() < 0 ? 443 : identityProvider.getPort();
        List<NetworkPolicyEgressRule> out = policy.getSpec().getEgress();
        assertThat(out).as("every way out has peers and ports").allSatisfy(rule -> {
            assertThat(rule.getTo()).isNotEmpty();
            assertThat(rule.getPorts()).isNotEmpty();
        });
        assertThat(out.stream().flatMap(r -> r.getPorts().stream()).map(p -> p.getProtocol() + "/" + p.getPort().getIntVal()))
                .containsExactlyInAnyOrder("TCP/" + databasePort, "UDP/53", "TCP/53", "TCP/" + identityPort);
        assertThat(ruleWith(out, 53).getTo()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "kube-system");
            assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("k8s-app", "kube-dns");
        });
        assertThat(ruleWith(out, databasePort).getTo()).singleElement()
                .satisfies(peer -> assertThat(peer.getPodSelector() != null || peer.getIpBlock() != null).isTrue());
        assertThat(ruleWith(out, identityPort).getTo()).allSatisfy(this::isNarrow);
    }

    @Test
    void every_config_map_secret_and_key_the_manifests_name_is_in_the_manifests() {
        Container container = container();
        List<String> missing = new ArrayList<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null && K8S.named(ConfigMap.class, source.getConfigMapRef().getName()).isEmpty()) {
                missing.add("ConfigMap " + source.getConfigMapRef().getName());
            }
            if (source.getSecretRef() != null && K8S.named(Secret.class, source.getSecretRef().getName()).isEmpty()) {
                missing.add("Secret " + source.getSecretRef().getName());
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                continue;
            }
            var configKey = variable.getValueFrom().getConfigMapKeyRef();
            if (configKey != null && !K8S.named(ConfigMap.class, configKey.getName())
                    .map(c -> c.getData().containsKey(configKey.getKey())).orElse(false)) {
                missing.add("ConfigMap key " + configKey.getName() + "/" + configKey.getKey());
            }
            var secretKey = variable.getValueFrom().getSecretKeyRef();
            if (secretKey != null && !K8S.named(Secret.class, secretKey.getName()).map(s -> keys(s).contains(secretKey.getKey())).orElse(false)) {
                missing.add("Secret key " + secretKey.getName() + "/" + secretKey.getKey());
            }
        }
        for (Volume volume : pod().getVolumes()) {
            if (volume.getConfigMap() != null) {
                Optional<ConfigMap> map = K8S.named(ConfigMap.class, volume.getConfigMap().getName());
                if (map.isEmpty()) {
                    missing.add("ConfigMap " + volume.getConfigMap().getName());
                } else if (volume.getConfigMap().getItems() != null) {
                    volume.getConfigMap().getItems().stream().filter(i -> !map.get().getData().containsKey(i.getKey()))
                            .forEach(i -> missing.add("ConfigMap key " + map.get().getMetadata().getName() + "/" + i.getKey()));
                }
            }
            if (volume.getSecret() != null) {
                Optional<Secret> secret = K8S.named(Secret.class, volume.getSecret().getSecretName());
                if (secret.isEmpty()) {
                    missing.add("Secret " + volume.getSecret().getSecretName());
                } else if (volume.getSecret().getItems() != null) {
                    volume.getSecret().getItems().stream().filter(i -> !keys(secret.get()).contains(i.getKey()))
                            .forEach(i -> missing.add("Secret key " + secret.get().getMetadata().getName() + "/" + i.getKey()));
                }
            }
        }
        Set<String> volumeNames = volumes().keySet();
        container.getVolumeMounts().stream().filter(m -> !volumeNames.contains(m.getName()))
                .forEach(m -> missing.add("volume " + m.getName()));
        K8S.one(Ingress.class).getSpec().getTls().stream().filter(t -> K8S.named(Secret.class, t.getSecretName()).isEmpty())
                .forEach(t -> missing.add("Secret " + t.getSecretName()));
        assertThat(missing).as("named in the manifests but not in them").isEmpty();
    }

    @Test
    void every_authority_has_each_of_its_key_files_mounted_read_only_in_its_folder_of_the_keys_dir() {
        Set<String> authorities = authorities();
        assertThat(authorities).isNotEmpty();
        String keysDir = settings().get("ETITLE_KEYS_DIR");
        assertThat(keysDir).as("ETITLE_KEYS_DIR").isNotNull();
        assertThat(settings().getOrDefault("ETITLE_KEYS_GENERATE", "false")).as("keys are mounted, never generated").isEqualTo("false");
        Container container = container();
        Map<String, Volume> volumes = volumes();
        List<VolumeMount> keyMounts = container.getVolumeMounts().stream().filter(m -> m.getMountPath().startsWith(keysDir + "/"))
                .toList();
        assertThat(keyMounts).extracting(m -> m.getMountPath().substring(keysDir.length() + 1))
                .as("one folder per authority, and none for an authority not declared").containsExactlyInAnyOrderElementsOf(authorities);
        for (VolumeMount mount : keyMounts) {
            String code = mount.getMountPath().substring(keysDir.length() + 1);
            assertThat(mount.getReadOnly()).as("keys of %s read-only", code).isTrue();
            assertThat(mount.getSubPath()).as("a whole folder, so a rotation is seen without editing the Deployment").isNull();
            Volume volume = volumes.get(mount.getName());
            assertThat(volume.getSecret()).as("keys of %s from a Secret", code).isNotNull();
            assertThat(volume.getSecret().getItems()).as("every key of the Secret is a file").isNullOrEmpty();
            assertThat(volume.getSecret().getDefaultMode()).as("owner-only, made group-readable for fsGroup").isEqualTo(0400);
            Set<String> files = keys(K8S.named(Secret.class, volume.getSecret().getSecretName()).orElseThrow());
            assertThat(files).as("key files of %s", code).containsAll(AUTHORITY_FILES).anyMatch(f -> SIGNING_KEY_FILE.matcher(f).matches());
        }
    }

    @Test
    void every_environment_variable_is_a_configuration_property_the_service_reads_at_run_time() {
        ServiceProperties service = ServiceProperties.load();
        assertThat(service.forVariable("QUARKUS_DATASOURCE_JDBC_URL")).as("Quarkus' own properties are known").isPresent();
        assertThat(service.forVariable("MP_JWT_VERIFY_PUBLICKEY_LOCATION")).as("MicroProfile JWT's are known").isPresent();
        assertThat(service.forVariable("ETITLE_KEYS_PKCS12_PASSWORD")).as("the service's @ConfigMapping ones").isPresent();
        assertThat(service.forVariable("ETITLE_PUBLIC_URLS")).as("a misspelt one is not").isEmpty();
        assertThat(service.forVariable("QUARKUS_PACKAGE_JAR_TYPE").map(ServiceProperties.Property::phase))
                .as("build-time properties are told apart").contains(ServiceProperties.Phase.BUILD_TIME);

        Map<String, String> where = new LinkedHashMap<>();
        Container container = container();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                K8S.named(ConfigMap.class, source.getConfigMapRef().getName()).orElseThrow().getData().keySet()
                        .forEach(k -> where.put(k, "ConfigMap " + source.getConfigMapRef().getName()));
            }
            if (source.getSecretRef() != null) {
                keys(K8S.named(Secret.class, source.getSecretRef().getName()).orElseThrow())
                        .forEach(k -> where.put(k, "Secret " + source.getSecretRef().getName()));
            }
        }
        container.getEnv().forEach(v -> where.put(v.getName(), "the Deployment"));
        IMAGE.env().keySet().forEach(k -> where.put(k, "the image"));

        List<String> wrong = new ArrayList<>();
        where.forEach((variable, source) -> {
            if (JVM_VARIABLES.contains(variable)) {
                return;
            }
            Optional<ServiceProperties.Property> property = service.forVariable(variable);
            if (property.isEmpty()) {
                wrong.add(variable + " (" + source + "): no configuration property of the service");
            } else if (property.get().phase() != ServiceProperties.Phase.RUN_TIME) {
                wrong.add(variable + " (" + source + "): " + property.get().name() + " is fixed at build time");
            }
        });
        Properties mounted = mountedApplicationProperties();
        for (String name : mounted.stringPropertyNames()) {
            Optional<ServiceProperties.Property> property = service.forName(name);
            if (property.isEmpty() || property.get().phase() != ServiceProperties.Phase.RUN_TIME) {
                wrong.add(name + " (ConfigMap etitle-authorities): no run-time configuration property of the service");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void the_image_runs_the_runner_jar_of_a_jre_17_as_the_deployment_expects() throws IOException {
        assertThat(applicationProperties().getProperty("quarkus.package.jar.type")).as("the build makes one runner jar").isEqualTo("uber-jar");
        assertThat(IMAGE.from()).containsAnyOf("eclipse-temurin:17-jre", "openjdk-17-runtime");
        assertThat(IMAGE.entrypoint().get(0)).isEqualTo("java");
        assertThat(IMAGE.entrypoint().subList(IMAGE.entrypoint().size() - 2, IMAGE.entrypoint().size()))
                .containsExactly("-jar", IMAGE.workdir() + "/etitle-runner.jar");
        assertThat(IMAGE.uid()).as("USER is numeric and not root").isNotZero();
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).as("the build context is the runner jar only")
                .contains("*", "!target/etitle-runner.jar");
        assertThat(container().getImage()).as("a version, so a rollout is what was meant").doesNotEndWith(":latest").contains(":");
    }

    // ---- helpers

    private static PodSpec pod() {
        return K8S.one(Deployment.class).getSpec().getTemplate().getSpec();
    }

    private static Container container() {
        assertThat(pod().getContainers()).hasSize(1);
        return pod().getContainers().get(0);
    }

    private static Map<String, String> podLabels() {
        return K8S.one(Deployment.class).getSpec().getTemplate().getMetadata().getLabels();
    }

    private static Map<String, Volume> volumes() {
        return pod().getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
    }

    private static VolumeMount mountOf(Container container, Map<String, Volume> volumes, java.util.function.Predicate<Volume> volume) {
        return container.getVolumeMounts().stream().filter(m -> volume.test(volumes.get(m.getName()))).findFirst().orElseThrow();
    }

    private static String path(Probe probe) {
        assertThat(probe).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as("an HTTP probe").isNotNull();
        return get.getPath();
    }

    /** Environment of the container: its ConfigMaps and Secrets, then its own env, as Kubernetes layers them. */
    private static Map<String, String> env(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                env.putAll(K8S.named(ConfigMap.class, source.getConfigMapRef().getName()).orElseThrow().getData());
            }
        }
        container.getEnv().stream().filter(v -> v.getValue() != null).forEach(v -> env.put(v.getName(), v.getValue()));
        return env;
    }

    /** The settings an operator sets through the Deployment's ConfigMaps and env. */
    private static Map<String, String> settings() {
        return env(container());
    }

    private static Set<String> keys(Secret secret) {
        Set<String> keys = new TreeSet<>();
        Optional.ofNullable(secret.getData()).map(Map::keySet).ifPresent(keys::addAll);
        Optional.ofNullable(secret.getStringData()).map(Map::keySet).ifPresent(keys::addAll);
        return keys;
    }

    private static Properties applicationProperties() {
        try {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(Path.of("src/main/resources/application.properties"))));
            return properties;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Properties mountedApplicationProperties() {
        try {
            Properties properties = new Properties();
            properties.load(new StringReader(K8S.named(ConfigMap.class, "etitle-authorities").orElseThrow().getData()
                    .get("application.properties")));
            return properties;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> authorities() {
        Pattern name = Pattern.compile("etitle\\.authorities\\.([^.]+)\\.name");
        return mountedApplicationProperties().stringPropertyNames().stream().map(name::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).longValueExact();
    }

    /** The maximum heap the options give a JVM whose container has {@code memoryLimit}: -Xmx, or MaxRAMPercentage (25 % by default). */
    static long maxHeap(String options, long memoryLimit) {
        Matcher xmx = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)").matcher(options);
        if (xmx.find()) {
            long unit = switch (xmx.group(2).toLowerCase()) {
                case "k" -> 1L << 10;
                case "m" -> 1L << 20;
                case "g" -> 1L << 30;
                default -> 1L;
            };
            return Long.parseLong(xmx.group(1)) * unit;
        }
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(options);
        double share = percentage.find() ? Double.parseDouble(percentage.group(1)) : 25.0;
        return new BigDecimal(memoryLimit).multiply(BigDecimal.valueOf(share / 100)).longValue();
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector != null && selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty()
                && labels.entrySet().containsAll(selector.getMatchLabels().entrySet())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    private static boolean containerPortNamed(IntOrString port) {
        return container().getPorts().stream().anyMatch(p -> Objects.equals(p.getName(), port.getStrVal())
                || Objects.equals(p.getContainerPort(), port.getIntVal()));
    }

    /**
     * Whether an Ingress path takes a request for {@code path}, as Kubernetes defines the path types: Exact is the
     * whole path; Prefix is the path elements, so {@code /verify} takes {@code /verify} and {@code /verify/pdf} but not
     * {@code /verify.js}, and a trailing slash of either is ignored.
     */
    static boolean covers(HTTPIngressPath rule, String path) {
        if (rule.getPathType().equals("Exact")) {
            return rule.getPath().equals(path);
        }
        String prefix = rule.getPath().replaceAll("/+$", "");
        String request = path.length() > 1 ? path.replaceAll("/+$", "") : path;
        return prefix.isEmpty() || request.equals(prefix) || request.startsWith(prefix + "/");
    }

    private static boolean backendIsTheService(IngressBackend backend) {
        Service service = K8S.one(Service.class);
        if (!backend.getService().getName().equals(service.getMetadata().getName())) {
            return false;
        }
        var port = backend.getService().getPort();
        return service.getSpec().getPorts().stream().map(ServicePort.class::cast)
                .anyMatch(p -> Objects.equals(p.getName(), port.getName()) || Objects.equals(p.getPort(), port.getNumber()));
    }

    private static NetworkPolicyEgressRule ruleWith(List<NetworkPolicyEgressRule> rules, int port) {
        return rules.stream().filter(r -> r.getPorts().stream().map(NetworkPolicyPort::getPort).anyMatch(p -> Objects.equals(p.getIntVal(), port)))
                .findFirst().orElseThrow(() -> new AssertionError("no egress rule for port " + port));
    }

    /** A peer that names something: a single address or pods by label, never "anywhere". */
    private void isNarrow(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            assertThat(peer.getIpBlock().getCidr()).doesNotEndWith("/0");
        } else {
            assertThat(peer.getPodSelector()).isNotNull();
            assertThat(peer.getPodSelector().getMatchLabels()).isNotEmpty();
        }
    }

    /**
     * Collects the fields the YAML had that the model has no property for: fabric8 keeps them in each object's
     * additionalProperties instead of refusing them, as a misspelt field would be silently dropped by the API server.
     */
    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                unknownFields(element, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class
                    || java.lang.reflect.Modifier.isStatic(getter.getModifiers()) || getter.isDefault()) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            unknownFields(child, path + "." + getter.getName().substring(3), unknown);
        }
    }
}
