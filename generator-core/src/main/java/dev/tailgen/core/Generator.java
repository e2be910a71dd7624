package dev.tailgen.core;

import dev.tailgen.core.config.ConfigLoader;
import dev.tailgen.core.config.ConfigSchema;
import dev.tailgen.core.config.LoadedConfig;
import dev.tailgen.core.config.PlaceholderResolver;
import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.exposure.Exposure;
import dev.tailgen.core.exposure.ExposureChecks;
import dev.tailgen.core.exposure.ExposureResolver;
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
import dev.tailgen.core.operator.OperatorRelease;
import dev.tailgen.core.operator.OperatorTemplates;
import dev.tailgen.core.output.OutputFile;
import dev.tailgen.core.output.OutputLayout;
import dev.tailgen.core.output.OutputWriter;
import dev.tailgen.core.output.TalhelperSnippets;
import dev.tailgen.core.output.TalosSizes;
import dev.tailgen.core.output.YamlSerializer;
import dev.tailgen.core.policy.TailnetPolicy;
import dev.tailgen.core.render.KindOrder;
import dev.tailgen.core.render.Manifest;
import dev.tailgen.core.render.ManifestChecks;
import dev.tailgen.core.render.ManifestParser;
import dev.tailgen.core.render.TemplateRenderer;
import dev.tailgen.core.uptodate.UpToDate;
import dev.tailgen.talos.TalosVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pipeline, in this order: load -> validate -> resolve defaults -> cross-item checks -> inventory and tailnet
 * policy (with its cross-checks) -> render templates -> re-parse
 * and reject unknown fields -> check -> order -> serialize -> Talos patches; then, separately,
 * write atomically. {@link #render()} writes nothing, so validate and generate share every check.
 */
public final class Generator {
    /** Names of the manifest groups: file names in manifests/ and inline-manifest names in Talos. */
    public static final String INSTALL = "tailscale-operator";
    public static final String CRDS = "tailscale-operator-crds";
    public static final String NAMESPACES = "tailscale-namespaces";
    /** talos.include section name -> manifest group. */
    public static final Map<String, String> SECTION_GROUPS = Map.of(
            "services", "tailscale-services",
            "ingresses", "tailscale-ingresses",
            "subnetRouters", "tailscale-subnet-routers",
            "egress", "tailscale-egress",
            "networkPolicies", "tailscale-network-policies",
            "monitoring", "tailscale-monitoring");
    /** Cilium's kube-proxy replacement with socket LB loses what kernel-mode proxies forward to ClusterIPs. */
    public static final String CILIUM_SOCKET_LB_NOTE = "Cilium: with kube-proxy replacement, set socketLB.hostNamespaceOnly: true"
            + " (Helm; agent flag bpf-lb-sock-hostns-only), or the L4 proxies' forwarded traffic to ClusterIPs is lost";

    private final GeneratorSettings settings;
    private final YamlSerializer serializer = new YamlSerializer();
    private final ManifestParser parser = new ManifestParser();
    /** One Jinjava and its parsed templates per generator: a second render reuses them. */
    private final TemplateRenderer renderer = new TemplateRenderer();
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
        // 1. load and validate (schema, semantic checks); resolve defaults and placeholders
        LoadedConfig loaded = loader.load(settings.configFile(), settings.configDisplayName());
        TailscaleConfig config = loaded.config();
        OperatorInstall install = new OperatorInstallResolver(
                new PlaceholderResolver(settings.secrets(), settings.resolveSecrets())).resolve(loaded);
        Exposure exposure = new ExposureResolver().resolve(config, install);
        // 2. cross-item checks; the inventory and the tailnet policy (with its cross-checks) need no rendering
        ExposureChecks.check(loaded.document(), exposure, install.hostname());
        Inventory inventory = new InventoryBuilder(config.metadata().name(), config.tailnet().domain()).build(install, exposure);
        TailnetPolicy policy = TailnetPolicy.generate(loaded.document(), settings.configDisplayName(), config.acl(), install,
                exposure, inventory.exposures());
        inventory = inventory.withAccess(policy.access());
        TalosVersion talos = TalosVersion.parse(config.talos().version());

        // 3. render every group from its templates and re-parse each object (unknown fields fail)
        OperatorTemplates operator = new OperatorTemplates(renderer);
        ExposureTemplates exposed = new ExposureTemplates(renderer);
        Map<String, List<Manifest>> groups = new LinkedHashMap<>();
        List<Manifest> installObjects = parse(operator.install(install));
        installObjects.addAll(parse(exposed.proxyClass(exposure)));
        groups.put(INSTALL, installObjects);
        if (install.crds().inline()) {
            groups.put(CRDS, new CrdSourceReader(parser).read(loaded.document(), install.crds().source()));
        }
        groups.put(NAMESPACES, parse(exposed.namespaces(exposure, Set.of(install.namespace()))));
        groups.put(SECTION_GROUPS.get("services"), parse(exposed.services(exposure)));
        groups.put(SECTION_GROUPS.get("ingresses"), parse(exposed.ingresses(exposure)));
        groups.put(SECTION_GROUPS.get("subnetRouters"), parse(exposed.connectors(exposure)));
        groups.put(SECTION_GROUPS.get("egress"), parse(exposed.egress(exposure)));
        NetworkPolicies policies = NetworkPolicies.render(config.networkPolicy(), install, exposure, renderer);
        groups.put(SECTION_GROUPS.get("networkPolicies"), parse(policies.rendered()));
        List<String> notes = policies.provider().equals(NetworkPolicies.CILIUM) ? List.of(CILIUM_SOCKET_LB_NOTE) : List.of();
        inventory = inventory.withNetworkPolicy(new Inventory.NetworkPolicySection(policies.provider(), policies.summary(), notes));
        Monitoring monitoring = Monitoring.render(config, install, exposure, config.tailnet().domain(), renderer);
        groups.put(SECTION_GROUPS.get("monitoring"), parse(monitoring.rendered()));
        inventory = inventory.withScraped(monitoring.scraped());
        groups.values().removeIf(List::isEmpty);
        List<Manifest> secretObjects = parse(operator.oauthSecret(install));

        // 4. check across objects, then order and serialize each group
        List<Manifest> all = new ArrayList<>();
        groups.values().forEach(all::addAll);
        all.addAll(secretObjects);
        ManifestChecks.check(all);

        Map<String, String> manifests = new LinkedHashMap<>();
        groups.forEach((name, objects) -> manifests.put(name, serialize(objects, name.equals(CRDS))));
        String secretManifest = secretObjects.isEmpty() ? null : serialize(secretObjects, false);

        // 5. lay out the files: manifests, Talos patches, report, inventory, policy, talhelper snippets
        List<String> crdUrls = install.crds().inline() ? List.of()
                : OperatorRelease.CRD_PLURALS.stream().map(p -> OperatorRelease.crdUrl(install.version(), p)).toList();
        OutputLayout layout = new OutputLayout(settings.configDisplayName(), install.version(), talos);
        Set<String> inTalos = talosGroups(config, manifests.keySet());
        List<OutputFile> files = layout.files(manifests, inTalos, secretManifest, crdUrls);
        Map<String, Long> inlineBytes = new LinkedHashMap<>();
        inTalos.forEach(group -> inlineBytes.put(group, (long) manifests.get(group).getBytes(StandardCharsets.UTF_8).length));
        long patchBytes = files.stream().filter(f -> f.path().equals(OutputLayout.INSTALL_PATCH)).mapToLong(f -> f.bytes().length).sum();
        String sizeWarning = TalosSizes.warning(OutputLayout.INSTALL_PATCH, patchBytes);
        inventory = inventory.withTalos(new Inventory.TalosSection(talos.toString(), OutputLayout.INSTALL_PATCH, patchBytes, inlineBytes,
                sizeWarning));
        files.addAll(layout.inventory(InventoryReport.write(inventory, settings.configDisplayName()), new InventoryJson().write(inventory)));
        files.add(layout.policy(policy.hujson()));
        if (config.talos().talhelper() != null) {
            files.addAll(TalhelperSnippets.files(config.talos().talhelper().outputPath(), files, inTalos, settings.configDisplayName()));
        }

        List<String> warnings = new ArrayList<>(policy.warnings());
        warnings.addAll(policies.warnings());
        warnings.addAll(monitoring.warnings());
        if (inventory.deviceWarning() != null) {
            warnings.add(inventory.deviceWarning());
        }
        if (sizeWarning != null) {
            warnings.add(sizeWarning);
        }
        return new GenerationResult(install.version(), install.namespace(), install.credentialsMode(), talos,
                countByKind(all), crdUrls, files, inlineBytes, inventory.deviceCount(), notes, warnings,
                OutputLayout.talosContent(manifests, inTalos, secretManifest, crdUrls));
    }

    /** The install (and CRDs) always; exposure sections only when talos.include names them. */
    private static Set<String> talosGroups(TailscaleConfig config, Set<String> present) {
        Set<String> chosen = new LinkedHashSet<>(List.of(INSTALL, CRDS));
        List<String> include = config.talos().include() == null ? List.of() : config.talos().include();
        if (!include.isEmpty()) {
            chosen.add(NAMESPACES);
        }
        include.forEach(section -> chosen.add(SECTION_GROUPS.get(section)));
        chosen.retainAll(present);
        return chosen;
    }

    public void write(GenerationResult result, Path outputDirectory) {
        new OutputWriter().write(outputDirectory, result.files());
    }

    /** Writes the output and records {@code fingerprint} (see {@link UpToDate}) so the next run can skip. */
    public void write(GenerationResult result, Path outputDirectory, String fingerprint) {
        new OutputWriter().write(outputDirectory, result.files(), UpToDate.markerLines(fingerprint, result.files()));
    }

    private List<Manifest> parse(List<OperatorTemplates.Rendered> rendered) {
        List<Manifest> objects = new ArrayList<>();
        for (OperatorTemplates.Rendered r : rendered) {
            objects.addAll(parser.parse(r.template(), r.text()));
        }
        return objects;
    }

    /** @param asRead write each object's source tree (upstream CRDs) instead of its typed form */
    private String serialize(List<Manifest> manifests, boolean asRead) {
        List<Manifest> sorted = new ArrayList<>(manifests);
        sorted.sort(KindOrder.MANIFESTS);
        return serializer.writeAll(sorted.stream().map(m -> asRead ? m.source() : (Object) m.object()).toList());
    }

    private static Map<String, Integer> countByKind(List<Manifest> manifests) {
        List<Manifest> sorted = new ArrayList<>(manifests);
        sorted.sort(KindOrder.MANIFESTS);
        Map<String, Integer> counts = new LinkedHashMap<>();
        sorted.forEach(m -> counts.merge(m.kind(), 1, Integer::sum));
        return counts;
    }
}
