package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.demo.Greeter;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.runtime.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogFormat;

/**
 * A function's logs in CloudWatch Logs ("Working with Lambda function logs": log group
 * {@code /aws/lambda/NAME}, one stream per execution environment named
 * {@code YYYY/MM/DD/[VERSION]} and 32 hexadecimal digits; the {@code START}, {@code END} and
 * {@code REPORT} lines), and the JSON format of "Configuring advanced logging controls for Lambda
 * functions" ({@code platform.start} and {@code platform.report} records; {@code LambdaLogger} output
 * as JSON objects with {@code message} and {@code level}). Read with the kit's CloudWatchLogsClient.
 */
@AwsTest
@DisplayName("A function's log events reach CloudWatch Logs as Lambda writes them")
class FunctionLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLER = Greeter.class.getName() + "::handleRequest";
    private Deployer deployer;

    @BeforeEach
    void setUp(IamClient iam, LambdaClient lambda, ResourceNames names) {
        deployer = new Deployer(iam, lambda, names);
    }

    private static List<FilteredLogEvent> events(CloudWatchLogsClient logs, String group) {
        List<FilteredLogEvent> all = new ArrayList<>();
        logs.filterLogEventsPaginator(b -> b.logGroupName(group)).events().forEach(all::add);
        return all;
    }

    @Test
    @DisplayName(
            "filterLogEvents on /aws/lambda/NAME returns START, the function's lines and REPORT in a dated $LATEST stream")
    void textLogs(LambdaClient lambda, CloudWatchLogsClient logs, LambdaRuntime runtime) {
        String name = deployer.deploy(
                deployer.mixedCaseName(),
                FunctionPackage.builder().classes(Greeter.class).zip(),
                HANDLER,
                Map.of(),
                5,
                b -> {});
        lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"name\":\"Émile\"}")));
        lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"name\":\"second\"}")));
        Invocation first = runtime.invocationsOf(name).get(0);

        List<FilteredLogEvent> events = events(logs, "/aws/lambda/" + name);

        List<String> messages = events.stream().map(FilteredLogEvent::message).toList();
        assertThat(messages)
                .anySatisfy(
                        m -> assertThat(m).startsWith("START RequestId: " + first.requestId() + " Version: $LATEST"));
        assertThat(messages).contains("greeting Émile", "a LambdaLogger record\nwith two lines", "greeting second");
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("END RequestId: " + first.requestId()));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("REPORT RequestId: " + first.requestId()));
        assertThat(messages.indexOf("greeting Émile")).isLessThan(messages.indexOf("greeting second"));
        assertThat(events)
                .extracting(FilteredLogEvent::logStreamName)
                .allSatisfy(stream -> assertThat(stream).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST\\][0-9a-f]{32}"))
                .as("one warm environment, one stream")
                .containsOnly(events.get(0).logStreamName());
        String digits = events.get(0)
                .logStreamName()
                .substring(events.get(0).logStreamName().indexOf(']') + 1);
        StringBuilder everyOther = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 2) {
            everyOther.append(digits.charAt(i));
        }
        assertThat(everyOther.toString())
                .as("random digits, not the hexadecimal of ASCII text")
                .doesNotMatch("[36]+");
    }

    @Test
    @DisplayName(
            "with LogFormat JSON the platform lines are platform.start and platform.report records and LambdaLogger writes JSON")
    void jsonLogs(LambdaClient lambda, CloudWatchLogsClient logs, LambdaRuntime runtime) throws Exception {
        String name = deployer.deploy(
                deployer.mixedCaseName(),
                FunctionPackage.builder().classes(Greeter.class).zip(),
                HANDLER,
                Map.of(),
                5,
                b -> b.loggingConfig(l -> l.logFormat(LogFormat.JSON)));
        InvokeResponse response =
                lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"name\":\"json\"}")));
        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        String requestId = runtime.invocationsOf(name).get(0).requestId();

        List<String> messages = events(logs, "/aws/lambda/" + name).stream()
                .map(FilteredLogEvent::message)
                .toList();

        List<JsonNode> records = new ArrayList<>();
        for (String message : messages) {
            if (message.startsWith("{")) {
                records.add(JSON.readTree(message));
            }
        }
        assertThat(messages).noneSatisfy(m -> assertThat(m).startsWith("START RequestId"));
        assertThat(records).anySatisfy(r -> {
            assertThat(r.path("type").asText()).isEqualTo("platform.start");
            assertThat(r.path("record").path("requestId").asText()).isEqualTo(requestId);
            assertThat(r.path("record").path("version").asText()).isEqualTo("$LATEST");
        });
        assertThat(records).anySatisfy(r -> {
            assertThat(r.path("type").asText()).isEqualTo("platform.report");
            assertThat(r.path("record").path("status").asText()).isEqualTo("success");
            assertThat(r.path("record").path("metrics").path("memorySizeMB").asInt())
                    .isEqualTo(512);
            assertThat(r.path("record").path("metrics").has("initDurationMs")).isTrue();
        });
        assertThat(records).anySatisfy(r -> {
            assertThat(r.path("message").asText()).isEqualTo("a LambdaLogger record\nwith two lines");
            assertThat(r.path("AWSRequestId").asText()).isEqualTo(requestId);
            assertThat(r.has("timestamp")).isTrue();
        });
    }
}
