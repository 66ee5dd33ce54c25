package shop.storefront.web.internal;

import io.netty.util.NetUtil;
import java.util.Arrays;
import java.util.List;

/**
 * Networks whose connections may tell us who the client is (the ALB's subnets), as CIDR blocks or single
 * addresses, IPv4 or IPv6. Only IP literals are accepted: a host name here would mean a DNS lookup per request.
 */
final class TrustedProxies {

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = rest == 0 ? 0 : (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[full] & mask) == (network[full] & mask);
        }
    }

    /** A header longer than this (about 60 hops) is no proxy chain; only its right end is read. */
    private static final int MAX_CHAIN = 2048;

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Parses {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1}, {@code fd00::/8}; throws naming the bad entry. */
    static TrustedProxies parse(List<String> entries) {
        return new TrustedProxies(entries.stream().map(String::strip).filter(e -> !e.isEmpty()).map(TrustedProxies::block).toList());
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        byte[] network = IpLiterals.parse(slash < 0 ? entry : entry.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
        }
        int bits = network.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0-" + bits);
            }
            prefix = Integer.parseInt(length);
        }
        return new Block(Arrays.copyOf(network, network.length), prefix);
    }

    /**
     * The client behind a trusted peer, from its {@code X-Forwarded-For} headers. Walks the chain from the right: each
     * trusted proxy appended the address it saw, so the first entry (from the right) that is not a trusted proxy is
     * the client, and whatever stands left of it was written by the client. An entry that is no IP address cannot
     * have come from a trusted proxy: the walk stops at the last hop it could vouch for.
     */
    byte[] clientBehind(byte[] peer, List<String> forwardedFor) {
        byte[] nearest = peer;
        String chain = String.join(",", forwardedFor);
        if (chain.length() > MAX_CHAIN) {
            chain = chain.substring(chain.length() - MAX_CHAIN);
        }
        String[] hops = chain.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            byte[] hop = IpLiterals.parse(hops[i].strip());
            if (hop == null) {
                return nearest;
            }
            if (!contains(hop)) {
                return hop;
            }
            nearest = hop;
        }
        return nearest;
    }

    boolean contains(byte[] address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** IP literal parsing without DNS, normalised so that one machine has one spelling. */
    static final class IpLiterals {
        private IpLiterals() {
        }

        /** 4 or 16 bytes, IPv4-mapped IPv6 folded to IPv4; null for anything that is not an IP literal. */
        static byte[] parse(String text) {
            if (text == null || text.isEmpty() || text.length() > 45) {
                return null;
            }
            String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
            if (bytes == null) {
                return null;
            }
            if (bytes.length == 16 && isIpv4Mapped(bytes)) {
                return Arrays.copyOfRange(bytes, 12, 16);
            }
            return bytes;
        }

        private static boolean isIpv4Mapped(byte[] v6) {
            for (int i = 0; i < 10; i++) {
                if (v6[i] != 0) {
                    return false;
                }
            }
            return v6[10] == (byte) 0xFF && v6[11] == (byte) 0xFF;
        }
    }
}
