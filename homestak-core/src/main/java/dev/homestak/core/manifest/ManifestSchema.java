package dev.homestak.core.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.homestak.core.ConfigFailure;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Enforces the rules of {@code defs/manifest.schema.json} (required keys, types, enums, no unknown keys,
 * minimums) with networknt's JSON schema validator. The site-config's own schema is used when it has
 * {@code defs/}, else the copy bundled with homestak (upstream v0.58).
 *
 * @param schema the compiled schema
 * @param tree the schema document (for the known keys of an object)
 * @param file where it came from, for messages
 */
record ManifestSchema(Schema schema, JsonNode tree, String file) {

    /** Where a site-config keeps the schema. */
    static final String SITE_FILE = "defs/manifest.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ManifestSchema BUNDLED = bundled();

    ManifestSchema {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(file, "file");
    }

    /** Records every schema violation of {@code doc}; uses {@code siteRoot}'s schema when it has one. */
    static void check(ManifestDoc doc, Path siteRoot, ManifestProblems problems) {
        forSite(siteRoot)
                .fold(
                        failure -> {
                            problems.add(failure);
                            return null;
                        },
                        schema -> {
                            schema.validate(doc, problems);
                            return null;
                        });
    }

    /** The site's {@code defs/manifest.schema.json}, else the bundled copy. */
    static Either<ConfigFailure, ManifestSchema> forSite(Path siteRoot) {
        Path file = siteRoot.resolve(SITE_FILE);
        return Files.exists(file) ? read(file) : Either.right(BUNDLED);
    }

    private void validate(ManifestDoc doc, ManifestProblems problems) {
        Set<String> reported = new HashSet<>();
        for (Error error : schema.validate(doc.root())) {
            SchemaProblem p = SchemaProblem.of(error, tree);
            // one problem per key: "schema_version: '2'" breaks both type and const; the type says it all
            if (reported.add(p.path())) {
                problems.invalid(doc, p.path(), p.problem());
            }
        }
    }

    private static Either<ConfigFailure, ManifestSchema> read(Path file) {
        try {
            JsonNode tree = JSON.readTree(Files.readString(file));
            return Either.right(new ManifestSchema(REGISTRY.getSchema(tree), tree, file.toString()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return Either.left(new ConfigFailure.Parse(
                    file,
                    at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage()
                            + " — fix it, or delete it to use the schema bundled with homestak"));
        } catch (IOException e) {
            return Either.left(new ConfigFailure.Unreadable(file, e.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            // networknt refuses a document that is not a schema with unchecked exceptions
            return Either.left(new ConfigFailure.Parse(
                    file,
                    0,
                    0,
                    "not a usable JSON schema (" + e.getMessage()
                            + ") — fix it, or delete it to use the schema bundled with homestak"));
        }
    }

    private static ManifestSchema bundled() {
        try (InputStream in = ManifestSchema.class.getResourceAsStream("manifest.schema.json")) {
            JsonNode tree = JSON.readTree(Objects.requireNonNull(in, "bundled manifest.schema.json"));
            return new ManifestSchema(REGISTRY.getSchema(tree), tree, "(bundled) manifest.schema.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
