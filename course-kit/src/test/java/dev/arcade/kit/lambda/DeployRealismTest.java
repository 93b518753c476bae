package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.demo.Greeter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Deploying as AWS answers it: a new function is {@code Pending} ("Lambda function states"), and
 * Invoke before it is {@code Active} fails with {@code ResourceConflictException}; the waiter
 * {@code FunctionActiveV2} then lets it run. Reserved environment variable keys ("Working with
 * Lambda environment variables", "Defined runtime environment variables") are refused with
 * {@code InvalidParameterValueException} naming each reserved key, on CreateFunction and on
 * UpdateFunctionConfiguration. Names are case-sensitive: a key that differs from a reserved one only
 * in case is an ordinary variable (the documentation lists the keys in upper case and does not
 * say; this is the kit's reading, as environment variables are case-sensitive on Linux).
 */
@AwsTest
@DisplayName("Deploying a function behaves as on AWS")
class DeployRealismTest {
    private Deployer deployer;
    private String role;

    @BeforeEach
    void setUp(IamClient iam, LambdaClient lambda, ResourceNames names) {
        deployer = new Deployer(iam, lambda, names);
        role = deployer.role();
    }

    private static byte[] greeterZip() {
        return FunctionPackage.builder().classes(Greeter.class).zip();
    }

    private static final String HANDLER = Greeter.class.getName() + "::handleRequest";

    @Test
    @DisplayName(
            "CreateFunction answers Pending; an Invoke right away is ResourceConflictException; after the waiter it runs")
    void pendingThenActive(LambdaClient lambda) {
        String name = deployer.mixedCaseName();

        CreateFunctionResponse created =
                lambda.createFunction(Deployer.request(name, greeterZip(), HANDLER, Map.of(), 5, role));

        assertThat(created.state()).isEqualTo(State.PENDING);
        assertThat(created.stateReasonCodeAsString()).isEqualTo("Creating");
        assertThatThrownBy(() ->
                        lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"name\":\"a\"}"))))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("Pending");
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        InvokeResponse response =
                lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"name\":\"a\"}")));
        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        assertThat(response.payload().asUtf8String()).contains("Hello, a");
    }

    @Test
    @DisplayName("CreateFunction with AWS_REGION in its variables is InvalidParameterValueException naming the key")
    void reservedKeyOnCreate(LambdaClient lambda) {
        String name = deployer.mixedCaseName();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TABLE_NAME", "Scores");
        env.put("AWS_REGION", "eu-west-3");

        assertThatThrownBy(() -> lambda.createFunction(Deployer.request(name, greeterZip(), HANDLER, env, 5, role)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Reserved keys used in this request: AWS_REGION")
                .hasMessageNotContaining("TABLE_NAME");
        assertThat(lambda.listFunctions().functions())
                .noneMatch(f -> f.functionName().equals(name));
    }

    @Test
    @DisplayName("every reserved key of a request is named, and UpdateFunctionConfiguration refuses them too")
    void reservedKeysOnUpdate(LambdaClient lambda) {
        String name = deployer.deploy(deployer.mixedCaseName(), greeterZip(), HANDLER, Map.of(), 5, b -> {});
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", "other");
        env.put("_HANDLER", "x::y");

        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(
                        b -> b.functionName(name).environment(e -> e.variables(env))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("AWS_LAMBDA_FUNCTION_NAME")
                .hasMessageContaining("_HANDLER");
    }

    @Test
    @DisplayName("a key that differs from a reserved one only in case is an ordinary variable")
    void caseVariantIsNotReserved(LambdaClient lambda) {
        String name = deployer.deploy(
                deployer.mixedCaseName(), greeterZip(), HANDLER, Map.of("aws_region", "mine"), 5, b -> {});

        InvokeResponse response = lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        assertThat(response.payload().asUtf8String()).doesNotContain("\"region\":\"mine\"");
    }
}
