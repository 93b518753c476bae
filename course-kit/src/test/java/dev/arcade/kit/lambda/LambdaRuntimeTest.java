package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.demo.Greeter;
import dev.arcade.lambda.Invocation;
import dev.arcade.lambda.LambdaRuntime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

@AwsTest
@DisplayName("The kit's Lambda runtime runs what was deployed")
class LambdaRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Deployer deployer;

    @BeforeEach
    void setUp(IamClient iam, LambdaClient lambda, ResourceNames names) {
        deployer = new Deployer(iam, lambda, names);
    }

    @Test
    @DisplayName("a deployed handler answers an Invoke with its real result, environment and Context")
    void invokeRunsTheHandler(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        byte[] zip = FunctionPackage.builder().classes(Greeter.class).zip();
        String name =
                deployer.deploy(zip, Greeter.class.getName() + "::handleRequest", Map.of("TABLE_NAME", "Scores"), 5);

        InvokeResponse response =
                lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"name\":\"ada\"}")));

        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        JsonNode answer = JSON.readTree(response.payload().asUtf8String());
        assertThat(answer.path("greeting").asText()).isEqualTo("Hello, ada");
        assertThat(answer.path("table").asText()).isEqualTo("Scores");
        assertThat(answer.path("functionNameEnv").asText()).isEqualTo(name);
        assertThat(answer.path("functionName").asText()).isEqualTo(name);
        assertThat(answer.path("memoryLimit").asInt()).isEqualTo(512);
        assertThat(answer.path("remainingMs").asLong()).isBetween(1L, 5000L);
        assertThat(answer.path("logGroup").asText()).isEqualTo("/aws/lambda/" + name);
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        Invocation invocation = runtime.invocationsOf(name).get(0);
        assertThat(invocation.coldStart()).isTrue();
        assertThat(invocation.log())
                .anySatisfy(line -> assertThat(line).startsWith("START RequestId: " + invocation.requestId()));
        assertThat(invocation.log()).anySatisfy(line -> assertThat(line).contains("Init Duration"));
        assertThat(invocation.log())
                .contains("Greeter initialised", "greeting ada", "a LambdaLogger record\nwith two lines");
        System.out.println(invocation.log());
    }
}
