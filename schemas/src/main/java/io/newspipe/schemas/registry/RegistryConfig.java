package io.newspipe.schemas.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Client settings under Confluent's key names, so users' existing serializer configs work unchanged:
 * {@code schema.registry.url}, {@code basic.auth.credentials.source} (USER_INFO or URL), {@code
 * basic.auth.user.info}, {@code schema.registry.ssl.*} (truststore/keystore), {@code max.retries}, {@code
 * retries.wait.ms}, {@code retries.max.wait.ms}, {@code request.timeout.ms}, {@code latest.cache.ttl.sec}.
 */
public record RegistryConfig(List<String> urls, String userInfo, Map<String, ?> ssl, int maxRetries,
                             Duration retryWait, Duration retryMaxWait, Duration requestTimeout,
                             Duration latestCacheTtl) {

    public static final String URL = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String SSL_PREFIX = "schema.registry.ssl.";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    public static final String REQUEST_TIMEOUT_MS = "request.timeout.ms";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

    /** Reads the settings from a serializer/deserializer config map; fails with a message naming the key. */
    public static RegistryConfig from(Map<String, ?> configs) {
        Object raw = configs.get(URL);
        if (raw == null || raw.toString().isBlank()) {
            throw new IllegalArgumentException("Missing required configuration \"" + URL
                    + "\": set it to the Schema Registry URL, e.g. http://localhost:8081 (or mock://scope in tests)");
        }
        List<String> urls = new ArrayList<>();
        for (String u : raw.toString().split(",")) {
            if (!u.isBlank()) {
                urls.add(stripSlash(u.trim()));
            }
        }
        String source = str(configs, CREDENTIALS_SOURCE, "URL").toUpperCase(Locale.ROOT);
        String userInfo = null;
        if ("USER_INFO".equals(source)) {
            userInfo = str(configs, USER_INFO, null);
            if (userInfo == null || !userInfo.contains(":")) {
                throw new IllegalArgumentException("\"" + CREDENTIALS_SOURCE + "\" is USER_INFO but \"" + USER_INFO
                        + "\" is missing or not of the form user:password");
            }
        } else if ("URL".equals(source)) {
            for (int i = 0; i < urls.size(); i++) {
                java.net.URI uri = java.net.URI.create(urls.get(i));
                if (uri.getRawUserInfo() != null) {
                    userInfo = java.net.URLDecoder.decode(uri.getRawUserInfo(), java.nio.charset.StandardCharsets.UTF_8);
                    urls.set(i, urls.get(i).replace(uri.getRawUserInfo() + "@", ""));
                }
            }
        } else {
            throw new IllegalArgumentException("\"" + CREDENTIALS_SOURCE + "\" must be URL or USER_INFO, not " + source);
        }
        Map<String, ?> ssl = new java.util.HashMap<>();
        for (Map.Entry<String, ?> e : configs.entrySet()) {
            if (e.getKey().startsWith(SSL_PREFIX) && e.getValue() != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) ssl;
                m.put(e.getKey().substring(SSL_PREFIX.length()), e.getValue());
            }
        }
        return new RegistryConfig(List.copyOf(urls), userInfo, Map.copyOf(ssl),
                integer(configs, MAX_RETRIES, 3),
                Duration.ofMillis(integer(configs, RETRIES_WAIT_MS, 1000)),
                Duration.ofMillis(integer(configs, RETRIES_MAX_WAIT_MS, 20000)),
                Duration.ofMillis(integer(configs, REQUEST_TIMEOUT_MS, 30000)),
                Duration.ofSeconds(integer(configs, LATEST_CACHE_TTL_SEC, -1)));
    }

    /**
     * The Kafka client part of a mixed client configuration: everything but the registry's own keys ({@code
     * schema.registry.*}, {@code basic.auth.*}), plus {@code bootstrap.servers}. Users pass one file or one set of
     * variables for both; the Kafka clients must not see the registry's credentials.
     */
    public static Map<String, Object> kafkaClientConfig(String bootstrapServers, Map<String, ?> mixed) {
        Map<String, Object> out = new java.util.HashMap<>();
        mixed.forEach((k, v) -> {
            if (!k.startsWith("schema.registry.") && !k.startsWith("basic.auth.")) {
                out.put(k, v);
            }
        });
        out.put("bootstrap.servers", bootstrapServers);
        return out;
    }

    /** For logs: the URLs only, never the credentials. */
    @Override
    public String toString() {
        return "RegistryConfig{urls=" + urls + ", auth=" + (userInfo == null ? "none" : "basic(******)")
                + ", ssl=" + ssl.keySet() + ", maxRetries=" + maxRetries + "}";
    }

    private static String stripSlash(String u) {
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    static String str(Map<String, ?> configs, String key, String dflt) {
        Object v = configs.get(key);
        return v == null ? dflt : v.toString();
    }

    static int integer(Map<String, ?> configs, String key, int dflt) {
        Object v = configs.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + key + "\" must be an integer, not \"" + v + "\"", e);
        }
    }

    static boolean bool(Map<String, ?> configs, String key, boolean dflt) {
        Object v = configs.get(key);
        return v == null ? dflt : Boolean.parseBoolean(v.toString().trim());
    }
}
