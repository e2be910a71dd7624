package dev.tailgen.core.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgen.core.problem.GenerationException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** inventory.json: the inventory for scripts, keys in a fixed order, two-space indent, LF. */
public final class InventoryJson {
    private final ObjectMapper mapper = new ObjectMapper();
    private final DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

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
        root.put("devices", inv.devices().stream().map(InventoryJson::object).toList());
        try {
            return mapper.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new GenerationException("cannot write inventory.json: " + e.getOriginalMessage(), false);
        }
    }

    /** A record as a JSON object, keys in declaration order (the JDK guarantees that order, Jackson's defaults do not). */
    private static Map<String, Object> object(Record record) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
            }
        }
        return m;
    }
}
