package dev.tailgen.core;

import dev.tailgen.core.config.ConfigLoader;
import dev.tailgen.core.config.ConfigSchema;
import dev.tailgen.core.config.LoadedConfig;
import dev.tailgen.core.config.PlaceholderResolver;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.exposure.ExposureChecks;
import dev.tailgen.core.exposure.Sections;
import dev.tailgen.core.exposure.ExposureTemplates;
import dev.tailgen.core.inventory.Inventory;
import dev.tailgen.core.inventory.InventoryBuilder;
import dev.tailgen.core.inventory.InventoryJson;
import dev.tailgen.core.inventory.InventoryReport;
import dev.tailgen.core.monitoring.Monitoring;
import dev.tailgen.core.netpol.NetworkPolicies;
import dev.tailgen.core.operator.CrdSourceReader;
import dev.tailgen.core.operator.OperatorInstall;
import dev.tailgen.core.operator.OperatorInstallResolver;
import dev.tailgen.core.operator.OperatorTemplates;
import dev.tailgen.core.output.CiliumValues;
import dev.tailgen.core.output.Delivery;
import dev.tailgen.core.output.OutputFile;
import dev.tailgen.core.output.OutputLayout;
import dev.tailgen.core.output.OutputWriter;
import dev.tailgen.core.output.TalhelperSnippets;
import dev.tailgen.core.output.TalosSizes;
import dev.tailgen.core.output.YamlSerializer;
import dev.tailgen.core.policy.ApiServerAccess;
import dev.tailgen.core.policy.TailnetPolicy;
import dev.tailgen.core.render.KindOrder;
import dev.tailgen.core.render.ManifestChecks;
import dev.tailgen.core.render.ManifestParser;
import dev.tailgen.core.render.ManifestRendering;
import dev.tailgen.core.render.TemplateCall;
import dev.tailgen.core.render.WrittenObject;
import dev.tailgen.core.uptodate.Fingerprint;
import dev.tailgen.core.uptodate.UpToDate;
import dev.tailgen.talos.ExternalManifest;
import dev.tailgen.talos.TalosVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pipeline, in this order: load -> validate -> resolve defaults -> cross-item checks -> inventory and tailnet
 * policy (with its cross-checks) -> render templates, re-parse and reject unknown fields, serialize (per object,
 * on every core, results in order) -> check across objects -> order -> Talos patches; then, separately, write
 * atomically. {@link #render()} writes nothing, so validate and generate share every check.
 */
public final class Generator {
    /** Names of the manifest groups: file names in manifests/ and inline-manifest names in Talos. */
    public static final String INSTALL = "tailscale-operator";
    public static final String CRDS = OutputLayout.CRD_GROUP;
    public static final String NAMESPACES = "tailscale-namespaces";
    /** The ExternalSecret: manifests only, since Talos would apply it before External Secrets' CRDs exist. */
    public static final String CREDENTIALS = "tailscale-operator-credentials";
    public static final String NETWORK_POLICIES = "tailscale-network-policies";
    public static final String MONITORING = "tailscale-monitoring";
    /** talos.include section name -> manifest group: every exposure section, then the network policies and monitoring. */
    public static final Map<String, String> SECTION_GROUPS = sectionGroups();
    /** Cilium's kube-proxy replacement with socket LB loses what kernel-mode proxies forward to ClusterIPs. */
    private final GeneratorSettings settings;
    private final YamlSerializer serializer = new YamlSerializer();
    /** One Jinjava (with its parsed templates) and one parser per generator, built while the config loads: a second render reuses them. */
    private final RenderTools tools = RenderTools.start();
    /** Its Jackson mapper caches the config's deserializers: build it once, not per render. */
    private final ConfigLoader loader = new ConfigLoader(Schema.INSTANCE);

    /** The compiled config schema, shared by every generator in the JVM (it is immutable). */
    private static final class Schema {
        static final ConfigSchema INSTANCE = ConfigSchema.load();
    }

    public Generator(GeneratorSettings settings) {
        this.settings = settings;
    }

    public GenerationResult render() {
        String checkedInputs = Fingerprint.ofChecks(settings.configFile()); // before reading them, so a later edit is not claimed
        Checked checked = loadAndCheck();
        RenderedGroups groups = renderManifests(checked);
        return layOut(checked, groups, checkedInputs);
    }

    /** The config, loaded and checked, and what it resolves to; nothing rendered yet. */
    private record Checked(LoadedConfig loaded, TailscaleConfig config, OperatorInstall install, Exposure exposure,
            ApiServerAccess apiAccess, Inventory inventory, TailnetPolicy policy, TalosVersion talos, List<String> warnings) {
    }

    /**
     * Each group's YAML in apply order, and what the report needs of the objects. The objects and
     * their template contexts end with {@link #renderManifests}, so the heap's peak (laying out the
     * files) holds the text alone: 5,000 services then fit in 140 MB.
     */
    private record RenderedGroups(Map<String, String> groups, Map<String, Integer> objectsByGroup, String secret, int secretObjects,
            List<WrittenObject> patches, Map<String, Integer> objectsByKind, Inventory inventory, List<String> notes, List<String> warnings) {
    }

    /** Steps 1 and 2. */
    private Checked loadAndCheck() {
        // 1. load and validate (schema, semantic checks); resolve defaults and placeholders
        LoadedConfig loaded = loader.load(settings.configFile(), settings.configDisplayName());
        TailscaleConfig config = loaded.config();
        OperatorInstall install = new OperatorInstallResolver(
                new PlaceholderResolver(settings.secrets(), settings.resolveSecrets())).resolve(loaded);
        Exposure exposure = Sections.resolve(config, install);
        // 2. cross-item checks; the inventory and the tailnet policy (with its cross-checks) need no rendering
        ExposureChecks.check(loaded.document(), config, exposure, install.hostname());
        ApiServerAccess apiAccess = ApiServerAccess.of(config, install, exposure);
        apiAccess.check(loaded.document());
        String domain = config.tailnet().domain();
        Inventory inventory = new InventoryBuilder(config.metadata().name(), domain).build(install, exposure);
        TailnetPolicy policy = TailnetPolicy.generate(loaded.document(), settings.configDisplayName(), config.acl(), install,
                exposure, inventory.exposures(), apiAccess, domain);
        inventory = inventory.withAccess(policy.access(), apiAccess.section(domain));
        return new Checked(loaded, config, install, exposure, apiAccess, inventory, policy, TalosVersion.parse(config.talos().version()),
                ExposureChecks.warnings(loaded.document(), exposure));
    }

    /** Steps 3 and 4. */
    private RenderedGroups renderManifests(Checked c) {
        // 3. say what each group renders, then render every call, re-parse each object (unknown fields fail) and write it
        OperatorInstall install = c.install();
        Exposure exposure = c.exposure();
        Map<String, List<TemplateCall>> calls = new LinkedHashMap<>();
        List<TemplateCall> installCalls = new ArrayList<>(OperatorTemplates.install(install));
        installCalls.addAll(ExposureTemplates.proxyClasses(exposure));
        installCalls.addAll(c.apiAccess().bindings());
        calls.put(INSTALL, installCalls);
        calls.put(CREDENTIALS, OperatorTemplates.externalSecret(install));
        calls.put(NAMESPACES, ExposureTemplates.namespaces(exposure, Set.of(install.namespace())));
        exposure.parts().forEach(part -> calls.put(part.section().group(), part.templates()));
        NetworkPolicies policies = NetworkPolicies.of(c.config().networkPolicy(), install, exposure);
        calls.put(NETWORK_POLICIES, policies.calls());
        List<String> policyNotes = CiliumValues.wanted(c.config(), policies.provider()) ? List.of(CiliumValues.NOTE) : List.of();
        Monitoring monitoring = Monitoring.of(c.config(), install, exposure, c.config().tailnet().domain());
        calls.put(MONITORING, monitoring.calls());

        RenderTools.Tools engines = tools.get();
        ManifestParser parser = engines.parser();
        // upstream CRDs are written from the tree they were read from, so numbers and key order stay as upstream wrote them
        List<WrittenObject> crds = !install.crds().inline() ? List.of()
                : new CrdSourceReader(parser).read(c.loaded().document(), install.crds().source(), install.release()).stream()
                        .map(m -> WrittenObject.of(m, serializer.write(m.tree()))).toList();
        ManifestRendering rendering = new ManifestRendering(engines.renderer(), parser, serializer);
        Map<String, List<WrittenObject>> groups = withCrds(rendering.render(calls), crds);
        groups.values().removeIf(List::isEmpty);
        List<WrittenObject> secretObjects = rendering.render(OperatorTemplates.oauthSecret(install));
        List<TemplateCall> patchCalls = new ArrayList<>();
        exposure.parts().forEach(part -> patchCalls.addAll(part.patches()));
        List<WrittenObject> patches = rendering.render(patchCalls);

        // 4. check across objects, then order each group and join its documents
        List<WrittenObject> all = new ArrayList<>();
        groups.values().forEach(all::addAll);
        all.addAll(secretObjects);
        ManifestChecks.check(all, install.release().clusterScopedKinds());
        Map<String, String> joined = new LinkedHashMap<>();
        Map<String, Integer> objectsByGroup = new LinkedHashMap<>();
        groups.forEach((name, objects) -> {
            joined.put(name, joinInOrder(objects));
            objectsByGroup.put(name, objects.size());
        });
        String secret = secretObjects.isEmpty() ? null : joinInOrder(secretObjects);

        Inventory inventory = c.inventory()
                .withNetworkPolicy(new Inventory.NetworkPolicySection(policies.provider(), policies.summary(),
                        concat(policies.notes(), policyNotes)))
                .withScraped(monitoring.scraped());
        List<String> warnings = new ArrayList<>(policies.warnings());
        warnings.addAll(monitoring.warnings());
        List<String> notes = new ArrayList<>();
        install.release().untestedNote().ifPresent(notes::add);
        if (install.externalSecret() != null) {
            notes.add("operator.credentials.externalSecret: manifests/" + CREDENTIALS + ".yaml holds the ExternalSecret; Talos does not"
                    + " carry it (External Secrets' CRDs are not there at bootstrap), so apply it with the manifests (GitOps); the operator"
                    + " starts once Secret " + install.namespace() + "/" + install.externalSecretName() + " exists");
        }
        List<String> tailscaleServices = new ArrayList<>();
        exposure.items().forEach(item -> tailscaleServices.addAll(item.tailscaleServices()));
        if (!tailscaleServices.isEmpty()) {
            notes.add("Tailscale Services " + String.join(", ", tailscaleServices) + ": the operator's OAuth client needs the services"
                    + " scope (write) besides devices:core and auth_keys, and the tailnet policy needs the fragment's autoApprovers.services");
        }
        notes.addAll(policyNotes);
        return new RenderedGroups(joined, objectsByGroup, secret, secretObjects.size(), patches, countByKind(all), inventory, notes,
                warnings);
    }

    /** Step 5: the files (manifests, Talos patches, report, inventory, policy, talhelper snippets) and the summary. */
    private GenerationResult layOut(Checked c, RenderedGroups m, String checkedInputs) {
        OperatorInstall install = c.install();
        TalosVersion talos = c.talos();
        Map<String, String> manifests = m.groups();
        List<ExternalManifest> crdManifests = install.crds().inline() ? List.of() : install.release().crdManifests();
        List<String> crdUrls = crdManifests.stream().map(ExternalManifest::url).toList();
        Delivery delivery = Delivery.plan(c.loaded().document(), c.config(), List.of(INSTALL, CRDS), SECTION_GROUPS, NAMESPACES,
                manifests.keySet(), m.secret() != null);
        Set<String> inTalos = delivery.inTalos();
        OutputLayout layout = new OutputLayout(settings.configDisplayName(), install.version(), talos, settings.frontEnd().regenerateCommand());
        List<OutputFile> files = layout.files(manifests, delivery, m.secret(), crdManifests);
        files.addAll(layout.patches(m.patches()));
        Map<String, Long> inlineBytes = new LinkedHashMap<>();
        inTalos.forEach(group -> inlineBytes.put(group, (long) manifests.get(group).getBytes(StandardCharsets.UTF_8).length));
        long patchBytes = files.stream().filter(f -> f.path().equals(OutputLayout.INSTALL_PATCH)).mapToLong(f -> f.bytes().length).sum();
        String sizeWarning = TalosSizes.warning(OutputLayout.INSTALL_PATCH, patchBytes);
        Inventory inventory = m.inventory().withTalos(new Inventory.TalosSection(talos.toString(), OutputLayout.INSTALL_PATCH, patchBytes,
                inlineBytes, sizeWarning, delivery.bootstrapOnly() ? "bootstrap" : "owner", owners(delivery, m, crdManifests.size())));
        files.addAll(layout.inventory(InventoryReport.write(inventory, settings.configDisplayName(), settings.frontEnd().regenerateCommand()), new InventoryJson().write(inventory)));
        files.add(layout.policy(c.policy().hujson()));
        String issuer = c.config().talos().serviceAccountIssuer();
        if (issuer != null) {
            files.add(layout.apiServerPatch(issuer, c.config().talos().kubernetesVersion()));
        }
        if (CiliumValues.wanted(c.config(), inventory.networkPolicy().provider())) {
            files.add(CiliumValues.file(settings.configDisplayName()));
        }
        if (c.config().talos().talhelper() != null) {
            files.addAll(TalhelperSnippets.files(c.config().talos().talhelper().outputPath(), files, inTalos, settings.configDisplayName()));
        }

        List<String> warnings = new ArrayList<>(c.warnings());
        warnings.addAll(delivery.warnings());
        warnings.addAll(c.policy().warnings());
        warnings.addAll(m.warnings());
        if (inventory.deviceWarning() != null) {
            warnings.add(inventory.deviceWarning());
        }
        if (sizeWarning != null) {
            warnings.add(sizeWarning);
        }
        List<String> notes = new ArrayList<>(m.notes());
        if (issuer != null) {
            notes.add("talos.serviceAccountIssuer: apply " + OutputLayout.APISERVER_PATCH + " to the control planes, and serve " + issuer
                    + "'s discovery document and JWKS (kubectl get --raw /.well-known/openid-configuration, /openid/v1/jwks) where Tailscale reaches them");
        }
        if (delivery.bootstrapOnly()) {
            notes.add("talos.role: bootstrap: Talos applies only the operator (Namespace, CRDs, install, Secret); "
                    + OutputLayout.KUSTOMIZATION + " lists everything for GitOps to own (" + OutputLayout.REPORT + ", Owners, says how to hand over)");
        }
        return new GenerationResult(install.version(), install.namespace(), install.credentialsMode(), talos,
                m.objectsByKind(), crdUrls, files, inlineBytes, inventory.deviceCount(), notes, warnings,
                OutputLayout.talosContent(manifests, inTalos, m.secret(), crdManifests), checkedInputs);
    }

    private static Map<String, String> sectionGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        Sections.ALL.forEach(section -> groups.put(section.key(), section.group()));
        groups.put("networkPolicies", NETWORK_POLICIES);
        groups.put("monitoring", MONITORING);
        return Map.copyOf(groups);
    }

    /** The report's Owners table: the CRD URLs, each manifest file in apply order, then the Secret. */
    private static List<Inventory.Owner> owners(Delivery delivery, RenderedGroups m, int crdUrls) {
        List<Inventory.Owner> owners = new ArrayList<>();
        if (crdUrls > 0) {
            owners.add(new Inventory.Owner(OutputLayout.CRD_URLS, crdUrls, delivery.crdUrlsOwner()));
        }
        m.objectsByGroup().forEach((group, count) -> owners.add(new Inventory.Owner("manifests/" + group + ".yaml", count,
                delivery.owner(group))));
        if (m.secret() != null) {
            owners.add(new Inventory.Owner(OutputLayout.SECRET_PATCH, m.secretObjects(), delivery.secretOwner()));
        }
        return owners;
    }

    /** @return notices for the log (an earlier output put back after a crash) */
    public List<String> write(GenerationResult result, Path outputDirectory) {
        return new OutputWriter().write(outputDirectory, result.files());
    }

    /** Writes the output and records {@code fingerprint} and the checked inputs (see {@link UpToDate}) so the next generate, and validate, can skip. */
    public List<String> write(GenerationResult result, Path outputDirectory, String fingerprint) {
        return new OutputWriter().write(outputDirectory, result.files(), UpToDate.markerLines(fingerprint, result.checkedInputs(), result.files()));
    }

    /** The CRDs' group right after the install, where Talos and the output files expect it. */
    private static Map<String, List<WrittenObject>> withCrds(Map<String, List<WrittenObject>> groups, List<WrittenObject> crds) {
        Map<String, List<WrittenObject>> out = new LinkedHashMap<>();
        groups.forEach((name, objects) -> {
            out.put(name, objects);
            if (name.equals(INSTALL)) {
                out.put(CRDS, crds);
            }
        });
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String joinInOrder(List<WrittenObject> objects) {
        List<WrittenObject> sorted = new ArrayList<>(objects);
        sorted.sort(KindOrder.OBJECTS);
        return YamlSerializer.join(sorted.stream().map(WrittenObject::yaml).toList());
    }

    /** Counts in apply order of the kinds. */
    private static Map<String, Integer> countByKind(List<WrittenObject> objects) {
        Map<String, Integer> counts = new TreeMap<>(KindOrder.KINDS);
        objects.forEach(o -> counts.merge(o.kind(), 1, Integer::sum));
        return new LinkedHashMap<>(counts);
    }
}
