package dev.arcade.grader.cli;

import dev.arcade.kit.backend.Endpoints;
import dev.arcade.kit.backend.Proxies;
import dev.arcade.kit.backend.Settings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./workshop doctor} says about the learner's environment: proxy settings, AWS settings
 * and files, and an endpoint variable, each with what the course does about it.
 *
 * <p>It only reads: variables, system properties and whether {@code ~/.aws} exists. The one thing
 * it touches is an endpoint the learner set on a loopback address, to say whether anything answers
 * there. Values of {@code AWS_*} variables are never shown (they may be secrets), nor passwords in a
 * proxy address.
 */
final class EnvironmentCheck {
    /** How a line is shown: an information, a setting that works, or one that stops the tests. */
    enum Kind {
        INFO,
        OK,
        PROBLEM
    }

    /** One line of the report. */
    record Line(Kind kind, String text) {}

    /** The variables where a learner's {@code -Dhttp.proxyHost=...} may come from. */
    static final List<String> JVM_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "MAVEN_OPTS");

    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D([A-Za-z.]+)=(\\S*)");

    /** How long a connection to a learner's endpoint may take before doctor says nothing answers. */
    private static final int CONNECT_TIMEOUT_MS = 700;

    private final Map<String, String> env;
    private final Function<String, String> properties;
    private final Path home;

    EnvironmentCheck(Map<String, String> env, Function<String, String> properties, Path home) {
        this.env = new TreeMap<>(env);
        this.properties = properties;
        this.home = home;
    }

    /** This process's environment and the home folder the AWS tools would read. */
    static EnvironmentCheck ofSystem() {
        Map<String, String> env = System.getenv();
        String home = env.getOrDefault("HOME", env.getOrDefault("USERPROFILE", System.getProperty("user.home")));
        return new EnvironmentCheck(env, System::getProperty, Path.of(home));
    }

    /** Every line, proxies first, then AWS settings, then the endpoint. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        lines.addAll(proxies());
        lines.addAll(aws());
        lines.addAll(endpoint());
        return lines;
    }

    List<Line> proxies() {
        List<Line> lines = new ArrayList<>();
        env.forEach((name, value) -> {
            if (!Proxies.isProxyVariable(name) || value.isBlank()) {
                return;
            }
            String shown = name + "=" + Proxies.masked(value);
            if (name.equalsIgnoreCase("NO_PROXY")) {
                lines.add(new Line(
                        Kind.INFO,
                        shown + " is set: the course does not need it, it never sends its own calls through a proxy"));
            } else {
                lines.add(new Line(
                        Kind.INFO,
                        shown + " is set: the course's test JVMs and emulator ignore it (they only talk to"
                                + " 127.0.0.1); the Maven Wrapper's first download uses it, Maven itself takes"
                                + " proxies from ~/.m2/settings.xml"));
            }
        });
        for (String variable : JVM_OPTION_VARIABLES) {
            String options = env.getOrDefault(variable, "");
            Matcher m = SYSTEM_PROPERTY.matcher(options);
            while (m.find()) {
                if (Proxies.PROPERTIES.contains(m.group(1))) {
                    lines.add(new Line(
                            Kind.INFO,
                            "-D" + m.group(1) + "=" + Proxies.masked(m.group(2)) + " is set in " + variable
                                    + ": the course's test JVMs connect to 127.0.0.1 directly all the same"
                                    + (variable.equals("MAVEN_OPTS") ? "; Maven uses it for its downloads" : "")));
                }
            }
        }
        if (lines.isEmpty()) {
            lines.add(new Line(Kind.INFO, "no proxy is set (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, -Dhttp.proxyHost)"));
        }
        return lines;
    }

    List<Line> aws() {
        List<Line> lines = new ArrayList<>();
        List<String> names = env.keySet().stream()
                .filter(k -> k.startsWith("AWS_") && !k.startsWith(Settings.AWS_ENDPOINT_URL))
                .toList();
        if (!names.isEmpty()) {
            lines.add(new Line(
                    Kind.INFO,
                    String.join(", ", names)
                            + (names.size() == 1
                                    ? " is set: the course does not read it"
                                    : " are set: the course does not read them")
                            + "; its clients use dummy credentials and the emulator"));
        }
        Path aws = home.resolve(".aws");
        if (Files.isDirectory(aws)) {
            lines.add(new Line(
                    Kind.INFO,
                    aws + " exists: the course never reads it, nor does the emulator it starts; a broken file"
                            + " there changes nothing"));
        }
        if (lines.isEmpty()) {
            lines.add(new Line(
                    Kind.INFO, "no AWS_* variables and no " + aws + ": nothing here points at an AWS account"));
        }
        return lines;
    }

    List<Line> endpoint() {
        List<Line> lines = new ArrayList<>();
        String own = setting(Settings.ENDPOINT);
        String aws = setting(Settings.AWS_ENDPOINT_URL);
        if (own != null) {
            lines.add(endpointLine(Settings.ENDPOINT, own));
            if (aws != null) {
                lines.add(new Line(
                        Kind.INFO,
                        Settings.AWS_ENDPOINT_URL + "=" + aws + " is set too: " + Settings.ENDPOINT + " wins"));
            }
        } else if (aws != null) {
            lines.add(endpointLine(Settings.AWS_ENDPOINT_URL, aws));
        }
        env.forEach((name, value) -> {
            if (name.startsWith(Settings.AWS_ENDPOINT_URL + "_") && !value.isBlank()) {
                lines.add(new Line(
                        Kind.INFO,
                        name + "=" + value + " is set: the course ignores it; every client goes to the course's"
                                + " emulator"));
            }
        });
        return lines;
    }

    /** A setting's value, from its system property or its variable (as {@link Settings} reads it). */
    private String setting(String name) {
        String v = properties.apply(Settings.propertyName(name));
        if (v == null) {
            v = env.get(name);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private Line endpointLine(String name, String value) {
        String set = name + "=" + value + " is set: the course uses the emulator there instead of starting moto";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return new Line(
                    Kind.PROBLEM, set + "; it is not a URL: write it like http://127.0.0.1:4566, or unset " + name);
        }
        if (uri.getHost() == null || !Endpoints.isLoopback(uri.getHost())) {
            return new Line(Kind.INFO, set + " (not a loopback address: see docs/backends.md)");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String host = uri.getHost().replace("[", "").replace("]", "");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return new Line(Kind.OK, set + "; something answers there");
        } catch (IOException e) {
            return new Line(
                    Kind.PROBLEM,
                    set + "; nothing answers there now: start your emulator, or unset " + name
                            + " to let the course start moto");
        }
    }
}
