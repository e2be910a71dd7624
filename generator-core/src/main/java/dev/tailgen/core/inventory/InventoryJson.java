package dev.tailgen.core.inventory;

import dev.tailgen.core.output.JsonText;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** inventory.json: the inventory for scripts, keys in a fixed order, two-space indent, LF. */
public final class InventoryJson {
    public String write(Inventory inv) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("clusterName", inv.cluster()); // not "cluster": validators read a top-level cluster key as Talos config
        root.put("tailnet", inv.tailnetDomain());
        root.put("operatorVersion", inv.operatorVersion());
        Map<String, Object> count = new LinkedHashMap<>();
        count.put("total", inv.deviceCount());
        count.put("freePlanLimit", Inventory.FREE_PLAN_DEVICES);
        count.put("warning", inv.deviceWarning());
        root.put("deviceCount", count);
        root.put("exposures", inv.exposures().stream().map(InventoryJson::object).toList());
        root.put("subnetRouters", inv.routers().stream().map(InventoryJson::object).toList());
        root.put("egress", inv.egress().stream().map(InventoryJson::object).toList());
        root.put("proxyGroups", inv.proxyGroups().stream().map(InventoryJson::object).toList());
        root.put("proxyClasses", inv.proxyClasses().classes().stream().map(InventoryJson::object).toList());
        root.put("devices", inv.devices().stream().map(InventoryJson::object).toList());
        root.put("access", inv.access().stream().map(InventoryJson::object).toList());
        root.put("apiServerProxies", inv.apiServer().proxies().stream().map(InventoryJson::object).toList());
        root.put("apiServerAccess", inv.apiServer().access().stream().map(InventoryJson::object).toList());
        root.put("networkPolicy", object(inv.networkPolicy()));
        root.put("scraped", inv.scraped());
        root.put("talos", inv.talos() == null ? null : object(inv.talos()));
        return JsonText.write(root, "inventory.json");
    }

    /** Each record class's components, looked up once: {@code getRecordComponents()} copies them on every call. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /** A record as a JSON object, keys in declaration order (the JDK guarantees that order, Jackson's defaults do not). */
    private static Map<String, Object> object(Record record) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : COMPONENTS.get(record.getClass())) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
            }
        }
        return m;
    }
}
