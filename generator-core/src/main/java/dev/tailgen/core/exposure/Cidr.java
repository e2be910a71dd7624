package dev.tailgen.core.exposure;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** CIDR arithmetic for route checks: a route is a network address, with no host bits. */
public final class Cidr {
    private Cidr() {
    }

    /** Whether the address has bits set beyond the prefix (10.96.0.1/12); false for anything that is not a CIDR literal. */
    public static boolean hasHostBits(String cidr) {
        Parsed p = parse(cidr);
        return p != null && !p.value().equals(p.network());
    }

    /** The network address of {@code cidr} with its prefix, in the usual text form, or null if it is not a CIDR literal. */
    public static String canonical(String cidr) {
        Parsed p = parse(cidr);
        if (p == null) {
            return null;
        }
        byte[] raw = p.network().toByteArray();
        byte[] network = new byte[p.length()];
        int copy = Math.min(raw.length, network.length);
        System.arraycopy(raw, raw.length - copy, network, network.length - copy, copy);
        try {
            String text = InetAddress.getByAddress(network).getHostAddress();
            return (p.length() == 16 ? compress(text) : text) + "/" + p.prefix();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether two CIDRs share any address (same family, and one contains the other's network). */
    public static boolean overlaps(String a, String b) {
        Parsed x = parse(a);
        Parsed y = parse(b);
        if (x == null || y == null || x.length() != y.length()) {
            return false;
        }
        int bits = x.length() * 8;
        int shorter = Math.min(x.prefix(), y.prefix());
        return x.value().shiftRight(bits - shorter).equals(y.value().shiftRight(bits - shorter));
    }

    public static boolean isIpv6(String cidr) {
        return cidr.contains(":");
    }

    private record Parsed(BigInteger value, BigInteger network, int length, int prefix) {
    }

    private static Parsed parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String address = cidr.substring(0, slash);
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return null; // never let InetAddress do a DNS lookup
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int bits = bytes.length * 8;
            if (prefix < 0 || prefix > bits) {
                return null;
            }
            BigInteger value = new BigInteger(1, bytes);
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new Parsed(value, value.and(mask), bytes.length, prefix);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Java writes IPv6 in full (0:0:...); users write the compressed form (fd00::). */
    static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }
}
