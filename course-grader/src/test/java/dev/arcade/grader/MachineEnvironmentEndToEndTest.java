package dev.arcade.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./workshop} on a learner's real machine: proxy settings for a corporate proxy, a broken
 * {@code ~/.aws}, an endpoint variable left over from another tool. On the mini course, with one graded
 * test that reaches the emulator the way learner code does, through {@code DynamoDbClient.create()}.
 */
@DisplayName("./workshop on a machine with proxies, a broken ~/.aws and a leftover endpoint variable")
@Timeout(180)
class MachineEnvironmentEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A graded test of exercise 1.1 that creates and describes a table with learner-style clients. */
    static final String REACHES_THE_EMULATOR = String.join(
            "\n",
            "package mini;",
            "",
            "import static org.assertj.core.api.Assertions.assertThat;",
            "",
            "import dev.arcade.kit.AwsTest;",
            "import dev.arcade.kit.Graded;",
            "import org.junit.jupiter.api.DisplayName;",
            "import software.amazon.awssdk.services.dynamodb.DynamoDbClient;",
            "import software.amazon.awssdk.services.dynamodb.model.*;",
            "",
            "@AwsTest",
            "class EmulatorReachTest {",
            "    @Graded(exercise = \"1.1\")",
            "    @DisplayName(\"a client built with DynamoDbClient.create() reaches the emulator\")",
            "    void createdClientReachesTheEmulator() {",
            "        try (DynamoDbClient ddb = DynamoDbClient.create()) {",
            "            ddb.createTable(t -> t.tableName(\"Reach\").billingMode(BillingMode.PAY_PER_REQUEST)",
            "                    .attributeDefinitions(a -> a.attributeName(\"id\").attributeType(ScalarAttributeType.S))",
            "                    .keySchema(k -> k.attributeName(\"id\").keyType(KeyType.HASH)));",
            "            assertThat(ddb.describeTable(d -> d.tableName(\"Reach\")).table().tableName())",
            "                    .as(\"the table just created\").isEqualTo(\"Reach\");",
            "        }",
            "    }",
            "}",
            "");

    @TempDir
    Path course;

    @TempDir
    Path home;

    @BeforeEach
    void copyCourse() throws IOException, URISyntaxException {
        MiniCourse.copyInto(course);
        Files.copy(
                course.resolve("solutions/module-01-mini/src/main/java/mini/Calc.java"),
                course.resolve("module-01-mini/src/main/java/mini/Calc.java"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
                course.resolve("module-01-mini/src/test/java/mini/EmulatorReachTest.java"),
                REACHES_THE_EMULATOR,
                StandardCharsets.UTF_8);
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A corporate proxy's settings, every spelling, pointing at a port where nothing listens. */
    static Map<String, String> proxies(int port) {
        Map<String, String> env = new HashMap<>();
        String proxy = "http://alice:s3cret@127.0.0.1:" + port;
        for (String name : new String[] {"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"}) {
            env.put(name, proxy);
            env.put(name.toLowerCase(java.util.Locale.ROOT), proxy);
        }
        env.put(
                "JAVA_TOOL_OPTIONS",
                "-Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=" + port
                        + " -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=" + port
                        + " -Dhttp.nonProxyHosts=*.corp.example.com");
        return env;
    }

    /** A home whose AWS files no AWS tool can parse, named by the AWS variables too. */
    Map<String, String> brokenAws() throws IOException {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), "[default]\nregion = a\nregion = b\n");
        Files.writeString(aws.resolve("credentials"), "[default]\naws_access_key_id = A\naws_access_key_id = B\n");
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("USERPROFILE", home.toString());
        env.put("AWS_CONFIG_FILE", aws.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", aws.resolve("credentials").toString());
        env.put("AWS_PROFILE", "broken");
        return env;
    }

    WorkshopCli.Result workshop(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(env);
        all.put("NO_COLOR", "1");
        return WorkshopCli.run(course, all, args);
    }

    static JsonNode exercise(JsonNode report, String id) {
        for (JsonNode m : report.get("modules")) {
            for (JsonNode e : m.get("exercises")) {
                if (e.get("exercise").asText().equals(id)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no exercise " + id + " in " + report);
    }

    @Test
    @DisplayName(
            "with proxy variables and properties pointing nowhere and a broken ~/.aws, a solved exercise gets its points")
    void proxiesAndBrokenAwsFiles_costNoPoints() throws Exception {
        Map<String, String> env = proxies(closedPort());
        env.putAll(brokenAws());

        WorkshopCli.Result r = workshop(env, "grade");

        assertThat(r.exit()).as("exit status; output:%n%s", r.output()).isZero();
        JsonNode report =
                JSON.readTree(course.resolve("target/workshop/report.json").toFile());
        assertThat(exercise(report, "1.1").get("status").asText())
                .as("1.1, whose test builds DynamoDbClient.create(); output:%n%s", r.output())
                .isEqualTo("passed");
        assertThat(r.output()).as("output").contains("Every exercise passes").doesNotContain("Connection refused");
    }

    @Test
    @DisplayName("an AWS_ENDPOINT_URL left over, with nothing listening, is the variable the learner is told to unset")
    void leftoverEndpointVariable_isNamed() throws Exception {
        String url = "http://localhost:" + closedPort();

        WorkshopCli.Result r = workshop(Map.of("AWS_ENDPOINT_URL", url), "test", "1.1");

        assertThat(r.output())
                .as("output")
                .contains("Nothing answers at " + url + ", which AWS_ENDPOINT_URL names")
                .contains("unset AWS_ENDPOINT_URL")
                .doesNotContain("WORKSHOP_ENDPOINT");
    }

    @Test
    @DisplayName("doctor names the proxy settings, the AWS settings and files, and the endpoint variable it sees")
    void doctorNamesWhatItSees() throws Exception {
        String url = "http://localhost:" + closedPort();
        Map<String, String> env = proxies(closedPort());
        env.putAll(brokenAws());
        env.put("AWS_ENDPOINT_URL", url);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "https://dynamodb.eu-west-1.amazonaws.com");

        WorkshopCli.Result r = workshop(env, "doctor");

        assertThat(r.exit()).as("exit status; output:%n%s", r.output()).isZero();
        assertThat(r.output())
                .as("doctor's output")
                .contains("HTTP_PROXY=http://alice:***@127.0.0.1:")
                .contains("https_proxy=http://alice:***@127.0.0.1:")
                .contains("the course's test JVMs and emulator ignore it")
                .contains("-Dhttp.proxyHost=127.0.0.1 is set in JAVA_TOOL_OPTIONS")
                .contains(
                        "AWS_CONFIG_FILE, AWS_PROFILE, AWS_SHARED_CREDENTIALS_FILE are set: the course does not read them")
                .contains(home.resolve(".aws") + " exists: the course never reads it")
                .contains("AWS_ENDPOINT_URL=" + url + " is set")
                .contains("nothing answers there now: start your emulator, or unset AWS_ENDPOINT_URL")
                .contains(
                        "AWS_ENDPOINT_URL_DYNAMODB=https://dynamodb.eu-west-1.amazonaws.com is set: the course ignores it")
                .doesNotContain("s3cret");
    }
}
