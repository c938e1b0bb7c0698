package dev.homestak.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * Writes tfvars JSON byte-compatible with the original's {@code json.dump(config, f, indent=2)}:
 * two-space indent, {@code "key": value}, one array item per line, {@code []} for empty arrays,
 * non-ASCII escaped.
 */
final class TfvarsJson {

    private static final ObjectWriter WRITER = writer();

    private TfvarsJson() {}

    static String write(Map<String, Object> tfvars) {
        try {
            return WRITER.writeValueAsString(tfvars) + "\n";
        } catch (JsonProcessingException e) {
            // values are strings, numbers, booleans, lists and maps only: failing here is a bug
            throw new IllegalStateException("cannot render tfvars", e);
        }
    }

    private static ObjectWriter writer() {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter(separators).withObjectIndenter(indent).withArrayIndenter(indent);
        JsonMapper mapper =
                JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        return mapper.writer(printer).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
}
