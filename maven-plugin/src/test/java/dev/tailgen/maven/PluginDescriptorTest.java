package dev.tailgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Checks the generated plugin descriptor (target/classes/META-INF/maven/plugin.xml, written by
 * maven-plugin-plugin in process-classes, before the test phase): goal prefix, goals, phases,
 * thread safety, dependency resolution and the user properties, which are the plugin's public
 * interface.
 */
class PluginDescriptorTest {

    private static final Path DESCRIPTOR = Paths.get("target", "classes", "META-INF", "maven", "plugin.xml");

    private static Document plugin;
    private static XPath xpath;

    @BeforeAll
    static void readDescriptor() throws Exception {
        assertThat(DESCRIPTOR).as("run in the test phase, after maven-plugin-plugin:descriptor").isRegularFile();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        try (var in = Files.newInputStream(DESCRIPTOR)) {
            plugin = factory.newDocumentBuilder().parse(in);
        }
        xpath = XPathFactory.newInstance().newXPath();
    }

    private static String text(String expression) throws XPathExpressionException {
        return xpath.evaluate(expression, plugin).trim();
    }

    private static double count(String expression) throws XPathExpressionException {
        return (Double) xpath.evaluate("count(" + expression + ")", plugin, XPathConstants.NUMBER);
    }

    private static String mojo(String goal) {
        return "/plugin/mojos/mojo[goal='" + goal + "']";
    }

    @Test
    void coordinatesPrefixAndRequiredMavenVersion() throws Exception {
        assertThat(text("/plugin/groupId")).isEqualTo("dev.tailgen");
        assertThat(text("/plugin/artifactId")).isEqualTo("tailscale-maven-plugin");
        assertThat(text("/plugin/goalPrefix")).isEqualTo("tailscale");
        assertThat(text("/plugin/requiredMavenVersion")).isEqualTo("3.8.7");
    }

    @Test
    void goalsAndPhases() throws Exception {
        assertThat(count("/plugin/mojos/mojo")).isEqualTo(5);
        assertThat(count(mojo("embed"))).isEqualTo(1);
        assertThat(count(mojo("embed") + "/phase")).as("embed edits files the user keeps: run by hand, not bound").isZero();
        assertThat(count(mojo("check"))).isEqualTo(1);
        assertThat(count(mojo("generate"))).isEqualTo(1);
        assertThat(count(mojo("validate"))).isEqualTo(1);
        assertThat(count(mojo("help"))).isEqualTo(1);

        assertThat(text(mojo("generate") + "/phase")).isEqualTo("generate-resources");
        assertThat(text(mojo("generate") + "/implementation")).isEqualTo(GenerateMojo.class.getName());
        assertThat(text(mojo("validate") + "/phase")).isEqualTo("validate");
        assertThat(text(mojo("validate") + "/implementation")).isEqualTo(ValidateMojo.class.getName());
        assertThat(text(mojo("check") + "/phase")).isEqualTo("verify");
        assertThat(text(mojo("check") + "/implementation")).isEqualTo(CheckMojo.class.getName());
        // help is run from the command line: no lifecycle binding
        assertThat(count(mojo("help") + "/phase")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "validate", "check"})
    void threadSafeWithoutDependencyResolution(String goal) throws Exception {
        assertThat(text(mojo(goal) + "/threadSafe")).isEqualTo("true");
        // absent means Maven resolves no project dependencies for the goal (none are needed)
        assertThat(count(mojo(goal) + "/requiresDependencyResolution")).isZero();
        assertThat(text(mojo(goal) + "/requiresProject")).isEqualTo("true");
        assertThat(text(mojo(goal) + "/aggregator")).isEqualTo("false");
        assertThat(text(mojo(goal) + "/requiresOnline")).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "validate", "check"})
    void configAndSkipParameters(String goal) throws Exception {
        String m = mojo(goal);
        assertThat(text(m + "/parameters/parameter[name='config']/type")).isEqualTo("java.io.File");
        assertThat(text(m + "/parameters/parameter[name='config']/editable")).isEqualTo("true");
        assertThat(text(m + "/configuration/config")).isEqualTo("${tailscale.config}");
        assertThat(text(m + "/configuration/config/@implementation")).isEqualTo("java.io.File");
        assertThat(text(m + "/configuration/config/@default-value")).isEqualTo("${project.basedir}/tailscale.yaml");

        assertThat(text(m + "/parameters/parameter[name='skip']/type")).isEqualTo("boolean");
        assertThat(text(m + "/configuration/skip")).isEqualTo("${tailscale.skip}");
        assertThat(text(m + "/configuration/skip/@default-value")).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "check", "validate"})
    void outputDirectoryOnGenerateCheckAndValidate(String goal) throws Exception { // validate reads the marker, writes nothing
        String m = mojo(goal);
        assertThat(text(m + "/parameters/parameter[name='outputDirectory']/type")).isEqualTo("java.io.File");
        assertThat(text(m + "/configuration/outputDirectory")).isEqualTo("${tailscale.outputDirectory}");
        assertThat(text(m + "/configuration/outputDirectory/@default-value"))
                .isEqualTo("${project.build.directory}/tailscale");
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "validate"})
    void forceOnGenerateAndValidate(String goal) throws Exception {
        assertThat(text(mojo(goal) + "/configuration/force")).isEqualTo("${tailscale.force}");
        assertThat(text(mojo(goal) + "/configuration/force/@default-value")).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "validate", "check", "embed"})
    void everyUserPropertyHasTheTailscalePrefix(String goal) throws Exception {
        // user-settable parameters only; read-only ones (basedir, settings) carry no property
        NodeList nodes = (NodeList) xpath.evaluate(mojo(goal) + "/configuration/*[normalize-space(text())!='']",
                plugin, XPathConstants.NODESET);
        assertThat(nodes.getLength()).isGreaterThan(0);
        for (int i = 0; i < nodes.getLength(); i++) {
            assertThat(nodes.item(i).getTextContent().trim())
                    .as("%s parameter %s", goal, nodes.item(i).getNodeName())
                    .matches("\\$\\{tailscale\\.[a-z][A-Za-z]*}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "validate", "check"})
    void noEditableParameterLooksLikeASecret(String goal) throws Exception {
        // credentials come from placeholders, never from mojo parameters (mvn -X dumps them)
        NodeList names = (NodeList) xpath.evaluate(mojo(goal) + "/parameters/parameter/name", plugin,
                XPathConstants.NODESET);
        for (int i = 0; i < names.getLength(); i++) {
            assertThat(names.item(i).getTextContent().toLowerCase(Locale.ROOT))
                    .doesNotContain("secret", "password", "token", "clientid");
        }
    }
}
