package dev.homestak.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code homestak-bom} has no parent (so that it pins nothing but homestak), so nothing keeps it in step with
 * the reactor by inheritance: this test does.
 */
@DisplayName("homestak-bom agrees with the reactor")
class BomTest {

    /** Reactor modules that publish nothing (their poms skip deploy) or are the BOM itself. */
    static final Set<String> UNPUBLISHED = Set.of("bench", "homestak-resilience", "homestak-dist", "homestak-bom");

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @DisplayName("it manages every published module of the reactor, at the project version")
    void everyModule() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("homestak-bom/pom.xml"));

        List<String> published = new ArrayList<>();
        for (String module : texts(parent, "modules/module")) {
            if (!UNPUBLISHED.contains(module)) {
                published.add(module);
            }
        }
        List<String> managed = texts(bom, "dependencyManagement/dependencies/dependency/artifactId");

        assertThat(managed)
                .as("add new modules to homestak-bom/pom.xml")
                .containsExactlyInAnyOrderElementsOf(published);
        assertThat(texts(bom, "dependencyManagement/dependencies/dependency/version"))
                .containsOnly("${project.version}");
        assertThat(text(bom, "version")).isEqualTo(text(parent, "version"));
        assertThat(text(bom, "groupId")).isEqualTo(text(parent, "groupId"));
    }

    @Test
    @DisplayName("its publishing metadata (URL, licence, SCM, developers, output timestamp) is the parent's")
    void sameMetadata() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("homestak-bom/pom.xml"));

        for (String path : List.of(
                "url",
                "licenses/license/name",
                "licenses/license/url",
                "scm/connection",
                "scm/developerConnection",
                "scm/url",
                "developers/developer/id",
                "issueManagement/url",
                "properties/project.build.outputTimestamp")) {
            assertThat(text(bom, path)).as(path).isNotBlank().isEqualTo(text(parent, path));
        }
    }

    static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of the one element at {@code path} (child names from the project element). */
    static String text(Document pom, String path) {
        List<String> texts = texts(pom, path);
        assertThat(texts).as(path).hasSize(1);
        return texts.getFirst();
    }

    static List<String> texts(Document pom, String path) {
        List<Element> level = List.of(pom.getDocumentElement());
        for (String name : path.split("/")) {
            List<Element> next = new ArrayList<>();
            for (Element element : level) {
                NodeList children = element.getChildNodes();
                for (int i = 0; i < children.getLength(); i++) {
                    Node child = children.item(i);
                    if (child instanceof Element e && e.getTagName().equals(name)) {
                        next.add(e);
                    }
                }
            }
            level = next;
        }
        return level.stream().map(e -> e.getTextContent().strip()).toList();
    }
}
