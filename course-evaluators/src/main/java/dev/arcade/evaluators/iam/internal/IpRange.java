package dev.arcade.evaluators.iam.internal;

import java.util.Optional;

/**
 * An IPv4 or IPv6 address range written in CIDR notation ({@code 203.0.113.0/24},
 * {@code 2001:DB8:1234:5678::/64}) or as a single address, for the {@code IpAddress} and
 * {@code NotIpAddress} condition operators.
 *
 * <p>Addresses are parsed by hand rather than with {@link java.net.InetAddress#getByName}, because
 * that method falls back to a DNS lookup for anything it does not recognise as a literal, and a
 * policy evaluator must never touch the network.
 *
 * <p>This class is an implementation helper of the IAM evaluator; its shape may change.
 */
public final class IpRange {

    /** An IPv4 address is 32 bits (RFC 791), written as four decimal bytes. */
    private static final int IPV4_BYTES = 4;
    /** The largest value of one byte of an IPv4 address, and its number of digits. */
    private static final int MAX_IPV4_BYTE = 255;

    private static final int MAX_IPV4_BYTE_DIGITS = 3;
    /** An IPv6 address is 128 bits, written as eight 16-bit groups (RFC 4291, section 2.2). */
    private static final int IPV6_GROUPS = 8;

    private static final int IPV6_BYTES = IPV6_GROUPS * 2;
    /** A group of an IPv6 address has one to four hexadecimal digits (RFC 4291, section 2.2). */
    private static final int MAX_IPV6_GROUP_DIGITS = 4;
    /** The longest prefix length, {@code /128}, has three digits (RFC 4632, RFC 4291 section 2.3). */
    private static final int MAX_PREFIX_DIGITS = 3;

    private final byte[] network;
    private final int prefixLength;
    private final String source;

    private IpRange(byte[] network, int prefixLength, String source) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.source = source;
    }

    /**
     * Parses a CIDR block or a single address.
     *
     * @param text for example {@code 192.0.2.0/24}, {@code 192.0.2.7} or {@code ::1/128}
     * @return the range, or empty when the text is not a valid address or block
     */
    public static Optional<IpRange> parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        Optional<byte[]> bytes = parseAddress(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        int bits = bytes.get().length * Byte.SIZE;
        int prefix = bits;
        if (slash >= 0) {
            String digits = trimmed.substring(slash + 1);
            if (digits.isEmpty()
                    || digits.length() > MAX_PREFIX_DIGITS
                    || !digits.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(digits);
            if (prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpRange(bytes.get(), prefix, trimmed));
    }

    /**
     * Tells whether an address lies in this range. An IPv4 address never lies in an IPv6 range
     * and vice versa.
     *
     * @param address the address from the request, for example the value of {@code aws:SourceIp}
     * @return true when the address is valid and inside the range
     */
    public boolean contains(String address) {
        Optional<byte[]> parsed = parseAddress(address.strip());
        if (parsed.isEmpty() || parsed.get().length != network.length) {
            return false;
        }
        byte[] candidate = parsed.get();
        int fullBytes = prefixLength / Byte.SIZE;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remaining = prefixLength % Byte.SIZE;
        if (remaining == 0) {
            return true;
        }
        int mask = (0xFF << (Byte.SIZE - remaining)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return source;
    }

    /**
     * Parses a literal IPv4 or IPv6 address.
     *
     * @param text the address
     * @return 4 or 16 bytes, or empty when the text is not an address literal
     */
    public static Optional<byte[]> parseAddress(String text) {
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        return parseV4(text);
    }

    private static Optional<byte[]> parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != IPV4_BYTES) {
            return Optional.empty();
        }
        byte[] out = new byte[IPV4_BYTES];
        for (int i = 0; i < IPV4_BYTES; i++) {
            String part = parts[i];
            if (part.isEmpty()
                    || part.length() > MAX_IPV4_BYTE_DIGITS
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > MAX_IPV4_BYTE) {
                return Optional.empty();
            }
            out[i] = (byte) value;
        }
        return Optional.of(out);
    }

    private static Optional<byte[]> parseV6(String text) {
        if (text.isEmpty() || text.indexOf('%') >= 0) {
            return Optional.empty();
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        String head = doubleColon < 0 ? text : text.substring(0, doubleColon);
        String tail = doubleColon < 0 ? "" : text.substring(doubleColon + 2);
        if (doubleColon >= 0 && head.indexOf('.') >= 0) {
            return Optional.empty();
        }
        Optional<int[]> headGroups = groups(head);
        Optional<int[]> tailGroups = groups(tail);
        if (headGroups.isEmpty() || tailGroups.isEmpty()) {
            return Optional.empty();
        }
        int[] h = headGroups.get();
        int[] t = tailGroups.get();
        int count = h.length + t.length;
        // "::" stands for at least one group of zeros.
        if (doubleColon < 0 ? count != IPV6_GROUPS : count > IPV6_GROUPS - 1) {
            return Optional.empty();
        }
        int[] all = new int[IPV6_GROUPS];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(t, 0, all, IPV6_GROUPS - t.length, t.length);
        byte[] out = new byte[IPV6_BYTES];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            out[2 * i] = (byte) (all[i] >> Byte.SIZE);
            out[2 * i + 1] = (byte) all[i];
        }
        return Optional.of(out);
    }

    /** Splits colon-separated hex groups; a trailing dotted quad counts as two groups. */
    private static Optional<int[]> groups(String text) {
        if (text.isEmpty()) {
            return Optional.of(new int[0]);
        }
        String[] parts = text.split(":", -1);
        int extra = 0;
        String last = parts[parts.length - 1];
        byte[] v4 = null;
        if (last.indexOf('.') >= 0) {
            Optional<byte[]> parsed = parseV4(last);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            v4 = parsed.get();
            extra = 1;
        }
        int hexCount = v4 == null ? parts.length : parts.length - 1;
        int[] out = new int[hexCount + 2 * extra];
        for (int i = 0; i < hexCount; i++) {
            String part = parts[i];
            if (part.isEmpty()
                    || part.length() > MAX_IPV6_GROUP_DIGITS
                    || !part.chars().allMatch(IpRange::isHex)) {
                return Optional.empty();
            }
            out[i] = Integer.parseInt(part, 16);
        }
        if (v4 != null) {
            out[hexCount] = ((v4[0] & 0xFF) << Byte.SIZE) | (v4[1] & 0xFF);
            out[hexCount + 1] = ((v4[2] & 0xFF) << Byte.SIZE) | (v4[3] & 0xFF);
        }
        return Optional.of(out);
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
