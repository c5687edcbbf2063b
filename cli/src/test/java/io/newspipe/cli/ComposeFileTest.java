package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspipe.cli.settings.SettingsReference;
import io.newspipe.schemas.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the Dockerfile, checked without Docker: the deployment's shape (the stack's services, one
 * image for our stages, health checks) and that every setting our services get is one the command line reads.
 * {@link ComposeWiringIT} then runs the stages with it.
 */
class ComposeFileTest {

    /**
     * Variables the compose file may set before the code that reads them is merged (e.g. a new stage option).
     * An entry fails the test once the command line reads it, so the list cannot go stale.
     */
    private static final Set<String> PENDING = Set.of();
    /**
     * Services whose healthcheck probes the stage's /health/ready before their command serves it (ingest gets the
     * endpoint in the metrics work). An entry fails the test once the command reads NEWSPIPE_METRICS_PORT.
     */
    private static final Set<String> HEALTH_ENDPOINT_PENDING = Set.of();
    /** Services that answer /health/ready on a port of their own rather than the stages' metrics port. */
    private static final Map<String, String> HEALTH_PORT_VARIABLE = Map.of("console", "NEWSPIPE_CONSOLE_PORT");
    /** Read by the image's launcher and logback, not by an option. */
    private static final Set<String> OUTSIDE_OPTIONS = Set.of("NEWSPIPE_JAVA_OPTS", "NEWSPIPE_LOG_LEVEL");

    private final ComposeFile compose = ComposeFile.read(ComposeFile.DEFAULT);

    @Test
    void shouldDeclareTheWholeStack() {
        assertThat(compose.serviceNames()).contains("kafka", "schema-registry", "postgres", "topic-init", "ingest",
                "enrich", "sink", "console");
        assertThat(compose.ourServices()).containsExactlyInAnyOrder("topic-init", "ingest", "enrich", "sink",
                "console");
        assertThat(compose.service("kafka").path("image").asText()).startsWith("apache/kafka:4.");
        assertThat(compose.service("schema-registry").path("image").asText())
                .startsWith("confluentinc/cp-schema-registry:");
        assertThat(compose.service("postgres").path("image").asText()).startsWith("postgres:17");
        assertThat(compose.command("topic-init")).containsExactly("topics", "create");
    }

    @Test
    void shouldLeaveOutWhatTheOfflineValidatorRefuses() {
        assertThat(compose.root().has("name")).as("top-level name: (docker-compose 1.29 refuses it)").isFalse();
        for (String s : compose.serviceNames()) {
            compose.service(s).path("depends_on").fields().forEachRemaining(d -> assertThat(d.getValue().has(
                    "restart")).as("%s depends_on.%s.restart", s, d.getKey()).isFalse());
        }
    }

    @Test
    void shouldPinEveryImageTag() {
        for (String s : compose.serviceNames()) {
            String image = compose.service(s).path("image").asText();
            assertThat(image).as("image of %s", s).matches("[^:]+:[0-9][^:]*");
        }
    }

    @Test
    void shouldCheckHealthAndWaitForItInDependsOn() {
        for (String s : compose.serviceNames()) {
            JsonNode health = compose.service(s).path("healthcheck");
            assertThat(health.isObject()).as("healthcheck of %s", s).isTrue();
            boolean disabled = health.path("disable").asBoolean(false);
            if (!disabled) {
                assertThat(health.path("test").isEmpty()).as("healthcheck test of %s", s).isFalse();
            }
            compose.service(s).path("depends_on").fields().forEachRemaining(d -> {
                String condition = d.getValue().path("condition").asText();
                assertThat(condition).as("%s depends_on.%s.condition", s, d.getKey())
                        .isIn("service_healthy", "service_completed_successfully");
                boolean oneShot = compose.service(d.getKey()).path("healthcheck").path("disable").asBoolean(false);
                assertThat(condition).as("%s waits for %s", s, d.getKey())
                        .isEqualTo(oneShot ? "service_completed_successfully" : "service_healthy");
            });
            if (disabled) {
                assertThat(compose.service(s).path("restart").asText()).as("restart of one-shot %s", s)
                        .isEqualTo("no");
            }
        }
    }

    @Test
    void shouldProbeOnlyStagesThatServeTheHealthEndpoint() {
        for (String s : compose.ourServices()) {
            JsonNode health = compose.service(s).path("healthcheck");
            if (health.path("disable").asBoolean(false)) {
                continue;
            }
            assertThat(health.path("test").toString()).as("healthcheck of %s", s).contains("newspipe-healthcheck");
            String portVariable = HEALTH_PORT_VARIABLE.getOrDefault(s, "NEWSPIPE_METRICS_PORT");
            boolean serves = envVariablesOf(compose.command(s)).contains(portVariable);
            if (HEALTH_PORT_VARIABLE.containsKey(s)) {
                assertThat(health.path("test").toString()).as("healthcheck of %s probes its own port", s)
                        .contains("NEWSPIPE_METRICS_PORT=" + compose.environment(s).get(portVariable) + " ");
            }
            assertThat(serves).as("%s serves /health/ready%s", s, HEALTH_ENDPOINT_PENDING.contains(s)
                    ? " now: remove it from HEALTH_ENDPOINT_PENDING" : "")
                    .isEqualTo(!HEALTH_ENDPOINT_PENDING.contains(s));
        }
    }

    @Test
    void shouldDeclareEveryNamedVolume() {
        Set<String> declared = new HashSet<>();
        compose.root().path("volumes").fieldNames().forEachRemaining(declared::add);
        for (String s : compose.serviceNames()) {
            for (JsonNode v : compose.service(s).path("volumes")) {
                String source = v.asText().split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertThat(declared).as("volume %s of %s", source, s).contains(source);
                }
            }
        }
        assertThat(compose.service("kafka").path("volumes").toString()).contains("kafka-data:");
        assertThat(compose.service("postgres").path("volumes").toString()).contains("postgres-data:");
        assertThat(compose.bindMounts("ingest")).containsKey("/feeds");
    }

    @Test
    void shouldKeepTheConsoleReadOnlyAndLocalUnlessTold() {
        Map<String, String> env = compose.environment("console");
        assertThat(env.get("NEWSPIPE_CONSOLE_ACTIONS")).as("re-drive off unless a variable enables it")
                .isEqualTo("false");
        assertThat(compose.service("console").path("ports").toString()).contains("127.0.0.1:");
        assertThat(compose.command("console")).containsExactly("console");
    }

    @Test
    void shouldKeepEnrichScalable() {
        JsonNode enrich = compose.service("enrich");
        assertThat(enrich.has("container_name")).isFalse();
        assertThat(enrich.has("ports")).isFalse();
    }

    @Test
    void shouldSetOnlyVariablesTheCommandLineReads() {
        List<String> unknown = new ArrayList<>();
        Set<String> kafkaKeys = kafkaClientKeys();
        Map<String, String> image = ComposeFile.dockerfileEnv(ComposeFile.DOCKERFILE);
        for (String s : compose.ourServices()) {
            Set<String> known = envVariablesOf(compose.command(s));
            Map<String, String> env = new java.util.LinkedHashMap<>(image);
            env.putAll(compose.environment(s));
            for (String name : env.keySet()) {
                if (!name.startsWith("NEWSPIPE_") || known.contains(name) || OUTSIDE_OPTIONS.contains(name)
                        || PENDING.contains(name) || name.startsWith("NEWSPIPE_REGISTRY_")) {
                    continue;
                }
                if (name.startsWith("NEWSPIPE_KAFKA_") && !name.equals("NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS")) {
                    String key = name.substring("NEWSPIPE_KAFKA_".length()).toLowerCase(java.util.Locale.ROOT)
                            .replace('_', '.');
                    if (kafkaKeys.contains(key)) {
                        continue;
                    }
                }
                // image-wide settings need only be read by some stage (e.g. the enrich state folder)
                if (image.containsKey(name) && !compose.environment(s).containsKey(name)
                        && readBySomeStage(name)) {
                    continue;
                }
                unknown.add(s + ": " + name);
            }
        }
        assertThat(unknown).as("variables no option of the service's command reads (a typo?)").isEmpty();
        for (String p : PENDING) {
            // once the command line reads it, it no longer belongs here
            assertThat(readBySomeStage(p)).as("%s is read by the command line now: remove it from PENDING", p)
                    .isFalse();
        }
    }

    @Test
    void shouldSetOnlyVariablesSomeSettingDefines() {
        Set<String> defined = new HashSet<>();
        SettingsReference.settings(Main.commandLine()).keySet().forEach(s -> defined.add(s.environmentVariable()));
        List<String> undefined = new ArrayList<>();
        Map<String, String> image = ComposeFile.dockerfileEnv(ComposeFile.DOCKERFILE);
        image.keySet().forEach(name -> checkDefined("Dockerfile", name, defined, undefined));
        for (String s : compose.ourServices()) {
            compose.environment(s).keySet().forEach(name -> checkDefined(s, name, defined, undefined));
        }
        assertThat(undefined).as("NEWSPIPE_ variables no setting defines (a typo, or a setting to define)")
                .isEmpty();
    }

    private static void checkDefined(String where, String name, Set<String> defined, List<String> undefined) {
        boolean passThrough = name.startsWith("NEWSPIPE_KAFKA_") || name.startsWith("NEWSPIPE_REGISTRY_");
        if (name.startsWith("NEWSPIPE_") && !passThrough && !defined.contains(name) && !OUTSIDE_OPTIONS.contains(name)
                && !PENDING.contains(name)) {
            undefined.add(where + ": " + name);
        }
    }

    @Test
    void shouldCreateEveryTopicTheStagesUse() {
        Map<String, String> init = compose.environment("topic-init");
        Set<String> created = Set.of(init.getOrDefault("NEWSPIPE_TOPIC_RAW", Topics.RAW),
                init.getOrDefault("NEWSPIPE_TOPIC_ENRICHED", Topics.ENRICHED),
                init.getOrDefault("NEWSPIPE_TOPIC_DLQ", Topics.DLQ));
        assertThat(init.get("NEWSPIPE_TOPICS_RAW_RETENTION_MS")).as("news.raw is the replay source").isEqualTo("-1");
        for (String s : List.of("ingest", "enrich", "sink")) {
            compose.environment(s).forEach((k, v) -> {
                if (k.startsWith("NEWSPIPE_TOPIC_")) {
                    assertThat(created).as("%s of %s", k, s).contains(v);
                }
            });
        }
    }

    @Test
    void shouldPointTheStagesAtTheComposeServices() {
        String bootstrap = internalKafkaListener();
        String registry = "http://schema-registry:" + port(compose.environment("schema-registry")
                .get("SCHEMA_REGISTRY_LISTENERS"));
        Map<String, String> pg = compose.environment("postgres");
        for (String s : compose.ourServices()) {
            Map<String, String> env = compose.environment(s);
            assertThat(env.get("NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS")).as("bootstrap servers of %s", s)
                    .isEqualTo(bootstrap);
            if (!s.equals("topic-init")) {
                assertThat(env.get("NEWSPIPE_SCHEMA_REGISTRY_URL")).as("registry of %s", s).isEqualTo(registry);
            }
        }
        Map<String, String> sink = compose.environment("sink");
        assertThat(sink.get("NEWSPIPE_JDBC_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + pg.get("POSTGRES_DB"));
        assertThat(sink.get("NEWSPIPE_JDBC_USER")).isEqualTo(pg.get("POSTGRES_USER"));
        assertThat(sink.get("NEWSPIPE_JDBC_PASSWORD")).isEqualTo(pg.get("POSTGRES_PASSWORD")).isNotEmpty();
        assertThat(compose.service("postgres").path("volumes").toString()).contains("/var/lib/postgresql/data");
    }

    @Test
    void shouldInterpolateLikeComposeWithNothingSet() {
        assertThat(ComposeFile.interpolate("${A:-x}/${B-y}/${C}/$$D/$E")).isEqualTo("x/y//$D/");
    }

    /** {@code host:port} of the kafka service's listener advertised under its own service name. */
    String internalKafkaListener() {
        for (String l : compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            String hostPort = l.substring(l.indexOf("://") + 3);
            if (hostPort.startsWith("kafka:")) {
                return hostPort;
            }
        }
        throw new AssertionError("kafka advertises no listener at kafka:<port> for the other services");
    }

    private static String port(String listeners) {
        return listeners.substring(listeners.lastIndexOf(':') + 1);
    }

    /** The environment variables the settings of {@code newspipe <command…>} read, from their definitions. */
    static Set<String> envVariablesOf(List<String> command) {
        return SettingsReference.environmentVariables(Main.commandLine(), command);
    }

    static boolean readBySomeStage(String name) {
        return List.of("ingest", "enrich", "sink", "topics create").stream()
                .anyMatch(c -> envVariablesOf(List.of(c.split(" "))).contains(name));
    }

    private static Set<String> kafkaClientKeys() {
        Set<String> keys = new HashSet<>();
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(ConsumerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        keys.addAll(StreamsConfig.configDef().names());
        return keys;
    }
}
