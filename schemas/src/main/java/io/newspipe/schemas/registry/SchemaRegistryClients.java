package io.newspipe.schemas.registry;

import java.util.Map;

/** Creates the client a {@code schema.registry.url} asks for: {@code mock://scope} or HTTP(S) URLs. */
public final class SchemaRegistryClients {

    public static final String MOCK_PREFIX = "mock://";

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient create(Map<String, ?> configs) {
        Object url = configs.get(RegistryConfig.URL);
        if (url != null && url.toString().startsWith(MOCK_PREFIX)) {
            String scope = url.toString().substring(MOCK_PREFIX.length());
            if (scope.contains(",")) {
                throw new IllegalArgumentException("only one mock:// scope may be configured, got " + url);
            }
            return MockSchemaRegistryClient.forScope(scope);
        }
        return new RestSchemaRegistryClient(RegistryConfig.from(configs));
    }
}
