package dev.arcade.kit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcade.kit.testing.ForkedJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The learner's machine as it really is: proxy settings meant for the internet, a broken
 * {@code ~/.aws}. The emulator on 127.0.0.1 must be reached all the same, by the kit's clients and by
 * clients the learner builds with {@code XxxClient.create()}.
 */
@DisplayName("A learner's machine: proxies and AWS files do not get between the tests and the emulator")
class MachineEnvironmentTest {

    /** A loopback port nothing listens on: a proxy there refuses every connection. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Map<String, String> moto() {
        Map<String, String> env = new HashMap<>();
        env.put("WORKSHOP_BACKEND", "moto");
        return env;
    }

    static void assertEverythingReachedTheEmulator(String out) {
        assertThat(out)
                .as("what the forked JVM printed")
                .contains("KIT_DDB=ok [Scores]")
                .contains("LEARNER_DDB=ok ACTIVE")
                .contains("LEARNER_IAM=ok roles")
                .doesNotContain("=failed");
    }

    @Nested
    @DisplayName("with proxy settings pointing at a port where nothing listens")
    class ProxySettings {

        @Test
        @DisplayName(
                "HTTP_PROXY, HTTPS_PROXY and ALL_PROXY (both cases) are not used for the emulator, nor seen by moto")
        void proxyVariables_areNotUsedForLoopback() throws Exception {
            String proxy = "http://127.0.0.1:" + closedPort();
            Map<String, String> env = moto();
            for (String name : new String[] {"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"}) {
                env.put(name, proxy);
                env.put(name.toLowerCase(java.util.Locale.ROOT), proxy);
            }

            String out = ForkedJvm.run(MachineEnvironmentProbe.class, env);

            assertEverythingReachedTheEmulator(out);
            if (out.contains("MOTO_ENV=")) {
                assertThat(out.substring(out.indexOf("MOTO_ENV=")))
                        .as("moto's environment")
                        .doesNotContainIgnoringCase("_PROXY=");
            }
        }

        @Test
        @DisplayName("a test JVM started by surefire sees no proxy variable, whatever the shell that ran Maven had")
        void surefireTestJvm_getsNoProxyVariables() {
            assertThat(Proxies.variablesSet())
                    .as("proxy variables in this surefire test JVM (the root pom's excludedEnvironmentVariables)")
                    .isEmpty();
        }

        @Test
        @DisplayName(
                "http.proxyHost, https.proxyHost and socksProxyHost given in JAVA_TOOL_OPTIONS are not used for the emulator")
        void proxySystemProperties_areNotUsedForLoopback() throws Exception {
            int port = closedPort();
            Map<String, String> env = moto();
            // the learner's own nonProxyHosts, which replaces the JDK's default that leaves out loopback
            env.put(
                    "JAVA_TOOL_OPTIONS",
                    "-Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=" + port + " -Dhttps.proxyHost=127.0.0.1"
                            + " -Dhttps.proxyPort=" + port + " -DsocksProxyHost=127.0.0.1 -DsocksProxyPort=" + port
                            + " -Dhttp.nonProxyHosts=*.corp.example.com");

            String out = ForkedJvm.run(MachineEnvironmentProbe.class, env);

            assertEverythingReachedTheEmulator(out);
        }
    }

    @Nested
    @DisplayName("the loopback addresses added to a nonProxyHosts list")
    class NonProxyHosts {
        @Test
        @DisplayName("are added after the learner's own hosts, once")
        void loopbackIsAddedOnce() {
            assertThat(Proxies.withLoopback(null)).isEqualTo("localhost|127.*|[::1]");
            assertThat(Proxies.withLoopback("*.corp.example.com|localhost"))
                    .isEqualTo("*.corp.example.com|localhost|127.*|[::1]");
            assertThat(Proxies.withLoopback(Proxies.withLoopback("a"))).isEqualTo("a|localhost|127.*|[::1]");
        }

        @Test
        @DisplayName("a proxy's password is never shown")
        void passwordsAreMasked() {
            assertThat(Proxies.masked("http://alice:s3cret@proxy.corp:3128"))
                    .isEqualTo("http://alice:***@proxy.corp:3128");
            assertThat(Proxies.masked("http://proxy.corp:3128")).isEqualTo("http://proxy.corp:3128");
        }
    }

    @Nested
    @DisplayName("with an endpoint variable left over from another tool, and nothing listening there")
    class LeftoverEndpoint {

        String failureFor(Settings settings) {
            HostEnvironment host = new HostEnvironment() {
                @Override
                public Settings settings() {
                    return settings;
                }

                @Override
                public Optional<MotoCommand> moto() {
                    return Optional.empty();
                }

                @Override
                public boolean dockerAvailable() {
                    return false;
                }
            };
            return assertThatThrownBy(() -> Backends.start(host))
                    .isInstanceOf(BackendUnavailableException.class)
                    .actual()
                    .getMessage();
        }

        @Test
        @DisplayName("AWS_ENDPOINT_URL is the variable the message tells the learner to unset, not WORKSHOP_ENDPOINT")
        void awsEndpointUrl_isNamed() throws Exception {
            String url = "http://localhost:" + closedPort();

            String message = failureFor(Settings.of(Map.of(Settings.AWS_ENDPOINT_URL, url)));

            assertThat(message)
                    .as("the message when nothing answers at AWS_ENDPOINT_URL")
                    .contains("Nothing answers at " + url + ", which AWS_ENDPOINT_URL names")
                    .contains("unset AWS_ENDPOINT_URL")
                    .doesNotContain(Settings.ENDPOINT);
        }

        @Test
        @DisplayName("WORKSHOP_ENDPOINT is named when it is the one set")
        void workshopEndpoint_isNamed() throws Exception {
            String message = failureFor(Settings.of(
                    Map.of(Settings.ENDPOINT, "http://127.0.0.1:" + closedPort(), "WORKSHOP_BACKEND", "endpoint")));

            assertThat(message).contains("unset WORKSHOP_ENDPOINT").doesNotContain(Settings.AWS_ENDPOINT_URL);
        }

        @Test
        @DisplayName("a system property is named as the -D option that set it")
        void systemProperty_isNamedAsTheOption() throws Exception {
            String property = Settings.propertyName(Settings.AWS_ENDPOINT_URL);
            System.setProperty(property, "http://127.0.0.1:" + closedPort());
            try {
                assertThat(failureFor(Settings.fromSystem()))
                        .contains("which -Daws.endpoint.url names")
                        .contains("remove -Daws.endpoint.url");
            } finally {
                System.clearProperty(property);
            }
        }
    }

    @Nested
    @DisplayName("with a broken AWS configuration")
    class BrokenAwsFiles {

        @ParameterizedTest(name = "moto started {0}")
        @ValueSource(strings = {"under the kit's watchdog", "as moto_server itself"})
        @DisplayName(
                "a ~/.aws/config with a duplicated key (and AWS_PROFILE, AWS_CONFIG_FILE naming it) changes nothing")
        void brokenAwsConfig_isNeverRead(String how, @TempDir Path home) throws Exception {
            Path aws = Files.createDirectories(home.resolve(".aws"));
            Files.writeString(aws.resolve("config"), "[default]\nregion = a\nregion = b\n[profile broken\n");
            Files.writeString(aws.resolve("credentials"), "[default]\naws_access_key_id = A\naws_access_key_id = B\n");
            Files.createDirectories(aws.resolve("models"));
            Files.writeString(aws.resolve("models/not-a-model.json"), "{ broken");
            Map<String, String> env = moto();
            env.put("HOME", home.toString());
            env.put("USERPROFILE", home.toString());
            env.put("AWS_CONFIG_FILE", aws.resolve("config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", aws.resolve("credentials").toString());
            env.put("AWS_PROFILE", "broken");
            env.put("AWS_DEFAULT_PROFILE", "broken");
            if (how.startsWith("as moto_server")) {
                // a command of the learner's own is started as it is, without the watchdog
                env.put("JAVA_TOOL_OPTIONS", "-D" + Settings.propertyName(Settings.MOTO_COMMAND) + "=moto_server");
            }

            String out = ForkedJvm.run(MachineEnvironmentProbe.class, env);

            assertEverythingReachedTheEmulator(out);
            if (how.startsWith("as moto_server")) {
                assertThat(out).as("the backend line").contains(Settings.MOTO_COMMAND + "=moto_server");
            }
        }
    }
}
