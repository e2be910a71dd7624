package dev.tailgen.core;

import dev.tailgen.core.config.ConfigLoader;
import dev.tailgen.core.config.ConfigSchema;
import dev.tailgen.core.config.LoadedConfig;
import dev.tailgen.core.config.PlaceholderResolver;
import dev.tailgen.core.operator.CrdSourceReader;
import dev.tailgen.core.operator.OperatorInstall;
import dev.tailgen.core.operator.OperatorInstallResolver;
import dev.tailgen.core.operator.OperatorRelease;
import dev.tailgen.core.operator.OperatorTemplates;
import dev.tailgen.core.output.OutputFile;
import dev.tailgen.core.output.OutputLayout;
import dev.tailgen.core.output.OutputWriter;
import dev.tailgen.core.output.YamlSerializer;
import dev.tailgen.core.render.KindOrder;
import dev.tailgen.core.render.Manifest;
import dev.tailgen.core.render.ManifestChecks;
import dev.tailgen.core.render.ManifestParser;
import dev.tailgen.core.render.TemplateRenderer;
import dev.tailgen.talos.TalosVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline, in this order: load -> validate -> resolve defaults -> render templates -> re-parse
 * and reject unknown fields -> check -> order -> serialize -> Talos patches; then, separately,
 * write atomically. {@link #render()} writes nothing, so validate and generate share every check.
 */
public final class Generator {
    /** Names of the manifest groups: file names in manifests/ and inline-manifest names in Talos. */
    public static final String INSTALL = "tailscale-operator";
    public static final String CRDS = "tailscale-operator-crds";

    private final GeneratorSettings settings;
    private final YamlSerializer serializer = new YamlSerializer();
    private final ManifestParser parser = new ManifestParser();

    public Generator(GeneratorSettings settings) {
        this.settings = settings;
    }

    public GenerationResult render() {
        LoadedConfig loaded = new ConfigLoader(ConfigSchema.load())
                .load(settings.configFile(), settings.configDisplayName());
        OperatorInstall install = new OperatorInstallResolver(
                new PlaceholderResolver(settings.secrets(), settings.resolveSecrets())).resolve(loaded);
        TalosVersion talos = TalosVersion.parse(loaded.config().talos().version());

        OperatorTemplates templates = new OperatorTemplates(new TemplateRenderer());
        List<Manifest> installObjects = parse(templates.install(install));
        List<Manifest> secretObjects = parse(templates.oauthSecret(install));
        List<Manifest> crdObjects = install.crds().inline()
                ? new CrdSourceReader(parser).read(loaded.document(), install.crds().source())
                : List.of();

        List<Manifest> all = new ArrayList<>(installObjects);
        all.addAll(crdObjects);
        all.addAll(secretObjects);
        ManifestChecks.check(all);

        Map<String, String> manifests = new LinkedHashMap<>();
        manifests.put(INSTALL, serialize(installObjects, false));
        if (!crdObjects.isEmpty()) {
            manifests.put(CRDS, serialize(crdObjects, true));
        }
        String secretManifest = secretObjects.isEmpty() ? null : serialize(secretObjects, false);

        List<String> crdUrls = install.crds().inline() ? List.of()
                : OperatorRelease.CRD_PLURALS.stream().map(p -> OperatorRelease.crdUrl(install.version(), p)).toList();
        List<OutputFile> files = new OutputLayout(settings.configDisplayName(), install.version(), talos)
                .files(manifests, secretManifest, crdUrls);

        return new GenerationResult(install.version(), install.namespace(), install.credentialsMode(), talos,
                countByKind(all), crdUrls, files);
    }

    public void write(GenerationResult result, Path outputDirectory) {
        new OutputWriter().write(outputDirectory, result.files());
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
