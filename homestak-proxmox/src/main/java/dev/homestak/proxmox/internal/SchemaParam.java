package dev.homestak.proxmox.internal;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The schema of one request parameter (or one key of a property string) in the PVE API contract.
 *
 * @param name the schema name ({@code net[n]} for indexed parameters)
 * @param type {@code string}, {@code integer}, {@code number}, {@code boolean} or {@code array};
 *     empty for pure alias keys of a property string
 * @param optional false when PVE requires the parameter
 * @param format a named format such as {@code pve-vmid} or {@code urlencoded}
 * @param properties the sub-schema when the value is a property string ({@code key=value,...});
 *     empty otherwise
 * @param enumValues allowed values; empty means any (including the schema's {@code enum: null})
 * @param minimum inclusive lower bound for numbers
 * @param maximum inclusive upper bound for numbers
 * @param minLength minimum string length
 * @param maxLength maximum string length
 * @param pattern the value regex, already rewritten from Perl to Java syntax
 * @param requires another parameter this one needs
 * @param items the element schema of an array parameter
 * @param defaultKey true for the property-string key that may be given without {@code key=}
 * @param alias the key this property-string key stands for
 * @param keyAlias for keys such as {@code virtio=MAC}: the key that receives the key's own name
 * @param maxIndex for indexed parameters, the highest {@code n} PVE documents
 */
public record SchemaParam(
        String name,
        String type,
        boolean optional,
        Optional<String> format,
        Map<String, SchemaParam> properties,
        List<String> enumValues,
        Optional<Double> minimum,
        Optional<Double> maximum,
        OptionalInt minLength,
        OptionalInt maxLength,
        Optional<String> pattern,
        Optional<String> requires,
        Optional<SchemaParam> items,
        boolean defaultKey,
        Optional<String> alias,
        Optional<String> keyAlias,
        OptionalInt maxIndex) {

    /** Validates and copies. */
    public SchemaParam {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
        enumValues = List.copyOf(enumValues);
    }

    /** True when the value is a property string with its own sub-schema. */
    public boolean isPropertyString() {
        return !properties.isEmpty();
    }

    /** A builder with the schema defaults (optional string, no constraints). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link SchemaParam}; the only mutable companion of it. */
    public static final class Builder {
        private final String name;
        private String type = "string";
        private boolean optional = true;
        private Optional<String> format = Optional.empty();
        private Map<String, SchemaParam> properties = Map.of();
        private List<String> enumValues = List.of();
        private Optional<Double> minimum = Optional.empty();
        private Optional<Double> maximum = Optional.empty();
        private OptionalInt minLength = OptionalInt.empty();
        private OptionalInt maxLength = OptionalInt.empty();
        private Optional<String> pattern = Optional.empty();
        private Optional<String> requires = Optional.empty();
        private Optional<SchemaParam> items = Optional.empty();
        private boolean defaultKey;
        private Optional<String> alias = Optional.empty();
        private Optional<String> keyAlias = Optional.empty();
        private OptionalInt maxIndex = OptionalInt.empty();

        private Builder(String name) {
            this.name = requireNonNull(name, "name");
        }

        /** Sets the value type. */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** Sets whether the parameter may be left out. */
        public Builder optional(boolean value) {
            this.optional = value;
            return this;
        }

        /** Sets the named format. */
        public Builder format(String value) {
            this.format = Optional.of(value);
            return this;
        }

        /** Sets the property-string sub-schema. */
        public Builder properties(Map<String, SchemaParam> value) {
            this.properties = value;
            return this;
        }

        /** Sets the allowed values. */
        public Builder enumValues(List<String> value) {
            this.enumValues = value;
            return this;
        }

        /** Sets the inclusive minimum. */
        public Builder minimum(double value) {
            this.minimum = Optional.of(value);
            return this;
        }

        /** Sets the inclusive maximum. */
        public Builder maximum(double value) {
            this.maximum = Optional.of(value);
            return this;
        }

        /** Sets the minimum length. */
        public Builder minLength(int value) {
            this.minLength = OptionalInt.of(value);
            return this;
        }

        /** Sets the maximum length. */
        public Builder maxLength(int value) {
            this.maxLength = OptionalInt.of(value);
            return this;
        }

        /** Sets the (Java) regex the whole value must match. */
        public Builder pattern(String value) {
            this.pattern = Optional.of(value);
            return this;
        }

        /** Sets the parameter this one requires. */
        public Builder requires(String value) {
            this.requires = Optional.of(value);
            return this;
        }

        /** Sets the array element schema. */
        public Builder items(SchemaParam value) {
            this.items = Optional.of(value);
            return this;
        }

        /** Marks the property-string default key. */
        public Builder defaultKey(boolean value) {
            this.defaultKey = value;
            return this;
        }

        /** Sets the aliased key. */
        public Builder alias(String value) {
            this.alias = Optional.of(value);
            return this;
        }

        /** Sets the key that receives this key's name. */
        public Builder keyAlias(String value) {
            this.keyAlias = Optional.of(value);
            return this;
        }

        /** Sets the highest index of an indexed parameter. */
        public Builder maxIndex(int value) {
            this.maxIndex = OptionalInt.of(value);
            return this;
        }

        /** The parameter schema. */
        public SchemaParam build() {
            return new SchemaParam(
                    name,
                    type,
                    optional,
                    format,
                    properties,
                    enumValues,
                    minimum,
                    maximum,
                    minLength,
                    maxLength,
                    pattern,
                    requires,
                    items,
                    defaultKey,
                    alias,
                    keyAlias,
                    maxIndex);
        }
    }
}
