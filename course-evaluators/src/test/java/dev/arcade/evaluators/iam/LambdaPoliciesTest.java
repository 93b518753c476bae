package dev.arcade.evaluators.iam;

import static dev.arcade.evaluators.iam.Iam.fixture;
import static dev.arcade.evaluators.iam.Iam.session;
import static dev.arcade.evaluators.iam.Iam.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sources: the AWS managed policy AWSLambdaBasicExecutionRole (AWS Managed Policy Reference); AWS
 * Lambda Developer Guide, "Defining Lambda function permissions with an execution role" (the trust
 * policy for lambda.amazonaws.com) and "Viewing resource-based IAM policies in Lambda" (granting
 * Amazon S3 permission to invoke a function, with aws:SourceArn and aws:SourceAccount); IAM User
 * Guide, "IAM roles: trust policies", "Policy evaluation logic" (role trust policies must allow the
 * caller) and "Creating a role for web identity or OpenID Connect federation".
 */
@DisplayName("Lambda execution role, trust policies and function policies")
class LambdaPoliciesTest {

    private static final String FUNCTION_ROLE = "arn:aws:iam::123456789012:role/orders-fn-role";
    private static final String LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders";

    @Nested
    @DisplayName("AWSLambdaBasicExecutionRole")
    class BasicExecutionRole {

        private final PolicySet policies = PolicySet.builder()
                .identityPolicy("AWSLambdaBasicExecutionRole", fixture("AWSLambdaBasicExecutionRole.json"))
                .build();

        @ParameterizedTest(name = "{0} is allowed")
        @ValueSource(strings = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"})
        @DisplayName("the function may write its logs")
        void writesLogs(String action) {
            Decision decision = PolicyEvaluator.evaluate(
                    session("orders-fn-role", "orders")
                            .action(action)
                            .resource(LOG_GROUP + ":log-stream:2024/06/01/[$LATEST]abc")
                            .build(),
                    policies);

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }

        @Test
        @DisplayName("the function may not read DynamoDB: the managed policy grants logging only")
        void noDynamoDb() {
            Decision decision = PolicyEvaluator.evaluate(
                    session("orders-fn-role", "orders")
                            .action("dynamodb:GetItem")
                            .resource("arn:aws:dynamodb:us-east-1:123456789012:table/Orders")
                            .build(),
                    policies);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.explanation())
                    .contains("identity policy \"AWSLambdaBasicExecutionRole\"")
                    .contains("logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents");
        }

        @Test
        @DisplayName("the function may not delete its log group either")
        void noDeleteLogGroup() {
            Decision decision = PolicyEvaluator.evaluate(
                    session("orders-fn-role", "orders")
                            .action("logs:DeleteLogGroup")
                            .resource(LOG_GROUP)
                            .build(),
                    policies);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
        }
    }

    @Nested
    @DisplayName("The Lambda trust policy")
    class TrustPolicy {

        private final PolicyDocument trust = fixture("lambda-trust-policy.json");

        @Test
        @DisplayName("lambda.amazonaws.com may assume the execution role")
        void lambdaMayAssume() {
            Decision decision = PolicyEvaluator.canAssume(
                    trust,
                    RequestContext.builder()
                            .principalService("lambda.amazonaws.com")
                            .resource(FUNCTION_ROLE)
                            .action("sts:AssumeRole")
                            .build());

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
            assertThat(decision.decidingStatements())
                    .singleElement()
                    .extracting(MatchedStatement::kind)
                    .isEqualTo(PolicyKind.RESOURCE);
        }

        @Test
        @DisplayName("another service may not assume the execution role")
        void ec2MayNot() {
            Decision decision = PolicyEvaluator.canAssume(
                    trust,
                    RequestContext.builder()
                            .principalService("ec2.amazonaws.com")
                            .resource(FUNCTION_ROLE)
                            .action("sts:AssumeRole")
                            .build());

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        @DisplayName(
                "a user may not, even with an identity policy allowing sts:AssumeRole: the trust policy must allow too")
        void userMayNot() {
            PolicySet callerPolicies = PolicySet.builder()
                    .identityPolicy(
                            "AssumeAnything",
                            Iam.statement("\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\""))
                    .build();
            Decision decision = PolicyEvaluator.canAssume(
                    trust,
                    user("dev").action("sts:AssumeRole").resource(FUNCTION_ROLE).build(),
                    callerPolicies);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.explanation()).contains("the role's trust policy does not allow this caller");
        }

        @Test
        @DisplayName("canAssume replaces the request's action with sts:AssumeRole and needs a role ARN as resource")
        void canAssumeShape() {
            Decision decision = PolicyEvaluator.canAssume(
                    trust,
                    RequestContext.builder()
                            .principalService("lambda.amazonaws.com")
                            .action("lambda:InvokeFunction")
                            .resource(FUNCTION_ROLE)
                            .build());

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
            assertThat(decision.explanation()).contains("call sts:AssumeRole on " + FUNCTION_ROLE);
            assertThatThrownBy(() -> PolicyEvaluator.canAssume(
                            trust,
                            RequestContext.builder()
                                    .principalService("lambda.amazonaws.com")
                                    .action("sts:AssumeRole")
                                    .build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("role's ARN");
        }

        @Test
        @DisplayName("a trust policy naming the account needs the caller's identity policy as well")
        void accountTrustNeedsIdentityPolicy() {
            PolicyDocument accountTrust = Iam.policy(Iam.statement("\"Effect\": \"Allow\","
                    + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"sts:AssumeRole\""));
            RequestContext dev =
                    user("dev").action("sts:AssumeRole").resource(FUNCTION_ROLE).build();

            Decision alone = PolicyEvaluator.canAssume(accountTrust, dev);
            Decision withIdentity = PolicyEvaluator.canAssume(
                    accountTrust,
                    dev,
                    PolicySet.builder()
                            .identityPolicy(
                                    "AssumeFnRole",
                                    Iam.statement("\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\","
                                            + " \"Resource\": \"" + FUNCTION_ROLE + "\""))
                            .build());

            assertThat(alone.outcome()).as(alone.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(alone.explanation()).contains("pass the caller's policies to canAssume");
            assertThat(withIdentity.allowed()).as(withIdentity.explanation()).isTrue();
            assertThat(withIdentity.decidingStatements())
                    .extracting(MatchedStatement::kind)
                    .containsExactly(PolicyKind.IDENTITY, PolicyKind.RESOURCE);
        }

        @Test
        @DisplayName("a trust policy naming the user directly is enough on its own")
        void userTrust() {
            PolicyDocument userTrust = Iam.policy(
                    Iam.statement(
                            "\"Effect\": \"Allow\","
                                    + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:user/dev\"}, \"Action\": \"sts:AssumeRole\""));

            Decision decision = PolicyEvaluator.canAssume(
                    userTrust,
                    user("dev").action("sts:AssumeRole").resource(FUNCTION_ROLE).build());

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }

        @Test
        @DisplayName("web identity federation: Cognito users matching aud and amr may call AssumeRoleWithWebIdentity")
        void cognitoTrust() {
            PolicyDocument cognitoTrust = Iam.policy("""
                    {
                      "Version": "2012-10-17",
                      "Statement": [{
                        "Effect": "Allow",
                        "Principal": {"Federated": "cognito-identity.amazonaws.com"},
                        "Action": "sts:AssumeRoleWithWebIdentity",
                        "Condition": {
                          "StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:12345678-abcd-abcd-abcd-123456789012"},
                          "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}
                        }
                      }]
                    }""");
            RequestContext.Builder caller = RequestContext.builder()
                    .principalFederated("cognito-identity.amazonaws.com")
                    .action("sts:AssumeRoleWithWebIdentity")
                    .resource("arn:aws:iam::123456789012:role/Cognito_AuthRole")
                    .context("cognito-identity.amazonaws.com:aud", "us-east-1:12345678-abcd-abcd-abcd-123456789012");

            Decision authenticated = PolicyEvaluator.canAssume(
                    cognitoTrust,
                    caller.context(
                                    "cognito-identity.amazonaws.com:amr",
                                    "authenticated",
                                    "cognito-identity.amazonaws.com")
                            .build());
            Decision unauthenticated = PolicyEvaluator.canAssume(
                    cognitoTrust,
                    caller.context("cognito-identity.amazonaws.com:amr", "unauthenticated")
                            .build());

            assertThat(authenticated.allowed()).as(authenticated.explanation()).isTrue();
            assertThat(unauthenticated.allowed())
                    .as(unauthenticated.explanation())
                    .isFalse();
        }
    }

    @Nested
    @DisplayName("A Lambda function policy granting Amazon S3 permission to invoke")
    class FunctionPolicy {

        private static final String FUNCTION = "arn:aws:lambda:us-east-2:123456789012:function:my-function";
        private static final String POLICY = """
                {
                  "Version": "2012-10-17",
                  "Id": "default",
                  "Statement": [
                    {
                      "Sid": "lambda-allow-s3-my-function",
                      "Effect": "Allow",
                      "Principal": {"Service": "s3.amazonaws.com"},
                      "Action": "lambda:InvokeFunction",
                      "Resource": "arn:aws:lambda:us-east-2:123456789012:function:my-function",
                      "Condition": {
                        "StringEquals": {"AWS:SourceAccount": "123456789012"},
                        "ArnLike": {"AWS:SourceArn": "arn:aws:s3:::amzn-s3-demo-bucket"}
                      }
                    }
                  ]
                }""";

        private RequestContext.Builder s3(String sourceArn) {
            return RequestContext.builder()
                    .principalService("s3.amazonaws.com")
                    .action("lambda:InvokeFunction")
                    .resource(FUNCTION)
                    .context("aws:SourceAccount", "123456789012")
                    .context("aws:SourceArn", sourceArn);
        }

        @Test
        @DisplayName("S3 may invoke the function for the named bucket")
        void namedBucket() {
            Decision decision = PolicyEvaluator.evaluate(
                    s3("arn:aws:s3:::amzn-s3-demo-bucket").build(),
                    PolicySet.builder()
                            .resourcePolicy("my-function policy", POLICY)
                            .build());

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
            assertThat(decision.explanation()).contains("names the calling service");
        }

        @Test
        @DisplayName("S3 may not invoke it for another bucket (the confused-deputy guard)")
        void otherBucket() {
            Decision decision = PolicyEvaluator.evaluate(
                    s3("arn:aws:s3:::someone-elses-bucket").build(),
                    PolicySet.builder()
                            .resourcePolicy("my-function policy", POLICY)
                            .build());

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.explanation()).contains("condition ArnLike {\"AWS:SourceArn\"");
        }
    }
}
