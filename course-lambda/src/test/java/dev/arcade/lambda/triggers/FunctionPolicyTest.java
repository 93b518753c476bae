package dev.arcade.lambda.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Sources: AWS Lambda Developer Guide, "Working with resource-based IAM policies in Lambda" and
 * "Granting function access to AWS services" (the S3 and API Gateway add-permission examples),
 * "Using Lambda aliases in event sources and permissions policies" (helloworld:PROD) and "Lambda
 * versions".
 */
@DisplayName("The function policy decides which service may invoke the function")
class FunctionPolicyTest {

    private static final String FUNCTION = "arn:aws:lambda:us-east-2:123456789012:function:my-function";
    private static final String API_SOURCE = "arn:aws:execute-api:us-east-2:123456789012:abc123/*/GET/scores";

    /** What add-permission --principal apigateway.amazonaws.com --source-arn ...abc123/*\/GET/scores writes. */
    private static String apiPolicy(String resource) {
        return """
                {"Version": "2012-10-17", "Id": "default", "Statement": [{
                  "Sid": "apigw-scores", "Effect": "Allow",
                  "Principal": {"Service": "apigateway.amazonaws.com"},
                  "Action": "lambda:InvokeFunction",
                  "Resource": "%s",
                  "Condition": {"ArnLike": {"AWS:SourceArn": "%s"}}}]}""".formatted(resource, API_SOURCE);
    }

    private static final String S3_POLICY = """
            {"Version": "2012-10-17", "Id": "default", "Statement": [{
              "Sid": "lambda-allow-s3-my-function", "Effect": "Allow",
              "Principal": {"Service": "s3.amazonaws.com"},
              "Action": "lambda:InvokeFunction",
              "Resource": "arn:aws:lambda:us-east-2:123456789012:function:my-function",
              "Condition": {"StringEquals": {"AWS:SourceAccount": "123456789012"},
                            "ArnLike": {"AWS:SourceArn": "arn:aws:s3:::amzn-s3-demo-bucket"}}}]}""";

    @Nested
    @DisplayName("API Gateway")
    class ApiGateway {

        @Test
        @DisplayName("the GET /scores route of the named API may invoke, naming the allowing Sid")
        void allowed() {
            PolicyCheck check = FunctionPolicy.parse(apiPolicy(FUNCTION))
                    .check(
                            "apigateway.amazonaws.com",
                            "arn:aws:execute-api:us-east-2:123456789012:abc123/prod/GET/scores",
                            "123456789012",
                            FUNCTION);
            assertThat(check.allowed()).as(check.reason()).isTrue();
            assertThat(check.statementId()).isEqualTo("apigw-scores");
            assertThat(check.reason()).contains("statement \"apigw-scores\"");
        }

        @Test
        @DisplayName("another route is refused, and the sentence quotes the source the statement allows")
        void otherRoute() {
            String source = "arn:aws:execute-api:us-east-2:123456789012:abc123/prod/POST/scores";
            PolicyCheck check = FunctionPolicy.parse(apiPolicy(FUNCTION))
                    .check("apigateway.amazonaws.com", source, "123456789012", FUNCTION);
            assertThat(check.allowed()).isFalse();
            assertThat(check.statementId()).isNull();
            assertThat(check.reason())
                    .isEqualTo("the function policy has no statement that lets apigateway.amazonaws.com invoke "
                            + FUNCTION + " from source " + source + "; statement \"apigw-scores\" allows source "
                            + API_SOURCE + " only");
        }

        @Test
        @DisplayName("another API of the same account is refused: the api id is part of the source ARN")
        void otherApi() {
            assertThat(FunctionPolicy.parse(apiPolicy(FUNCTION))
                            .check(
                                    "apigateway.amazonaws.com",
                                    "arn:aws:execute-api:us-east-2:123456789012:xyz789/prod/GET/scores",
                                    "123456789012",
                                    FUNCTION)
                            .allowed())
                    .isFalse();
        }

        @Test
        @DisplayName("another service is refused, and the sentence says which principal the policy names")
        void otherService() {
            PolicyCheck check = FunctionPolicy.parse(apiPolicy(FUNCTION))
                    .check("sns.amazonaws.com", "arn:aws:sns:us-east-2:123456789012:scores", "123456789012", FUNCTION);
            assertThat(check.allowed()).isFalse();
            assertThat(check.reason())
                    .contains(
                            "no statement names sns.amazonaws.com as its principal (the policy names apigateway.amazonaws.com)");
        }
    }

    @Nested
    @DisplayName("Amazon S3 and the confused deputy")
    class S3 {

        @Test
        @DisplayName("the named bucket in the named account may invoke")
        void allowed() {
            assertThat(FunctionPolicy.parse(S3_POLICY)
                            .check("s3.amazonaws.com", "arn:aws:s3:::amzn-s3-demo-bucket", "123456789012", FUNCTION)
                            .allowed())
                    .isTrue();
        }

        @Test
        @DisplayName("the same bucket name owned by another account is refused by aws:SourceAccount")
        void otherAccount() {
            PolicyCheck check = FunctionPolicy.parse(S3_POLICY)
                    .check("s3.amazonaws.com", "arn:aws:s3:::amzn-s3-demo-bucket", "444455556666", FUNCTION);
            assertThat(check.allowed()).isFalse();
            assertThat(check.reason()).contains("allows source account 123456789012 only, not 444455556666");
        }

        @Test
        @DisplayName("a missing source account does not satisfy the condition")
        void missingAccount() {
            assertThat(FunctionPolicy.parse(S3_POLICY)
                            .check("s3.amazonaws.com", "arn:aws:s3:::amzn-s3-demo-bucket", null, FUNCTION)
                            .allowed())
                    .isFalse();
        }

        @Test
        @DisplayName("a bucket whose name only starts like the named one is refused")
        void similarBucket() {
            assertThat(FunctionPolicy.parse(S3_POLICY)
                            .check("s3.amazonaws.com", "arn:aws:s3:::amzn-s3-demo-bucket-2", "123456789012", FUNCTION)
                            .allowed())
                    .isFalse();
        }
    }

    @Nested
    @DisplayName("Versions and aliases each have their own policy")
    class Qualifiers {

        private static final String PROD = FUNCTION + ":PROD";

        @Test
        @DisplayName("a permission on the unqualified function does not let the service invoke the PROD alias")
        void unqualifiedPermissionAliasInvoke() {
            PolicyCheck check = FunctionPolicy.parse(apiPolicy(FUNCTION))
                    .check(
                            "apigateway.amazonaws.com",
                            "arn:aws:execute-api:us-east-2:123456789012:abc123/prod/GET/scores",
                            "123456789012",
                            PROD);
            assertThat(check.allowed()).isFalse();
            assertThat(check.reason()).contains("needs a permission on " + PROD).contains("--qualifier PROD");
        }

        @Test
        @DisplayName("a permission on the alias lets the service invoke the alias, not the function or a version")
        void aliasPermission() {
            FunctionPolicy prodPolicy = FunctionPolicy.parse(apiPolicy(PROD));
            String source = "arn:aws:execute-api:us-east-2:123456789012:abc123/prod/GET/scores";
            assertThat(prodPolicy
                            .check("apigateway.amazonaws.com", source, "123456789012", PROD)
                            .allowed())
                    .isTrue();
            assertThat(prodPolicy
                            .check("apigateway.amazonaws.com", source, "123456789012", FUNCTION)
                            .allowed())
                    .isFalse();
            assertThat(prodPolicy
                            .check("apigateway.amazonaws.com", source, "123456789012", FUNCTION + ":3")
                            .allowed())
                    .isFalse();
        }

        @Test
        @DisplayName("an alias with no permission at all is refused, and the sentence says how to add one")
        void noPolicy() {
            PolicyCheck check = FunctionPolicy.none()
                    .check("s3.amazonaws.com", "arn:aws:s3:::amzn-s3-demo-bucket", "123456789012", PROD);
            assertThat(check.allowed()).isFalse();
            assertThat(check.reason()).contains("aws lambda add-permission --qualifier PROD");
        }

        @Test
        @DisplayName("each qualifier names the policy to fetch and the resource its statement must name")
        void whichPolicy() {
            assertThat(FunctionArn.parse(FUNCTION).policyQualifier()).isEmpty();
            assertThat(FunctionArn.parse(FUNCTION + ":$LATEST").policyQualifier())
                    .isEmpty();
            assertThat(FunctionArn.parse(FUNCTION + ":$LATEST").policyResource())
                    .isEqualTo(FUNCTION);
            assertThat(FunctionArn.parse(FUNCTION + ":7").policyQualifier()).contains("7");
            assertThat(FunctionArn.parse(FUNCTION + ":7").isVersion()).isTrue();
            assertThat(FunctionArn.parse(PROD).policyResource()).isEqualTo(PROD);
            assertThat(FunctionArn.parse(PROD).isVersion()).isFalse();
        }

        @Test
        @DisplayName("an ARN that is not a function's is refused")
        void notAFunction() {
            assertThatThrownBy(() -> FunctionArn.parse("arn:aws:lambda:us-east-2:123456789012:layer:my-layer"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("an explicit Deny for the source wins over an Allow, and names its Sid")
    void explicitDeny() {
        String policy = """
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "all-sns", "Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
                   "Action": "lambda:InvokeFunction", "Resource": "%1$s"},
                  {"Sid": "not-test", "Effect": "Deny", "Principal": {"Service": "sns.amazonaws.com"},
                   "Action": "lambda:InvokeFunction", "Resource": "%1$s",
                   "Condition": {"ArnLike": {"AWS:SourceArn": "arn:aws:sns:*:*:test-*"}}}]}""".formatted(FUNCTION);
        PolicyCheck check = FunctionPolicy.parse(policy)
                .check("sns.amazonaws.com", "arn:aws:sns:us-east-2:123456789012:test-topic", "123456789012", FUNCTION);
        assertThat(check.allowed()).isFalse();
        assertThat(check.statementId()).isEqualTo("not-test");
        assertThat(FunctionPolicy.parse(policy)
                        .check(
                                "sns.amazonaws.com",
                                "arn:aws:sns:eu-west-1:210987654321:scores",
                                "210987654321",
                                FUNCTION)
                        .allowed())
                .isTrue();
    }
}
