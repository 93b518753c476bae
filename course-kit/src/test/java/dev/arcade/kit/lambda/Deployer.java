package dev.arcade.kit.lambda;

import dev.arcade.kit.ResourceNames;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Deploys the demo functions of the kit's Lambda tests. */
final class Deployer {
    static final String LAMBDA_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final IamClient iam;
    private final LambdaClient lambda;
    private final ResourceNames names;

    Deployer(IamClient iam, LambdaClient lambda, ResourceNames names) {
        this.iam = iam;
        this.lambda = lambda;
        this.names = names;
    }

    /** A role with this trust policy and the AWS managed basic execution policy (logs), as the console makes it. */
    String role(String trust) {
        String name = names.unique("FnRole");
        String arn = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(trust))
                .role()
                .arn();
        iam.attachRolePolicy(
                b -> b.roleName(name).policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        return arn;
    }

    String role() {
        return role(LAMBDA_TRUST);
    }

    /** Creates a function and waits until it is Active; returns its name. */
    String deploy(byte[] zip, String handler, Map<String, String> env, int timeoutSeconds) {
        String name = names.uniqueLowerCase("fn");
        String role = role();
        lambda.createFunction(request(name, zip, handler, env, timeoutSeconds, role));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        return name;
    }

    /**
     * Creates a function named {@code name} with more settings ({@code more} may override any),
     * and waits until it is Active.
     */
    String deploy(
            String name,
            byte[] zip,
            String handler,
            Map<String, String> env,
            int timeoutSeconds,
            Consumer<CreateFunctionRequest.Builder> more) {
        CreateFunctionRequest.Builder request = request(name, zip, handler, env, timeoutSeconds, role()).toBuilder();
        more.accept(request);
        lambda.createFunction(request.build());
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        return name;
    }

    /** A fresh function name with upper- and lower-case letters (Lambda names are case-sensitive). */
    String mixedCaseName() {
        return names.unique("Fn");
    }

    static CreateFunctionRequest request(
            String name, byte[] zip, String handler, Map<String, String> env, int timeoutSeconds, String role) {
        return CreateFunctionRequest.builder()
                .functionName(name)
                .runtime(Runtime.JAVA21)
                .role(role)
                .handler(handler)
                .memorySize(512)
                .timeout(timeoutSeconds)
                .environment(e -> e.variables(env))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip)))
                .build();
    }
}
