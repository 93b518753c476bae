package dev.arcade.functions;

import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The function policy statement behind an API Gateway trigger: lets exactly one method of one REST API
 * stage (Lambda integration) invoke the function, and nothing else.
 *
 * <p>Follows the AWS Lambda Developer Guide, "Invoking a Lambda function using an Amazon API Gateway
 * endpoint" (https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html) and "Working with
 * resource-based IAM policies in Lambda"
 * (https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html), and the Amazon API
 * Gateway Developer Guide, "Control access for invoking an API"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html),
 * for the execute-api ARN: {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/RESOURCE_PATH}.
 */
public final class ApiPermission {

    private ApiPermission() {}

    /**
     * Adds a statement to the function policy ({@code AddPermission}) that lets API Gateway invoke the
     * function for one method of one API stage: principal {@code apigateway.amazonaws.com}, action {@code
     * lambda:InvokeFunction}, and {@code SourceArn} the method's execute-api ARN,
     * {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH}, where PATH is the resource path
     * without its leading slash and with every path parameter ({@code {game}}, or a greedy {@code
     * {proxy+}}) as {@code *}: API Gateway presents the path it was called with ({@code
     * games/tetris/scores}), so {@code /games/{game}/scores} needs <code>games/&#42;/scores</code>. No other
     * API, stage, method or path, no other account's API with the same id, and no other principal may
     * invoke the function through this statement.
     *
     * <p>Calling it again for another method or path adds another statement: each call uses its own
     * statement id.
     *
     * @param lambda the Lambda client to use
     * @param functionName the function's name or ARN
     * @param region the API's Region, for example {@code us-east-1}
     * @param account the account that owns the API, 12 digits
     * @param apiId the REST API's id, for example {@code a1b2c3d4e5}
     * @param stage the stage's name, for example {@code v2}
     * @param method the HTTP method, for example {@code POST}
     * @param resourcePath the resource path as the API defines it, for example {@code /games/{game}/scores}
     * @return the statement that was added, as AddPermission answered it (a JSON object as text)
     * @throws software.amazon.awssdk.services.lambda.model.ResourceNotFoundException if the function does
     *     not exist
     * @throws software.amazon.awssdk.services.lambda.model.ResourceConflictException if a statement with
     *     the same id exists
     */
    public static String allowApi(
            LambdaClient lambda,
            String functionName,
            String region,
            String account,
            String apiId,
            String stage,
            String method,
            String resourcePath) {
        String path = resourcePath.replaceFirst("^/", "").replaceAll("\\{[^/}]+\\}", "*");
        String sourceArn =
                "arn:aws:execute-api:" + region + ":" + account + ":" + apiId + "/" + stage + "/" + method + "/" + path;
        String statementId = ("apigateway-" + apiId + "-" + stage + "-" + method + "-" + resourcePath)
                .replaceAll("[^A-Za-z0-9_-]", "_");
        return lambda.addPermission(b -> b.functionName(functionName)
                        .statementId(statementId)
                        .action("lambda:InvokeFunction")
                        .principal("apigateway.amazonaws.com")
                        .sourceArn(sourceArn)
                        .sourceAccount(account))
                .statement();
    }
}
