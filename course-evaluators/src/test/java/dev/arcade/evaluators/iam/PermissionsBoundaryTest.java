package dev.arcade.evaluators.iam;

import static dev.arcade.evaluators.iam.Iam.evaluate;
import static dev.arcade.evaluators.iam.Iam.session;
import static dev.arcade.evaluators.iam.Iam.statement;
import static dev.arcade.evaluators.iam.Iam.user;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: IAM User Guide, "Permissions boundaries for IAM entities": the ShirleyRodriguez example,
 * "Evaluating effective permissions with boundaries" (identity-based policies with boundaries,
 * resource-based policies, session policies), the XCompanyBoundaries delegation example, and the
 * Important note on NotPrincipal with Deny.
 */
@DisplayName("Permissions boundaries for IAM entities (IAM User Guide)")
class PermissionsBoundaryTest {

    /** The boundary set for ShirleyRodriguez in the guide. */
    private static final String SHIRLEY_BOUNDARY = """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": ["s3:*", "cloudwatch:*", "ec2:*"],
                        "Resource": "*"
                    }
                ]
            }""";

    /** The permissions policy added to ShirleyRodriguez in the guide. */
    private static final String CREATE_USER = """
            {
              "Version": "2012-10-17",
              "Statement": {
                "Effect": "Allow",
                "Action": "iam:CreateUser",
                "Resource": "*"
              }
            }""";

    private static final String TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders";

    @Test
    @DisplayName("ShirleyRodriguez: iam:CreateUser is allowed by her policy but not by her boundary, so it fails")
    void shirleyCannotCreateUser() {
        Decision decision = evaluate(
                user("ShirleyRodriguez").action("iam:CreateUser").build(),
                PolicySet.builder()
                        .identityPolicy("CreateUser", CREATE_USER)
                        .permissionsBoundary("ShirleyBoundary", SHIRLEY_BOUNDARY)
                        .build());

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.explanation())
                .as("the explanation blames the boundary and names the identity statement that did allow it")
                .contains("permissions boundary \"ShirleyBoundary\" does not")
                .contains("Statement 0 of identity policy \"CreateUser\" allows it")
                .contains("Permissions boundaries for IAM entities");
    }

    @Test
    @DisplayName("ShirleyRodriguez: the boundary alone grants nothing, even for s3")
    void boundaryAloneGrantsNothing() {
        Decision decision = evaluate(
                user("ShirleyRodriguez").action("s3:ListAllMyBuckets").build(),
                PolicySet.builder()
                        .identityPolicy("CreateUser", CREATE_USER)
                        .permissionsBoundary("ShirleyBoundary", SHIRLEY_BOUNDARY)
                        .build());

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    @DisplayName("ShirleyRodriguez: an action allowed by both her policy and her boundary is allowed")
    void intersectionIsAllowed() {
        Decision decision = evaluate(
                user("ShirleyRodriguez")
                        .action("s3:GetObject")
                        .resource("arn:aws:s3:::b/k")
                        .build(),
                PolicySet.builder()
                        .identityPolicy(
                                "S3Read",
                                statement("\"Effect\": \"Allow\", \"Action\": \"s3:Get*\", \"Resource\": \"*\""))
                        .permissionsBoundary("ShirleyBoundary", SHIRLEY_BOUNDARY)
                        .build());

        assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        assertThat(decision.decidingStatements())
                .as("both the identity statement and the boundary statement are reported")
                .extracting(MatchedStatement::kind)
                .containsExactly(PolicyKind.IDENTITY, PolicyKind.PERMISSIONS_BOUNDARY);
    }

    @Test
    @DisplayName("an explicit Deny in a boundary (XCompanyBoundaries DenyS3Logs) is an explicit deny")
    void denyInBoundary() {
        String boundary = """
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {"Sid": "ServiceBoundaries", "Effect": "Allow",
                         "Action": ["s3:*", "cloudwatch:*", "ec2:*", "dynamodb:*"], "Resource": "*"},
                        {"Sid": "DenyS3Logs", "Effect": "Deny", "Action": "s3:*",
                         "Resource": ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"]}
                    ]
                }""";
        Decision decision = evaluate(
                user("newhire")
                        .action("s3:GetObject")
                        .resource("arn:aws:s3:::logs/2024/01.log")
                        .build(),
                PolicySet.builder()
                        .identityPolicy(
                                "S3Full", statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\""))
                        .permissionsBoundary("XCompanyBoundaries", boundary)
                        .build());

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.decidingStatements()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(PolicyKind.PERMISSIONS_BOUNDARY);
            assertThat(s.sid()).isEqualTo("DenyS3Logs");
        });
    }

    @Test
    @DisplayName(
            "XCompanyBoundaries AllowManageOwnPasswordAndAccessKeys: ${aws:username} limits a user to their own keys")
    void boundaryWithPolicyVariable() {
        String boundary = statement("\"Sid\": \"AllowManageOwnPasswordAndAccessKeys\", \"Effect\": \"Allow\","
                + " \"Action\": [\"iam:*AccessKey*\", \"iam:ChangePassword\", \"iam:GetUser\"],"
                + " \"Resource\": [\"arn:aws:iam::*:user/${aws:username}\"]");
        PolicySet set = PolicySet.builder()
                .identityPolicy(
                        "IAMFull", statement("\"Effect\": \"Allow\", \"Action\": \"iam:*\", \"Resource\": \"*\""))
                .permissionsBoundary("XCompanyBoundaries", boundary)
                .build();

        Decision own = evaluate(
                user("maria")
                        .action("iam:CreateAccessKey")
                        .resource("arn:aws:iam::123456789012:user/maria")
                        .build(),
                set);
        Decision other = evaluate(
                user("maria")
                        .action("iam:CreateAccessKey")
                        .resource("arn:aws:iam::123456789012:user/zhang")
                        .build(),
                set);

        assertThat(own.allowed()).as(own.explanation()).isTrue();
        assertThat(other.outcome()).as(other.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    @DisplayName("resource-based policies: a grant to an IAM user ARN is not limited by the user's boundary")
    void resourcePolicyToUserIgnoresBoundary() {
        Decision decision = evaluate(
                user("ShirleyRodriguez")
                        .action("dynamodb:GetItem")
                        .resource(TABLE)
                        .build(),
                PolicySet.builder()
                        .permissionsBoundary("ShirleyBoundary", SHIRLEY_BOUNDARY)
                        .resourcePolicy(
                                "TablePolicy",
                                statement("\"Effect\": \"Allow\","
                                        + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:user/ShirleyRodriguez\"},"
                                        + " \"Action\": \"dynamodb:GetItem\", \"Resource\": \"" + TABLE + "\""))
                        .build());

        assertThat(decision.allowed()).as(decision.explanation()).isTrue();
    }

    @Test
    @DisplayName("resource-based policies: a grant to a role ARN is limited by the role's boundary")
    void resourcePolicyToRoleArnIsLimited() {
        Decision decision = evaluate(
                session("OrdersFn", "run-1")
                        .action("dynamodb:GetItem")
                        .resource(TABLE)
                        .build(),
                PolicySet.builder()
                        .permissionsBoundary(
                                "S3Only", statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\""))
                        .resourcePolicy(
                                "TablePolicy",
                                statement("\"Effect\": \"Allow\","
                                        + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:role/OrdersFn\"},"
                                        + " \"Action\": \"dynamodb:GetItem\", \"Resource\": \"" + TABLE + "\""))
                        .build());

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.explanation())
                .as("the explanation says a session ARN grant would not be limited")
                .contains("names the ARN of the caller's role")
                .contains("arn:aws:sts::123456789012:assumed-role/OrdersFn/run-1");
    }

    @Test
    @DisplayName("resource-based policies: a grant to a role ARN inside the boundary needs no identity policy")
    void resourcePolicyToRoleArnInsideBoundary() {
        Decision decision = evaluate(
                session("OrdersFn", "run-1")
                        .action("dynamodb:GetItem")
                        .resource(TABLE)
                        .build(),
                PolicySet.builder()
                        .permissionsBoundary(
                                "DynamoOnly",
                                statement("\"Effect\": \"Allow\", \"Action\": \"dynamodb:*\", \"Resource\": \"*\""))
                        .resourcePolicy(
                                "TablePolicy",
                                statement("\"Effect\": \"Allow\","
                                        + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:role/OrdersFn\"},"
                                        + " \"Action\": \"dynamodb:GetItem\", \"Resource\": \"" + TABLE + "\""))
                        .build());

        assertThat(decision.allowed()).as(decision.explanation()).isTrue();
    }

    @Test
    @DisplayName("resource-based policies: a grant to the role session ARN is not limited by the boundary")
    void resourcePolicyToSessionArnIgnoresBoundary() {
        Decision decision = evaluate(
                session("OrdersFn", "run-1")
                        .action("dynamodb:GetItem")
                        .resource(TABLE)
                        .build(),
                PolicySet.builder()
                        .permissionsBoundary(
                                "S3Only", statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\""))
                        .resourcePolicy(
                                "TablePolicy",
                                statement("\"Effect\": \"Allow\","
                                        + " \"Principal\": {\"AWS\": \"arn:aws:sts::123456789012:assumed-role/OrdersFn/run-1\"},"
                                        + " \"Action\": \"dynamodb:GetItem\", \"Resource\": \"" + TABLE + "\""))
                        .build());

        assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        assertThat(decision.explanation()).contains("names the session ARN");
    }

    @Test
    @DisplayName("Important note: NotPrincipal with Deny always denies a principal that has a boundary")
    void notPrincipalDenyWithBoundary() {
        String bucketPolicy = """
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/Bob"},
                         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"},
                        {"Effect": "Deny",
                         "NotPrincipal": {"AWS": ["arn:aws:iam::123456789012:user/Bob", "arn:aws:iam::123456789012:root"]},
                         "Action": "s3:*", "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]}
                    ]
                }""";
        RequestContext bob = user("Bob")
                .action("s3:GetObject")
                .resource("arn:aws:s3:::reports/q1.csv")
                .build();

        Decision withoutBoundary = evaluate(
                bob,
                PolicySet.builder()
                        .resourcePolicy("ReportsBucket", bucketPolicy)
                        .build());
        Decision withBoundary = evaluate(
                bob,
                PolicySet.builder()
                        .resourcePolicy("ReportsBucket", bucketPolicy)
                        .permissionsBoundary(
                                "S3", statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\""))
                        .build());

        assertThat(withoutBoundary.allowed()).as(withoutBoundary.explanation()).isTrue();
        assertThat(withBoundary.outcome()).as(withBoundary.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(withBoundary.explanation())
                .as("the explanation points at the documented pitfall")
                .contains("ArnNotEquals on aws:PrincipalArn");
    }
}
