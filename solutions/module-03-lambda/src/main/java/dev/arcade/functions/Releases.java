package dev.arcade.functions;

import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Releases the score service the way Lambda does it: immutable numbered versions, and the alias
 * {@value #LIVE} that clients and triggers invoke ({@code FUNCTION:live}), moved from version to
 * version, split between two versions for a canary, and moved back for a rollback.
 *
 * <p>Follows the AWS Lambda Developer Guide, "Manage Lambda function versions"
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html), "Create an alias for a
 * Lambda function" (https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html),
 * "Implement Lambda canary deployments using a weighted alias"
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html) and "Lambda function
 * states" (https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html).
 */
public final class Releases {

    /** The alias every client and trigger of the score service invokes. */
    public static final String LIVE = "live";

    private Releases() {}

    /**
     * Publishes a version of the function's current code and configuration ({@code $LATEST}). Waits
     * first until the function's last update is done ({@code LastUpdateStatus} {@code Successful}):
     * Lambda refuses {@code PublishVersion} with {@code ResourceConflictException} ("An update is in
     * progress") while it is {@code InProgress}. When nothing changed since the last version, Lambda
     * publishes no new one and answers that version.
     *
     * @param lambda the Lambda client to use
     * @param functionName the function's name
     * @return the version's number, for example {@code "1"}
     * @throws software.amazon.awssdk.services.lambda.model.ResourceNotFoundException if the function
     *     does not exist
     */
    public static String publish(LambdaClient lambda, String functionName) {
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(functionName));
        return lambda.publishVersion(b -> b.functionName(functionName)).version();
    }

    /**
     * Points the alias {@value #LIVE} at {@code version}, with all of its traffic: creates the alias
     * when the function has none yet, updates it (and clears any canary routing) when it exists.
     *
     * @param lambda the Lambda client to use
     * @param functionName the function's name
     * @param version a published version, for example {@code "2"}
     */
    public static void pointLive(LambdaClient lambda, String functionName, String version) {
        try {
            lambda.updateAlias(b -> b.functionName(functionName)
                    .name(LIVE)
                    .functionVersion(version)
                    .routingConfig(r -> r.additionalVersionWeights(Map.of())));
        } catch (ResourceNotFoundException noAliasYet) {
            lambda.createAlias(b -> b.functionName(functionName).name(LIVE).functionVersion(version));
        }
    }

    /**
     * Starts a canary: {@value #LIVE} keeps its version (the primary one) and sends {@code weight} of
     * its invocations to {@code newVersion} (the alias's routing configuration, {@code
     * AdditionalVersionWeights}).
     *
     * @param lambda the Lambda client to use
     * @param functionName the function's name, whose alias {@value #LIVE} exists
     * @param newVersion the version to try, another one than the alias's
     * @param weight the share of invocations {@code newVersion} gets, between 0 and 1, for example
     *     {@code 0.10}
     */
    public static void canary(LambdaClient lambda, String functionName, String newVersion, double weight) {
        String primary =
                lambda.getAlias(b -> b.functionName(functionName).name(LIVE)).functionVersion();
        lambda.updateAlias(b -> b.functionName(functionName)
                .name(LIVE)
                .functionVersion(primary)
                .routingConfig(r -> r.additionalVersionWeights(Map.of(newVersion, weight))));
    }

    /**
     * Rolls back: {@value #LIVE} to {@code version} with all of its traffic, no routing to any other
     * version left (an empty {@code AdditionalVersionWeights} clears it; leaving the routing out keeps
     * it).
     *
     * @param lambda the Lambda client to use
     * @param functionName the function's name, whose alias {@value #LIVE} exists
     * @param version the version to go back to
     */
    public static void rollback(LambdaClient lambda, String functionName, String version) {
        lambda.updateAlias(b -> b.functionName(functionName)
                .name(LIVE)
                .functionVersion(version)
                .routingConfig(r -> r.additionalVersionWeights(Map.of())));
    }

    /**
     * Lets one API Gateway API invoke the alias {@value #LIVE}, the ARN its integration names ({@code
     * arn:aws:lambda:REGION:ACCOUNT:function:NAME:live}): a function policy statement for principal
     * {@code apigateway.amazonaws.com} with {@code SourceArn} {@code apiSourceArn}, added to the
     * alias's own policy ({@code Qualifier} {@value #LIVE}). Each version and alias has its own policy:
     * a statement on the unqualified function does not let anyone invoke the alias, and this one does
     * not open the unqualified function.
     *
     * @param lambda the Lambda client to use
     * @param functionName the function's name, whose alias {@value #LIVE} exists
     * @param apiSourceArn the {@code SourceArn} API Gateway presents: the API's methods, for example
     *     {@code arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/POST/scores}
     */
    public static void allowApiOnLive(LambdaClient lambda, String functionName, String apiSourceArn) {
        lambda.addPermission(b -> b.functionName(functionName)
                .qualifier(LIVE)
                .statementId("apigateway-live")
                .action("lambda:InvokeFunction")
                .principal("apigateway.amazonaws.com")
                .sourceArn(apiSourceArn));
    }
}
