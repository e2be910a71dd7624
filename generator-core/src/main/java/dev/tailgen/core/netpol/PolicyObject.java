package dev.tailgen.core.netpol;

import java.util.Map;

/** One policy to render: its name, namespace, what it is for (a label-safe purpose), and its spec. */
record PolicyObject(String name, String namespace, String purpose, Map<String, Object> spec) {

    /** Policy names per parent: {@code <prefix>-svc.<namespace>.<name>}; dots keep them unique (namespaces have none). */
    static String parentName(String prefix, String type, String namespace, String name) {
        return prefix + "-" + type + "." + namespace + "." + name;
    }
}
