package dev.tokenservice.http.discovery;

import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;

/**
 * The OpenAPI 3.1 dialect that also knows the fields of the OpenAPI Object. The tests load the whole document as a
 * schema resource so that {@code $ref}s to {@code #/components/schemas/...} resolve; its top-level fields are not
 * schema keywords, and without this the validator warns once for each ("Unknown keyword openapi ..."). They validate
 * nothing.
 */
public final class OpenApiDialect {
    private static final List<String> OPENAPI_OBJECT_FIELDS = List.of("openapi", "info", "jsonSchemaDialect",
            "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs");

    private OpenApiDialect() { }

    public static Dialect withDocumentFields() {
        return Dialect.builder(Dialects.getOpenApi31())
                .keywords(OPENAPI_OBJECT_FIELDS.stream().map(NonValidationKeyword::new).toList())
                .build();
    }
}
