package dev.tailgen.core.exposure;

import dev.tailgen.core.config.TailscaleConfig;
import dev.tailgen.core.operator.OperatorInstall;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** What a section resolves against: the config, the operator install and the sections resolved before it. */
public final class Resolution {
    private final TailscaleConfig config;
    private final OperatorInstall install;
    private final Map<Section<?>, List<? extends Exposed>> resolved = new IdentityHashMap<>();

    Resolution(TailscaleConfig config, OperatorInstall install) {
        this.config = config;
        this.install = install;
    }

    public TailscaleConfig config() {
        return config;
    }

    public OperatorInstall install() {
        return install;
    }

    /** The items of a section that comes earlier in {@link Sections#ALL}. */
    @SuppressWarnings("unchecked") // put() stores each section's own items
    public <T extends Exposed> List<T> of(Section<T> section) {
        List<? extends Exposed> items = resolved.get(section);
        if (items == null) {
            throw new IllegalStateException(section.key() + " is not resolved yet: order Sections.ALL so it comes first");
        }
        return (List<T>) items;
    }

    <T extends Exposed> Exposure.Part<T> resolve(Section<T> section) {
        List<T> items = List.copyOf(section.resolve(this));
        resolved.put(section, items);
        return new Exposure.Part<>(section, items);
    }
}
