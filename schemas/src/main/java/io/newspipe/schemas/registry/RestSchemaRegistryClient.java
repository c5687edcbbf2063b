package io.newspipe.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent Schema Registry REST client (works against Confluent's registry and Apicurio's {@code
 * /apis/ccompat/v7}). Sends {@code application/vnd.schemaregistry.v1+json}, caches (subject, schema)→id and
 * id→schema forever and the latest version per subject for {@code latest.cache.ttl.sec}, retries 408, 429, 500,
 * 502, 503 and 504 and connection failures with exponential backoff, failing over across the configured URLs.
 * Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, "
            + "application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final Set<Integer> RETRIABLE = Set.of(408, 429, 500, 502, 503, 504);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryConfig config;
    private final HttpClient http;
    private final String authorization;
    private final Map<String, Map<Schema, Integer>> idBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();
    private final Map<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();
    private final Sleeper sleeper;

    private record CachedLatest(SchemaMetadata metadata, long expiresAtNanos) {
    }

    /** How the client waits between retries; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public RestSchemaRegistryClient(RegistryConfig config) {
        this(config, d -> Thread.sleep(d.toMillis()));
    }

    public RestSchemaRegistryClient(RegistryConfig config, Sleeper sleeper) {
        this.config = config;
        this.sleeper = sleeper;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (!config.ssl().isEmpty()) {
            builder.sslContext(sslContext(config.ssl()));
        }
        this.http = builder.build();
        this.authorization = config.userInfo() == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(config.userInfo().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> cache = idBySubjectAndSchema.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = cache.get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + enc(subject) + "/versions", body(schema), subject, schema);
        int id = answer.path("id").asInt();
        cache.put(schema, id);
        schemaById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public int getId(String subject, Schema schema) {
        Map<Schema, Integer> cache = idBySubjectAndSchema.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = cache.get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + enc(subject), body(schema), subject, schema);
        int id = answer.path("id").asInt();
        cache.put(schema, id);
        schemaById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemaById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null, null, null);
        Schema schema = parse(answer.path("schema").asText(), "schema id " + id);
        schemaById.putIfAbsent(id, schema);
        return schemaById.get(id);
    }

    @Override
    public SchemaMetadata getLatestSchemaMetadata(String subject) {
        CachedLatest cached = latestBySubject.get(subject);
        long now = System.nanoTime();
        if (cached != null && (cached.expiresAtNanos() == Long.MAX_VALUE || now < cached.expiresAtNanos())) {
            return cached.metadata();
        }
        JsonNode answer = send("GET", "/subjects/" + enc(subject) + "/versions/latest", null, subject, null);
        Schema schema = parse(answer.path("schema").asText(), "subject " + subject);
        SchemaMetadata md = new SchemaMetadata(answer.path("id").asInt(), answer.path("version").asInt(), schema);
        schemaById.putIfAbsent(md.id(), schema);
        long ttl = config.latestCacheTtl().isNegative() ? Long.MAX_VALUE : now + config.latestCacheTtl().toNanos();
        latestBySubject.put(subject, new CachedLatest(md, ttl));
        return md;
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            JsonNode answer = send("POST", "/compatibility/subjects/" + enc(subject) + "/versions/latest",
                    body(schema), subject, schema);
            return answer.path("is_compatible").asBoolean(false);
        } catch (RegistryException e) {
            if (e.isNotFound()) {
                return true; // nothing registered yet: anything is compatible
            }
            throw e;
        }
    }

    @Override
    public List<String> getAllSubjects() {
        JsonNode answer = send("GET", "/subjects", null, null, null);
        List<String> subjects = new ArrayList<>();
        answer.forEach(n -> subjects.add(n.asText()));
        return subjects;
    }

    @Override
    public void updateCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        send("PUT", "/config/" + enc(subject), body.toString(), subject, null);
    }

    private static String body(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new RegistryException("the registry returned a schema for " + what + " that Avro cannot parse: "
                    + e.getMessage(), e);
        }
    }

    private JsonNode send(String method, String path, String body, String subject, Schema schema) {
        int attempts = Math.max(0, config.maxRetries()) + 1;
        RuntimeException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            String base = config.urls().get(attempt % config.urls().size());
            URI uri = URI.create(base + path);
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                    .header("Accept", ACCEPT);
            if (authorization != null) {
                req.header("Authorization", authorization);
            }
            if (body != null) {
                req.header("Content-Type", CONTENT_TYPE)
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            } else {
                req.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<String> resp = http.send(req.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = resp.statusCode();
                if (status >= 200 && status < 300) {
                    return resp.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(resp.body());
                }
                RegistryException error = error(base, method, path, status, resp.body(), subject, schema);
                if (!RETRIABLE.contains(status)) {
                    throw error;
                }
                last = error;
            } catch (IOException e) {
                last = new RegistryException("schema registry at " + base + " could not be reached (" + method + " "
                        + path + "): " + e + " — check schema.registry.url and that the registry is running", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted while calling the schema registry at " + base, e);
            }
            if (attempt + 1 < attempts) {
                Duration wait = backoff(attempt);
                LOG.warn("{}; retrying in {} ms ({}/{})", last.getMessage(), wait.toMillis(), attempt + 1,
                        attempts - 1);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw last;
                }
            }
        }
        throw last;
    }

    Duration backoff(int attempt) {
        long base = config.retryWait().toMillis() << Math.min(attempt, 20);
        long capped = Math.min(base, config.retryMaxWait().toMillis());
        long jitter = capped <= 1 ? 0 : ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        return Duration.ofMillis(Math.min(capped + jitter, config.retryMaxWait().toMillis()));
    }

    private static RegistryException error(String base, String method, String path, int status, String body,
                                           String subject, Schema schema) {
        int code = status;
        String message = body;
        try {
            JsonNode node = JSON.readTree(body);
            code = node.path("error_code").asInt(status);
            message = node.path("message").asText(body);
        } catch (IOException | RuntimeException ignored) {
            // not JSON: keep the raw body
        }
        String what;
        if (status == 409) {
            what = "the new " + (schema == null ? "" : schema.getName() + " ") + "schema is not compatible with the "
                    + "latest version of subject \"" + subject + "\" under its compatibility level (" + message
                    + ") — give new fields defaults, keep old fields and types, or use a new subject";
        } else if (status == 422 || code == 42201) {
            what = "the schema is invalid (" + message + ")";
        } else if (code == 40401) {
            what = "subject \"" + subject + "\" is not registered (" + message + ")";
        } else if (code == 40403) {
            what = "schema not found (" + message + ")";
        } else if (status == 401 || status == 403) {
            what = "access denied (" + message + ") — check basic.auth.credentials.source and basic.auth.user.info";
        } else {
            what = message;
        }
        return new RegistryException("schema registry at " + base + " answered " + status + " (error code " + code
                + ") to " + method + " " + path + ": " + what, status, code);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SSLContext sslContext(Map<String, ?> ssl) {
        try {
            TrustManagerFactory tmf = null;
            Object trustLocation = ssl.get("truststore.location");
            if (trustLocation != null) {
                KeyStore ts = load(trustLocation.toString(), str(ssl, "truststore.type", "JKS"),
                        str(ssl, "truststore.password", ""));
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ts);
            }
            KeyManagerFactory kmf = null;
            Object keyLocation = ssl.get("keystore.location");
            if (keyLocation != null) {
                String pass = str(ssl, "keystore.password", "");
                KeyStore ks = load(keyLocation.toString(), str(ssl, "keystore.type", "JKS"), pass);
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, str(ssl, "key.password", pass).toCharArray());
            }
            SSLContext ctx = SSLContext.getInstance(str(ssl, "protocol", "TLS"));
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS for the schema registry from schema.registry.ssl.* "
                    + "settings: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String location, String type, String password)
            throws java.security.GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    private static String str(Map<String, ?> m, String key, String dflt) {
        Object v = m.get(key);
        return v == null ? dflt : v.toString();
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + config;
    }
}
