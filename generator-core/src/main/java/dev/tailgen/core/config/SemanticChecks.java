package dev.tailgen.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.operator.OperatorRelease;
import dev.tailgen.core.problem.ConfigProblem;
import dev.tailgen.talos.TalosVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules the schema cannot say, or that we hold in code as well because getting them wrong breaks a
 * cluster: DNS-label names, tag syntax, pinned and supported versions, one credentials mode.
 */
public final class SemanticChecks {
    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    static final Pattern TAG = Pattern.compile("tag:[A-Za-z][A-Za-z0-9-]*");
    static final TalosVersion OLDEST_TALOS = new TalosVersion(1, 8);
    static final TalosVersion NEWEST_TALOS = new TalosVersion(1, 15);
    private static final List<String> CREDENTIAL_MODES = List.of("oauth", "existingSecret", "volume", "workloadIdentity");

    private final ConfigDocument doc;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private SemanticChecks(ConfigDocument doc) {
        this.doc = doc;
    }

    public static List<ConfigProblem> check(ConfigDocument doc) {
        SemanticChecks checks = new SemanticChecks(doc);
        checks.run();
        return checks.problems;
    }

    private void run() {
        JsonNode root = doc.tree();
        checkTalos(root.path("talos"));
        JsonNode operator = root.path("operator");
        checkOperatorVersion(operator.path("version"));
        dnsLabel("/operator/namespace", operator.path("namespace"));
        dnsLabel("/operator/hostname", operator.path("hostname"));
        tags("/operator/tags", operator.path("tags"));
        tags("/proxies/tags", root.path("proxies").path("tags"));
        checkCredentials(operator.path("credentials"));
        checkImage("/operator/image", operator.path("image"));
        checkImage("/operator/proxyImage", operator.path("proxyImage"));
        for (String section : List.of("services", "ingresses", "egress")) {
            JsonNode items = root.path(section);
            for (int i = 0; i < items.size(); i++) {
                String base = "/" + section + "/" + i;
                dnsLabel(base + "/namespace", items.get(i).path("namespace"));
                dnsLabel(base + "/hostname", items.get(i).path("hostname"));
                tags(base + "/tags", items.get(i).path("tags"));
            }
        }
        JsonNode routers = root.path("subnetRouters");
        for (int i = 0; i < routers.size(); i++) {
            tags("/subnetRouters/" + i + "/tags", routers.get(i).path("tags"));
        }
    }

    private void checkTalos(JsonNode talos) {
        JsonNode version = talos.path("version");
        if (version.isTextual()) {
            try {
                TalosVersion v = TalosVersion.parse(version.asText());
                if (v.compareTo(OLDEST_TALOS) < 0 || v.compareTo(NEWEST_TALOS) > 0) {
                    add("/talos/version", "Talos " + v + " is not supported; use a version from "
                            + OLDEST_TALOS + " to " + NEWEST_TALOS);
                }
            } catch (IllegalArgumentException e) {
                add("/talos/version", e.getMessage());
            }
        }
        boolean inline = "inline".equals(talos.path("crds").asText("url"));
        if (inline && !talos.hasNonNull("crdSource")) {
            add("/talos/crds", "crds: inline needs talos.crdSource: a release manifest or a folder holding the 8 tailscale.com CRD files");
        }
        if (!inline && talos.hasNonNull("crdSource")) {
            add("/talos/crdSource", "crdSource is only read with crds: inline; set talos.crds: inline or remove crdSource");
        }
    }

    private void checkOperatorVersion(JsonNode version) {
        if (!version.isTextual()) {
            return;
        }
        String v = version.asText();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("stable") || lower.equals("latest") || lower.equals("unstable")) {
            add("/operator/version", "\"" + v + "\" is not pinned; name a release such as " + OperatorRelease.DEFAULT_VERSION);
        } else if (!OperatorRelease.supported(v)) {
            add("/operator/version", "operator " + v + " is not supported by this plugin release: it knows the CRDs and RBAC of v1.102.x (tested: "
                    + OperatorRelease.DEFAULT_VERSION + ")");
        }
    }

    private void checkCredentials(JsonNode credentials) {
        if (!credentials.isObject()) {
            return;
        }
        List<String> present = new ArrayList<>();
        for (String mode : CREDENTIAL_MODES) {
            if (credentials.has(mode)) {
                present.add(mode);
            }
        }
        if (present.size() != 1) {
            add("/operator/credentials", "set exactly one of " + String.join(", ", CREDENTIAL_MODES)
                    + " (got " + (present.isEmpty() ? "none" : String.join(", ", present)) + ")");
        }
    }

    private void checkImage(String pointer, JsonNode image) {
        JsonNode tag = image.path("tag");
        if (tag.isTextual() && (tag.asText().equals("stable") || tag.asText().equals("latest"))) {
            add(pointer + "/tag", "\"" + tag.asText() + "\" is not pinned; use a release tag such as "
                    + OperatorRelease.DEFAULT_VERSION + " or a digest");
        }
    }

    private void dnsLabel(String pointer, JsonNode value) {
        if (value.isTextual() && !DNS_LABEL.matcher(value.asText()).matches()) {
            add(pointer, "expected a DNS label: lowercase letters, digits and '-', 1-63 characters, starting and ending with a letter or digit (got \""
                    + value.asText() + "\")");
        }
    }

    private void tags(String pointer, JsonNode list) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode tag = list.get(i);
            if (tag.isTextual() && !TAG.matcher(tag.asText()).matches()) {
                add(pointer + "/" + i, "expected a tag like tag:k8s (\"tag:\", a letter, then letters, digits or '-') (got \""
                        + tag.asText() + "\")");
            }
        }
    }

    private void add(String pointer, String message) {
        problems.add(doc.problemAt(pointer, message));
    }
}
