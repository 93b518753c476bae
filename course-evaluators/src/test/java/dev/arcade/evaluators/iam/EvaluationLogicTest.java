package dev.arcade.evaluators.iam;

import static dev.arcade.evaluators.iam.Iam.evaluate;
import static dev.arcade.evaluators.iam.Iam.fixture;
import static dev.arcade.evaluators.iam.Iam.identityOnly;
import static dev.arcade.evaluators.iam.Iam.policy;
import static dev.arcade.evaluators.iam.Iam.user;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Source: IAM User Guide, "Policy evaluation logic", "Policy evaluation for requests within a
 * single account" (its flow chart and the carlossalazar example) and "The difference between
 * explicit and implicit denies".
 */
@DisplayName("Policy evaluation logic (IAM User Guide)")
class EvaluationLogicTest {

    private static final String CARLOS = "arn:aws:iam::111122223333:user/carlossalazar";

    @Nested
    @DisplayName("Example identity-based and resource-based policy evaluation (carlossalazar)")
    class Carlos {

        private final PolicySet policies = PolicySet.builder()
                .identityPolicy("carlossalazar-policy", fixture("carlossalazar-identity.json"))
                .resourcePolicy("carlossalazar-bucket-policy", fixture("carlossalazar-bucket-policy.json"))
                .build();

        @Test
        @DisplayName("saving to the carlossalazar-logs bucket is explicitly denied by DenyS3Logs")
        void logsBucketIsDenied() {
            Decision decision = evaluate(
                    RequestContext.builder()
                            .principalArn(CARLOS)
                            .action("s3:PutObject")
                            .resource("arn:aws:s3:::carlossalazar-logs/report.txt")
                            .build(),
                    policies);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(decision.decidingStatements())
                    .as("the deciding statement is DenyS3Logs, statement 2 of the identity policy")
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.sid()).isEqualTo("DenyS3Logs");
                        assertThat(s.statementIndex()).isEqualTo(2);
                        assertThat(s.kind()).isEqualTo(PolicyKind.IDENTITY);
                        assertThat(s.policyName()).isEqualTo("carlossalazar-policy");
                    });
            assertThat(decision.explanation())
                    .as("the explanation names the statement, shows its JSON and says that Deny overrides Allow")
                    .contains("statement 2 (Sid \"DenyS3Logs\") of identity policy \"carlossalazar-policy\"")
                    .contains("\"Effect\": \"Deny\"")
                    .contains("overrides every Allow")
                    .contains("resource-based policy \"carlossalazar-bucket-policy\"");
        }

        @Test
        @DisplayName("saving to the carlossalazar bucket is allowed: both policies allow it")
        void ownBucketIsAllowed() {
            Decision decision = evaluate(
                    RequestContext.builder()
                            .principalArn(CARLOS)
                            .action("s3:PutObject")
                            .resource("arn:aws:s3:::carlossalazar/report.txt")
                            .build(),
                    policies);

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
            assertThat(decision.decidingStatements())
                    .as("AllowS3Self decides")
                    .extracting(MatchedStatement::sid)
                    .contains("AllowS3Self");
        }

        @Test
        @DisplayName("if one policy type allows the request and the other does not, it is still allowed")
        void eitherPolicyIsEnough() {
            RequestContext request = RequestContext.builder()
                    .principalArn(CARLOS)
                    .action("s3:GetObject")
                    .resource("arn:aws:s3:::carlossalazar/report.txt")
                    .build();
            Decision identityAlone = evaluate(
                    request,
                    PolicySet.builder()
                            .identityPolicy("carlossalazar-policy", fixture("carlossalazar-identity.json"))
                            .build());
            Decision resourceAlone = evaluate(
                    request,
                    PolicySet.builder()
                            .resourcePolicy("carlossalazar-bucket-policy", fixture("carlossalazar-bucket-policy.json"))
                            .build());

            assertThat(identityAlone.allowed()).as(identityAlone.explanation()).isTrue();
            assertThat(resourceAlone.allowed()).as(resourceAlone.explanation()).isTrue();
            assertThat(resourceAlone.decidingStatements())
                    .singleElement()
                    .extracting(MatchedStatement::kind)
                    .isEqualTo(PolicyKind.RESOURCE);
        }
    }

    @Nested
    @DisplayName("The difference between explicit and implicit denies")
    class ExplicitAndImplicit {

        private static final String ADMIN_BUT_BILLING = """
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {"Effect": "Allow", "Action": "*", "Resource": "*"},
                        {"Effect": "Deny", "Action": "aws-portal:*", "Resource": "*"}
                    ]
                }""";

        private static final String USER_MANAGER = """
                {
                    "Version": "2012-10-17",
                    "Statement": {
                        "Effect": "Allow",
                        "Action": [
                            "iam:AttachUserPolicy", "iam:CreateUser", "iam:DeleteUser", "iam:DeleteUserPolicy",
                            "iam:DetachUserPolicy", "iam:GetUser", "iam:GetUserPolicy",
                            "iam:ListAttachedUserPolicies", "iam:ListUserPolicies", "iam:ListUsers",
                            "iam:PutUserPolicy", "iam:UpdateUser"
                        ],
                        "Resource": "*"
                    }
                }""";

        @Test
        @DisplayName(
                "full access with an explicit Deny on billing: billing stays denied even if another policy allows it")
        void explicitDenyBeatsAnotherAllow() {
            Decision decision = evaluate(
                    user("admin").action("aws-portal:ViewBilling").build(),
                    PolicySet.builder()
                            .identityPolicy("AdminButBilling", ADMIN_BUT_BILLING)
                            .identityPolicy(
                                    "BillingAccess",
                                    Iam.statement(
                                            "\"Effect\": \"Allow\", \"Action\": \"aws-portal:*\", \"Resource\": \"*\""))
                            .build());

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(decision.decidingStatements())
                    .singleElement()
                    .satisfies(s -> assertThat(s.statementIndex()).isEqualTo(1));
        }

        @Test
        @DisplayName("full access with an explicit Deny on billing: everything else is allowed")
        void everythingElseAllowed() {
            Decision decision = identityOnly(
                    user("admin")
                            .action("dynamodb:DeleteTable")
                            .resource("arn:aws:dynamodb:us-east-1:123456789012:table/Any")
                            .build(),
                    ADMIN_BUT_BILLING);

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }

        @Test
        @DisplayName("a user manager is implicitly denied group actions, and another policy could allow them")
        void implicitDenyCanBeLifted() {
            RequestContext request = user("manager").action("iam:CreateGroup").build();
            Decision alone = identityOnly(request, USER_MANAGER);
            Decision withMore = evaluate(
                    request,
                    PolicySet.builder()
                            .identityPolicy("UserManager", USER_MANAGER)
                            .identityPolicy(
                                    "GroupManager",
                                    Iam.statement(
                                            "\"Effect\": \"Allow\", \"Action\": \"iam:*Group*\", \"Resource\": \"*\""))
                            .build());

            assertThat(alone.outcome()).as(alone.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(alone.decidingStatements())
                    .as("an implicit deny has no deciding statement")
                    .isEmpty();
            assertThat(withMore.allowed()).as(withMore.explanation()).isTrue();
        }

        @Test
        @DisplayName("with no policies at all, every request is implicitly denied")
        void noPolicies() {
            Decision decision =
                    evaluate(user("nobody").action("s3:ListAllMyBuckets").build(), PolicySet.empty());

            assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.explanation())
                    .as("the explanation says no policy applies")
                    .contains("No policies apply to this request");
        }

        @Test
        @DisplayName("the account root user has full access unless an explicit Deny applies")
        void rootUser() {
            RequestContext request = RequestContext.builder()
                    .principalAccount("123456789012")
                    .action("s3:DeleteBucket")
                    .resource("arn:aws:s3:::anything")
                    .build();
            Decision noPolicies = evaluate(request, PolicySet.empty());
            Decision denied = evaluate(
                    request,
                    PolicySet.builder()
                            .resourcePolicy(
                                    "BucketPolicy",
                                    Iam.statement(
                                            "\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:DeleteBucket\","
                                                    + " \"Resource\": \"arn:aws:s3:::anything\""))
                            .build());

            assertThat(noPolicies.allowed()).as(noPolicies.explanation()).isTrue();
            assertThat(denied.outcome()).as(denied.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
        }
    }

    @Nested
    @DisplayName("Identity-based policies and resource-based policies within one account")
    class IdentityAndResource {

        private static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:orders";

        @Test
        @DisplayName("a resource-based policy that names the user grants access without any identity policy")
        void resourcePolicyNamingUserGrants() {
            Decision decision = evaluate(
                    user("alice")
                            .action("lambda:InvokeFunction")
                            .resource(FUNCTION)
                            .build(),
                    PolicySet.builder()
                            .resourcePolicy(
                                    "FunctionPolicy",
                                    Iam.statement(
                                            "\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:user/alice\"},"
                                                    + " \"Action\": \"lambda:InvokeFunction\", \"Resource\": \""
                                                    + FUNCTION + "\""))
                            .build());

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
            assertThat(decision.explanation())
                    .as("it says which principal form granted access")
                    .contains("the caller's IAM user ARN");
        }

        @Test
        @DisplayName(
                "a resource-based policy that names only the account delegates to IAM: an identity policy must allow too")
        void accountPrincipalDelegates() {
            String resourcePolicy = Iam.statement("\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"123456789012\"},"
                    + " \"Action\": \"lambda:InvokeFunction\", \"Resource\": \"" + FUNCTION + "\"");
            RequestContext request = user("alice")
                    .action("lambda:InvokeFunction")
                    .resource(FUNCTION)
                    .build();

            Decision withoutIdentity = evaluate(
                    request,
                    PolicySet.builder()
                            .resourcePolicy("FunctionPolicy", resourcePolicy)
                            .build());
            Decision withIdentity = evaluate(
                    request,
                    PolicySet.builder()
                            .resourcePolicy("FunctionPolicy", resourcePolicy)
                            .identityPolicy(
                                    "Invoke",
                                    Iam.statement("\"Effect\": \"Allow\", \"Action\": \"lambda:InvokeFunction\","
                                            + " \"Resource\": \"" + FUNCTION + "\""))
                            .build());

            assertThat(withoutIdentity.outcome())
                    .as(withoutIdentity.explanation())
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(withoutIdentity.explanation())
                    .as("the explanation says the account grant only delegates")
                    .contains("whole account (123456789012)");
            assertThat(withIdentity.allowed()).as(withIdentity.explanation()).isTrue();
        }

        @Test
        @DisplayName("an explicit Deny in a resource-based policy overrides an identity-based Allow")
        void resourceDenyWins() {
            Decision decision = evaluate(
                    user("alice")
                            .action("lambda:InvokeFunction")
                            .resource(FUNCTION)
                            .build(),
                    PolicySet.builder()
                            .identityPolicy(
                                    "Invoke",
                                    Iam.statement("\"Effect\": \"Allow\", \"Action\": \"lambda:*\","
                                            + " \"Resource\": \"*\""))
                            .resourcePolicy(
                                    "FunctionPolicy",
                                    Iam.statement("\"Effect\": \"Deny\", \"Principal\": \"*\","
                                            + " \"Action\": \"lambda:InvokeFunction\", \"Resource\": \"" + FUNCTION
                                            + "\""))
                            .build());

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(decision.decidingStatements())
                    .singleElement()
                    .extracting(MatchedStatement::kind)
                    .isEqualTo(PolicyKind.RESOURCE);
        }

        @Test
        @DisplayName("a resource-based policy naming someone else does not apply to the caller")
        void otherPrincipal() {
            Decision decision = evaluate(
                    user("mallory")
                            .action("lambda:InvokeFunction")
                            .resource(FUNCTION)
                            .build(),
                    PolicySet.builder()
                            .resourcePolicy(
                                    "FunctionPolicy",
                                    Iam.statement(
                                            "\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:user/alice\"},"
                                                    + " \"Action\": \"lambda:InvokeFunction\", \"Resource\": \""
                                                    + FUNCTION + "\""))
                            .build());

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.explanation())
                    .as("the explanation says the principal is not named")
                    .contains("is not named in Principal");
        }
    }

    @Test
    @DisplayName("action names match case-insensitively, resource ARNs case-sensitively")
    void caseRules() {
        String json = Iam.statement("\"Effect\": \"Allow\", \"Action\": \"DynamoDB:getitem\","
                + " \"Resource\": \"arn:aws:dynamodb:us-east-1:123456789012:table/Books\"");
        Decision sameCase = identityOnly(
                user("a")
                        .action("dynamodb:GetItem")
                        .resource("arn:aws:dynamodb:us-east-1:123456789012:table/Books")
                        .build(),
                json);
        Decision otherCase = identityOnly(
                user("a")
                        .action("dynamodb:GetItem")
                        .resource("arn:aws:dynamodb:us-east-1:123456789012:table/books")
                        .build(),
                json);

        assertThat(sameCase.allowed()).as(sameCase.explanation()).isTrue();
        assertThat(otherCase.allowed()).as(otherCase.explanation()).isFalse();
    }

    @Test
    @DisplayName("a wildcard in an ARN's region or account component does not cross a colon")
    void wildcardPerComponent() {
        PolicyDocument doc = policy(Iam.statement("\"Effect\": \"Allow\", \"Action\": \"logs:*\","
                + " \"Resource\": \"arn:aws:logs:*:*:log-group:/aws/lambda/orders:*\""));
        PolicySet set = PolicySet.builder().identityPolicy("Logs", doc).build();

        Decision stream = evaluate(
                user("a")
                        .action("logs:PutLogEvents")
                        .resource("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:log-stream:abc")
                        .build(),
                set);
        Decision other = evaluate(
                user("a")
                        .action("logs:PutLogEvents")
                        .resource("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/payments:log-stream:abc")
                        .build(),
                set);

        assertThat(stream.allowed()).as(stream.explanation()).isTrue();
        assertThat(other.allowed()).as(other.explanation()).isFalse();
    }
}
