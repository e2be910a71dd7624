package dev.tailgen.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgen.core.problem.ConfigProblem;
import dev.tailgen.core.release.ReleaseCatalog;
import dev.tailgen.core.release.ReleaseChecks;
import dev.tailgen.talos.TalosVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules the schema cannot say: the supported Talos range, crds and crdSource together, values of
 * Kubernetes types against their strict schema, the operator release against the release data. Runs only after the schema passed, so it repeats none of its rules.
 */
public final class SemanticChecks {
    static final TalosVersion OLDEST_TALOS = new TalosVersion(1, 8);
    static final TalosVersion NEWEST_TALOS = new TalosVersion(1, 15);

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
        checkTalos(doc.tree().path("talos"));
        problems.addAll(KubernetesTypedKeys.check(doc));
        problems.addAll(ReleaseChecks.check(doc, ReleaseCatalog.bundled()));
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
        if (talos.hasNonNull("serviceAccountIssuer")) {
            checkIssuer(talos, version);
        }
        boolean inline = "inline".equals(talos.path("crds").asText("url"));
        if (inline && !talos.hasNonNull("crdSource")) {
            add("/talos/crds", "crds: inline needs talos.crdSource: the release manifest of the pinned operator version, or a folder holding its tailscale.com CRD files");
        }
        if (!inline && talos.hasNonNull("crdSource")) {
            add("/talos/crdSource", "crdSource is only read with crds: inline; set talos.crds: inline or remove crdSource");
        }
    }

    /** The API server's issuer only matters for workload identity; Talos 1.14's document for it names the image. */
    private void checkIssuer(JsonNode talos, JsonNode version) {
        if (!doc.tree().path("operator").path("credentials").hasNonNull("workloadIdentity")) {
            add("/talos/serviceAccountIssuer", "only used with operator.credentials.workloadIdentity (Tailscale verifies the operator's"
                    + " service-account token against this issuer); set workloadIdentity or remove serviceAccountIssuer");
        }
        if (version.isTextual() && !talos.hasNonNull("kubernetesVersion")) {
            try {
                if (TalosVersion.parse(version.asText()).usesApiServerDocument()) {
                    add("/talos/serviceAccountIssuer", "Talos " + version.asText() + " sets API server flags in a KubeAPIServerConfig document,"
                            + " which names the API server image: set talos.kubernetesVersion to the cluster's Kubernetes version (e.g. v1.35.0)");
                }
            } catch (IllegalArgumentException e) {
                // reported at talos.version above
            }
        }
    }

    private void add(String pointer, String message) {
        problems.add(doc.problemAt(pointer, message));
    }
}
