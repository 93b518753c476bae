package dev.arcade.kit.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The proxy settings a learner's machine may carry (for a corporate proxy, say), and how the course
 * keeps them away from the emulator on 127.0.0.1, which no proxy can reach.
 *
 * <p>Three ways a proxy gets in, three nets:
 * <ul>
 *   <li>{@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code ALL_PROXY}, {@code NO_PROXY} in either case: the
 *       SDK's HTTP clients read the first two, Python's libraries all of them. The processes the course
 *       starts (the emulator, the grading JVM) are started without them ({@link #removeFrom(Map)}), and
 *       surefire's test JVMs likewise (the root pom).</li>
 *   <li>{@code http.proxyHost}, {@code https.proxyHost}, {@code socksProxyHost} system properties (from
 *       {@code JAVA_TOOL_OPTIONS}, an IDE's run configuration, {@code -D}): read by the JDK and the SDK
 *       alike. {@link #bypassLoopback()} adds the loopback addresses to {@code http.nonProxyHosts} and
 *       {@code socksNonProxyHosts}, which both honour.</li>
 *   <li>A JVM the course does not start (a test run from an IDE) still sees the variables: the SDK
 *       reads them only when no proxy system property at all is set, and {@link #bypassLoopback()}
 *       always sets {@code http.nonProxyHosts}, so the variables are not read there either.</li>
 * </ul>
 */
public final class Proxies {
    /** The proxy variables, in their usual upper-case spelling; each also counts in lower case. */
    public static final List<String> VARIABLES =
            List.of("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "FTP_PROXY", "SOCKS_PROXY");

    /** The JVM's proxy system properties. */
    public static final List<String> PROPERTIES = List.of(
            "http.proxyHost",
            "http.proxyPort",
            "https.proxyHost",
            "https.proxyPort",
            "socksProxyHost",
            "socksProxyPort",
            "http.nonProxyHosts",
            "socksNonProxyHosts",
            "java.net.useSystemProxies");

    /**
     * The loopback addresses, as {@code http.nonProxyHosts} writes them (the JDK's own default, which
     * a learner's {@code http.nonProxyHosts} replaces).
     */
    static final String LOOPBACK = "localhost|127.*|[::1]";

    private static final Set<String> LOWER =
            Set.copyOf(VARIABLES.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());

    private Proxies() {}

    /** Whether an environment variable is a proxy setting, in any case ({@code HTTP_PROXY}, {@code http_proxy}). */
    public static boolean isProxyVariable(String name) {
        return LOWER.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Removes every proxy variable from a child process's environment. */
    public static void removeFrom(Map<String, String> environment) {
        environment.keySet().removeIf(Proxies::isProxyVariable);
    }

    /** The proxy variables set in this process, with their values (user names and passwords masked). */
    public static Map<String, String> variablesSet() {
        Map<String, String> set = new LinkedHashMap<>();
        System.getenv().entrySet().stream()
                .filter(e -> isProxyVariable(e.getKey()) && !e.getValue().isBlank())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> set.put(e.getKey(), masked(e.getValue())));
        return set;
    }

    /** The proxy system properties set in this JVM, with their values (user names and passwords masked). */
    public static Map<String, String> propertiesSet() {
        Map<String, String> set = new LinkedHashMap<>();
        for (String p : PROPERTIES) {
            String v = System.getProperty(p);
            if (v != null && !v.isBlank()) {
                set.put(p, masked(v));
            }
        }
        return set;
    }

    /**
     * Makes the JDK and the SDK connect to loopback addresses directly, whatever proxy this JVM was
     * given: adds them to {@code http.nonProxyHosts} (which also stands for https) and
     * {@code socksNonProxyHosts}, keeping the hosts already there.
     */
    public static void bypassLoopback() {
        for (String property : new String[] {"http.nonProxyHosts", "socksNonProxyHosts"}) {
            System.setProperty(property, withLoopback(System.getProperty(property)));
        }
    }

    /** {@code hosts} (an {@code http.nonProxyHosts} value, may be null) with the loopback addresses added. */
    static String withLoopback(String hosts) {
        List<String> all = new ArrayList<>();
        if (hosts != null) {
            for (String h : hosts.split("\\|")) {
                if (!h.isBlank() && !all.contains(h.strip())) {
                    all.add(h.strip());
                }
            }
        }
        for (String h : LOOPBACK.split("\\|")) {
            if (!all.contains(h)) {
                all.add(h);
            }
        }
        return String.join("|", all);
    }

    /** A proxy address without its password: {@code http://user:secret@host:3128} shows as {@code http://user:***@host:3128}. */
    public static String masked(String value) {
        return value.replaceAll("(//[^/:@]*:)[^/@]*@", "$1***@");
    }
}
