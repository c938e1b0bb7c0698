package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Facts with typed keys: values stored in their context-file form, read back typed")
class TypedFactsTest {

    record Pair(String name, int id) {}

    private static final Key<List<Pair>> PAIRS = Key.of(
            "pairs",
            FactCodec.listOf(
                    (Pair p) -> Map.of("name", p.name(), "id", p.id()),
                    json -> json instanceof Map<?, ?> m
                                    && m.get("name") instanceof String n
                                    && m.get("id") instanceof Number id
                            ? new Pair(n, id.intValue())
                            : fail(json)));

    private static Pair fail(Object json) {
        throw new IllegalStateException("has an entry without a name and an id: " + json);
    }

    @Test
    @DisplayName("a structured value is written as JSON values and read back as the same typed value")
    void structuredRoundTrip() {
        Facts facts = Facts.empty().with(PAIRS, List.of(new Pair("a", 1), new Pair("b", 2)));

        assertThat(facts.asMap().get("pairs"))
                .isEqualTo(List.of(Map.of("name", "a", "id", 1), Map.of("name", "b", "id", 2)));
        Facts reloaded = Facts.fromMap(facts.asMap()); // as read back from a context file
        assertThat(reloaded.get(PAIRS)).contains(List.of(new Pair("a", 1), new Pair("b", 2)));
    }

    @Test
    @DisplayName("a value of the wrong shape is refused naming the key and the entry")
    void wrongShapeNamesKey() {
        Facts facts = Facts.fromMap(Map.of("pairs", List.of(Map.of("name", "x"))));

        assertThatThrownBy(() -> facts.get(PAIRS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pairs has an entry without a name and an id: {name=x}");
        assertThatThrownBy(() -> Facts.fromMap(Map.of("pairs", "text")).get(PAIRS))
                .hasMessage("pairs is a String, not a list");
    }

    @Test
    @DisplayName("scalar keys convert numbers as a JSON reader gives them (Long, Integer, numeric strings)")
    void scalars() {
        Facts facts = Facts.fromMap(Map.of("vm_id", 99900L, "count", "7", "ip", "10.0.0.5"));

        assertThat(facts.get(Key.integer("vm_id"))).contains(99900);
        assertThat(facts.get(Key.integer("count"))).contains(7);
        assertThat(facts.get(Facts.VM_IP)).isEmpty();
        assertThat(facts.get(Key.string("ip"))).contains("10.0.0.5");
        assertThatThrownBy(() -> facts.get(Key.of("ip", Boolean.class))).hasMessage("ip has type String, not Boolean");
    }
}
