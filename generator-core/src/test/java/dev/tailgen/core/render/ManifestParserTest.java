package dev.tailgen.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rendered text is never trusted: what a lax reader would accept silently fails here. */
class ManifestParserTest {
    private final ManifestParser parser = new ManifestParser();

    @Test
    void unknownFieldDeepInAnObjectFails() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: ns}
                spec:
                  selector: {matchLabels: {app: a}}
                  template:
                    metadata: {labels: {app: a}}
                    spec:
                      containers:
                        - name: c
                          image: i:1
                          imagePullPolicyy: Always
                """;
        assertThatThrownBy(() -> parser.parse("deployment.yaml.j2", yaml))
                .isInstanceOf(ManifestException.class)
                .hasMessage("deployment.yaml.j2: Deployment d: unknown field spec.template.spec.containers[0].imagePullPolicyy");
    }

    @Test
    void duplicateKeyFails() {
        String yaml = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: kube-system\n";
        assertThatThrownBy(() -> parser.parse("namespace.yaml.j2", yaml))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("namespace.yaml.j2: document 1 is not valid YAML: Duplicate field 'name'");
    }

    @Test
    void aDocumentWithoutKindFails() {
        assertThatThrownBy(() -> parser.parse("x", "apiVersion: v1\nmetadata: {name: a}\n"))
                .isInstanceOf(ManifestException.class)
                .hasMessage("x: document 1 is not a Kubernetes object (needs apiVersion and kind)");
    }

    @Test
    void emptyDocumentsAreSkipped() {
        assertThat(parser.parse("x", "---\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n")).hasSize(1);
    }

    @Test
    void namespaceRulesHold() {
        assertThatThrownBy(() -> ManifestChecks.check(written("x", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a}\n"), Set.of()))
                .hasMessage("ServiceAccount a: namespaced objects must set metadata.namespace to a DNS label (got null)");
        assertThatThrownBy(() -> ManifestChecks.check(written("x",
                "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: a, namespace: b}\n"), Set.of()))
                .hasMessage("ClusterRole a: cluster-scoped objects must not set metadata.namespace (got b)");
    }

    private List<WrittenObject> written(String origin, String text) {
        return parser.parse(origin, text).stream().map(m -> WrittenObject.of(m, "")).toList();
    }

    @Test
    void aKindWeDoNotEmitFails() {
        assertThatThrownBy(() -> parser.parse("x", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\n"))
                .isInstanceOf(ManifestException.class)
                .hasMessage("x: Pod p: no known shape for kind Pod");
    }

    @Test
    void parseOnlySkipsOtherKindsUnread() {
        String text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {whatever: 1}\n---\n"
                + "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n";
        assertThat(parser.parseOnly("x", text, "Namespace")).extracting(Manifest::kind).containsExactly("Namespace");
    }
}
