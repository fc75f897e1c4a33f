package dev.tokenservice.http.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one {@link ObjectMapper} setup of the server: snake_case names, strict reading. */
public final class JsonMappers {
    private JsonMappers() { }

    /**
     * The mapper {@link #create()} builds, one per JVM: servers started in one process (a test suite's) share it and
     * its caches of serializers instead of building their own. Never reconfigure it.
     */
    public static ObjectMapper shared() {
        return Shared.MAPPER;
    }

    private static final class Shared {
        static final ObjectMapper MAPPER = create();

        private Shared() { }
    }

    /**
     * A new mapper: record components in camelCase are written in snake_case, unknown properties are refused when
     * reading, nothing is indented. Thread-safe once built.
     */
    public static ObjectMapper create() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }
}
