package dev.homestak.scenarios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("JUnit XML report")
class JunitReportTest {

    private final String xml = JunitReport.render(SampleReports.failedWithCleanup(), SampleReports.ZONE);

    @Test
    @DisplayName("matches the golden file")
    void matchesGolden() {
        Golden.assertMatches("failed-cleanup.junit.xml", xml);
    }

    @Test
    @DisplayName("is well-formed XML with one testcase per phase; failures and skips (incl. not run) mapped")
    void structure() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("7");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("3");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(7);
        Element waitIp = (Element) cases.item(2);
        Element failure = (Element) waitIp.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("tofu apply failed:");
        assertThat(((Element) cases.item(3)).getElementsByTagName("skipped").getLength())
                .isEqualTo(1);
        assertThat(failure.getTextContent())
                .contains("non-existent | or non-regular file")
                .doesNotContain("\u001b");
    }
}
