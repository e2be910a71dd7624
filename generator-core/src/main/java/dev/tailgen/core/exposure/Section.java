package dev.tailgen.core.exposure;

import dev.tailgen.core.inventory.InventoryEntries;
import dev.tailgen.core.monitoring.ScrapeTargets;
import dev.tailgen.core.netpol.NetworkPolicyIntents;
import dev.tailgen.core.policy.PolicyPieces;
import dev.tailgen.core.render.TemplateCall;
import java.util.List;

/**
 * One config section ({@code services[]}, {@code ingresses[]}, ...) as a unit: it resolves its
 * items and says what each contributes to every step (objects, checks, inventory, tailnet policy,
 * network policies, scrape targets). The generator runs the sections of {@link Sections#ALL} in
 * order and names none of them; a new kind is a new section, its template, its shape and the schema.
 *
 * @param <T> the resolved item
 */
public interface Section<T extends Exposed> {
    /** The config key, also its name in {@code talos.include}. */
    String key();

    /** The manifest group: {@code manifests/<group>.yaml} and the Talos inline manifest's name. */
    String group();

    /** The items with every operator default written out; earlier sections are already in {@code resolution}. */
    List<T> resolve(Resolution resolution);

    /** One template call per object of the item. */
    List<TemplateCall> templates(T item);

    /** One template call per strategic-merge patch for an object another tool owns ({@code adopt: true}), written to patches/. */
    default List<TemplateCall> patches(T item) {
        return List.of();
    }

    /** Rules of this kind that no schema can state (rules across kinds read {@link Exposed}). */
    default void check(T item, Exposure exposure, ExposureChecks.Problems problems) {
    }

    /** Warnings for the build log: things that work but likely not as meant. */
    default List<String> warnings(T item, Exposure exposure) {
        return List.of();
    }

    /** Its endpoints, routers or egress entries (its devices come from {@link Exposed#devices()}). */
    void inventory(T item, InventoryEntries entries);

    /** Its routes, exit nodes and Funnel use for the tailnet policy fragment (tags come from {@link Exposed#tags()}). */
    default void policy(T item, PolicyPieces pieces) {
    }

    /** What its network policies must allow. */
    default void networkPolicy(T item, NetworkPolicyIntents intents) {
    }

    /** The report's line about scraping its proxies' metrics. */
    String scraped(T item, ScrapeTargets targets);
}
