package dev.homestak.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.ConfigFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Every manifest of the invalid corpus is refused with exactly its problems, each with file:line and key")
class InvalidManifestTest {

    @TempDir
    static Path tmp;

    static Stream<Path> corpus() {
        return InvalidManifestCorpus.files().stream();
    }

    @Test
    @DisplayName("the corpus is there and every file says what it expects")
    void corpusIsComplete() {
        assertThat(InvalidManifestCorpus.files())
                .hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(f -> assertThat(InvalidManifestCorpus.expects(f))
                        .as(f.toString())
                        .isNotEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithItsProblems(Path file) {
        ConfigFailure failure = Manifests.load(new ManifestSource.File(file), V2Fixture.site(tmp))
                .getLeft();
        List<String> lines =
                failure instanceof ConfigFailure.ProblemList list ? list.lines() : List.of(failure.message());
        List<InvalidManifestCorpus.Expect> expects = InvalidManifestCorpus.expects(file);
        assertThat(lines).as("problems of %s", file.getFileName()).hasSize(expects.size());
        for (int i = 0; i < expects.size(); i++) {
            InvalidManifestCorpus.Expect e = expects.get(i);
            assertThat(e.matches(file, lines.get(i)))
                    .as("%s%nexpected %s%n     got %s", file.getFileName(), e, lines.get(i))
                    .isTrue();
        }
    }
}
