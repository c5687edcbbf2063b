package io.newspipe.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client against a scripted HTTP server: retries, caching, error messages, auth. */
class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = SchemaBuilder.record("Item").namespace("t").fields()
            .requiredString("name").endRecord();

    private HttpServer server;
    private final Deque<int[]> script = new ConcurrentLinkedDeque<>(); // {status} per request, then 200
    private final List<String> requests = new ArrayList<>();
    private final List<String> authHeaders = new ArrayList<>();
    private final List<String> contentTypes = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange ex) throws IOException {
        synchronized (requests) {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath());
            authHeaders.add(ex.getRequestHeaders().getFirst("Authorization"));
            contentTypes.add(ex.getRequestHeaders().getFirst("Content-Type"));
        }
        ex.getRequestBody().readAllBytes();
        int[] next = script.poll();
        int status = next == null ? 200 : next[0];
        String body;
        if (status == 200) {
            body = ex.getRequestURI().getPath().startsWith("/schemas/ids/")
                    ? "{\"schema\":" + quote(SCHEMA.toString()) + "}"
                    : "{\"id\":42,\"version\":1,\"schema\":" + quote(SCHEMA.toString()) + "}";
        } else if (status == 409) {
            body = "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}";
        } else {
            body = "{\"error_code\":" + status + "01,\"message\":\"scripted " + status + "\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private RestSchemaRegistryClient client(Map<String, Object> extra) {
        Map<String, Object> c = new java.util.HashMap<>(extra);
        c.put("schema.registry.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
        c.put("retries.wait.ms", 100);
        return new RestSchemaRegistryClient(RegistryConfig.from(c), waits::add);
    }

    @Test
    void shouldRetryServerErrorsWithGrowingBackoffThenSucceed() {
        script.add(new int[] {503});
        script.add(new int[] {429});
        RestSchemaRegistryClient client = client(Map.of());

        assertThat(client.register("items-value", SCHEMA)).isEqualTo(42);

        assertThat(requests).containsExactly("POST /subjects/items-value/versions",
                "POST /subjects/items-value/versions", "POST /subjects/items-value/versions");
        assertThat(waits).hasSize(2);
        assertThat(waits.get(1)).isGreaterThan(waits.get(0));
        assertThat(contentTypes.get(0)).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void shouldNotRetryAClientErrorAndSayWhatWentWrong() {
        script.add(new int[] {409});
        RestSchemaRegistryClient client = client(Map.of());

        assertThatThrownBy(() -> client.register("items-value", SCHEMA))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("answered 409")
                .hasMessageContaining("not compatible")
                .hasMessageContaining("items-value");
        assertThat(requests).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldGiveUpAfterMaxRetries() {
        for (int i = 0; i < 10; i++) {
            script.add(new int[] {500});
        }
        RestSchemaRegistryClient client = client(Map.of("max.retries", 2));
        assertThatThrownBy(() -> client.getSchemaById(1)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("answered 500");
        assertThat(requests).hasSize(3);
    }

    @Test
    void shouldCacheSchemasByIdAndIdsBySubjectAndSchema() {
        RestSchemaRegistryClient client = client(Map.of());
        client.getSchemaById(42);
        client.getSchemaById(42);
        client.register("items-value", SCHEMA);
        client.register("items-value", SCHEMA);
        assertThat(requests).containsExactly("GET /schemas/ids/42", "POST /subjects/items-value/versions");
    }

    @Test
    void shouldSendBasicAuthFromUserInfo() {
        RestSchemaRegistryClient client = client(Map.of("basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "alice:s3cret"));
        client.getSchemaById(42);
        assertThat(authHeaders).containsExactly("Basic YWxpY2U6czNjcmV0");
        assertThat(client.toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldFailWithTheKeyNameWhenTheUrlIsMissing() {
        assertThatThrownBy(() -> RegistryConfig.from(Map.of())).hasMessageContaining("schema.registry.url");
    }
}
