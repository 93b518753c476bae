package dev.arcade.evaluators.iam;

import static dev.arcade.evaluators.iam.Iam.evaluate;
import static dev.arcade.evaluators.iam.Iam.session;
import static dev.arcade.evaluators.iam.Iam.statement;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sources: IAM User Guide, "Policies and permissions in IAM", section "Session policies" (the
 * intersection of identity-based and session policies; a resource-based policy naming the user or
 * role ARN versus the session ARN; session policies with a permissions boundary), and "Permissions
 * for GetFederationToken" (its token-app user, the productionapp bucket and the federated user
 * Carol: without a session policy a federated user session has no permissions, except what a
 * resource-based policy naming the federated user grants).
 */
@DisplayName("Session policies (IAM User Guide)")
class SessionPolicyTest {

    private static final String TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders";
    private static final String ROLE_POLICY =
            statement("\"Effect\": \"Allow\", \"Action\": \"dynamodb:*\", \"Resource\": \"*\"");
    private static final String READ_ONLY_SESSION = statement(
            "\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItem\", \"dynamodb:Query\"], \"Resource\": \"*\"");

    @Test
    @DisplayName("a session may do what both the role's policy and the session policy allow")
    void intersectionAllows() {
        Decision decision = evaluate(
                session("Analyst", "s").action("dynamodb:Query").resource(TABLE).build(),
                PolicySet.builder()
                        .identityPolicy("RolePolicy", ROLE_POLICY)
                        .sessionPolicy("ReadOnly", READ_ONLY_SESSION)
                        .build());

        assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        assertThat(decision.decidingStatements())
                .extracting(MatchedStatement::kind)
                .containsExactly(PolicyKind.IDENTITY, PolicyKind.SESSION);
    }

    @Test
    @DisplayName("the session policy limits the role's permissions: a write is implicitly denied")
    void sessionPolicyLimits() {
        Decision decision = evaluate(
                session("Analyst", "s")
                        .action("dynamodb:PutItem")
                        .resource(TABLE)
                        .build(),
                PolicySet.builder()
                        .identityPolicy("RolePolicy", ROLE_POLICY)
                        .sessionPolicy("ReadOnly", READ_ONLY_SESSION)
                        .build());

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.explanation()).contains("no session policy (\"ReadOnly\") does");
    }

    @Test
    @DisplayName("a session policy grants nothing on its own")
    void sessionPolicyAloneGrantsNothing() {
        Decision decision = evaluate(
                session("Analyst", "s")
                        .action("s3:GetObject")
                        .resource("arn:aws:s3:::b/k")
                        .build(),
                PolicySet.builder()
                        .identityPolicy("RolePolicy", ROLE_POLICY)
                        .sessionPolicy(
                                "S3", statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\""))
                        .build());

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    @DisplayName("a resource-based policy naming the role ARN is limited by the session policy")
    void resourcePolicyNamingRoleIsLimited() {
        Decision decision = evaluate(
                session("Analyst", "s")
                        .action("dynamodb:DeleteItem")
                        .resource(TABLE)
                        .build(),
                PolicySet.builder()
                        .sessionPolicy("ReadOnly", READ_ONLY_SESSION)
                        .resourcePolicy(
                                "TablePolicy",
                                statement("\"Effect\": \"Allow\","
                                        + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:role/Analyst\"},"
                                        + " \"Action\": \"dynamodb:DeleteItem\", \"Resource\": \"" + TABLE + "\""))
                        .build());

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    @DisplayName("a resource-based policy naming the session ARN is not limited by the session policy")
    void resourcePolicyNamingSessionIsNotLimited() {
        Decision decision = evaluate(
                session("Analyst", "s")
                        .action("dynamodb:DeleteItem")
                        .resource(TABLE)
                        .build(),
                PolicySet.builder()
                        .sessionPolicy("ReadOnly", READ_ONLY_SESSION)
                        .resourcePolicy(
                                "TablePolicy",
                                statement("\"Effect\": \"Allow\","
                                        + " \"Principal\": {\"AWS\": \"arn:aws:sts::123456789012:assumed-role/Analyst/s\"},"
                                        + " \"Action\": \"dynamodb:DeleteItem\", \"Resource\": \"" + TABLE + "\""))
                        .build());

        assertThat(decision.allowed()).as(decision.explanation()).isTrue();
    }

    @Test
    @DisplayName("with a boundary as well, a session's permissions are the intersection of all three")
    void threeWayIntersection() {
        PolicySet set = PolicySet.builder()
                .identityPolicy("RolePolicy", ROLE_POLICY)
                .sessionPolicy("ReadOnly", READ_ONLY_SESSION)
                .permissionsBoundary(
                        "GetOnly",
                        statement("\"Effect\": \"Allow\", \"Action\": \"dynamodb:Get*\", \"Resource\": \"*\""))
                .build();

        Decision get = evaluate(
                session("Analyst", "s")
                        .action("dynamodb:GetItem")
                        .resource(TABLE)
                        .build(),
                set);
        Decision query = evaluate(
                session("Analyst", "s").action("dynamodb:Query").resource(TABLE).build(), set);

        assertThat(get.allowed()).as(get.explanation()).isTrue();
        assertThat(query.outcome()).as(query.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    @DisplayName("with an inline and a managed session policy, either one allowing the action is enough")
    void severalSessionPolicies() {
        Decision decision = evaluate(
                session("Analyst", "s")
                        .action("dynamodb:PutItem")
                        .resource(TABLE)
                        .build(),
                PolicySet.builder()
                        .identityPolicy("RolePolicy", ROLE_POLICY)
                        .sessionPolicy("ReadOnly", READ_ONLY_SESSION)
                        .sessionPolicy(
                                "PutOnly",
                                statement(
                                        "\"Effect\": \"Allow\", \"Action\": \"dynamodb:PutItem\", \"Resource\": \"*\""))
                        .build());

        assertThat(decision.allowed()).as(decision.explanation()).isTrue();
    }

    @Test
    @DisplayName("an explicit Deny in a session policy denies")
    void denyInSessionPolicy() {
        Decision decision = evaluate(
                session("Analyst", "s")
                        .action("dynamodb:GetItem")
                        .resource(TABLE)
                        .build(),
                PolicySet.builder()
                        .identityPolicy("RolePolicy", ROLE_POLICY)
                        .sessionPolicy(
                                "NoOrders",
                                "{\"Version\": \"2012-10-17\", \"Statement\": ["
                                        + "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},"
                                        + "{\"Effect\": \"Deny\", \"Action\": \"dynamodb:*\", \"Resource\": \"" + TABLE
                                        + "\"}]}")
                        .build());

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.decidingStatements())
                .singleElement()
                .extracting(MatchedStatement::kind)
                .isEqualTo(PolicyKind.SESSION);
    }

    /** The guide's policy attached to the IAM user token-app, which calls GetFederationToken. */
    private static final String TOKEN_APP = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": "sts:GetFederationToken", "Resource": "*"},
                {"Effect": "Allow", "Action": "dynamodb:ListTables", "Resource": "*"},
                {"Effect": "Allow", "Action": "sqs:ReceiveMessage", "Resource": "*"},
                {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"},
                {"Effect": "Allow", "Action": "sns:ListSubscriptions", "Resource": "*"}
              ]
            }""";

    /** The guide's session policy passed to GetFederationToken. */
    private static final String PRODUCTIONAPP_SESSION = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": ["arn:aws:s3:::productionapp"]},
                {
                  "Effect": "Allow",
                  "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                  "Resource": ["arn:aws:s3:::productionapp/*"]
                }
              ]
            }""";

    private static RequestContext.Builder carol() {
        return RequestContext.builder()
                .principalArn("arn:aws:sts::123456789012:federated-user/Carol")
                .currentTime(Iam.NOW);
    }

    @Test
    @DisplayName("a federated user session from GetFederationToken without a session policy has no permissions")
    void federatedUserWithoutSessionPolicyHasNoPermissions() {
        Decision decision = evaluate(
                carol().action("s3:ListBucket")
                        .resource("arn:aws:s3:::productionapp")
                        .build(),
                PolicySet.builder().identityPolicy("token-app", TOKEN_APP).build());

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.explanation())
                .contains("no session policy was passed")
                .contains("\"Permissions for GetFederationToken\"");
    }

    @Test
    @DisplayName(
            "a federated user may do what both the IAM user's policy and the session policy allow, and nothing else")
    void federatedUserGetsTheIntersection() {
        PolicySet set = PolicySet.builder()
                .identityPolicy("token-app", TOKEN_APP)
                .sessionPolicy("productionapp", PRODUCTIONAPP_SESSION)
                .build();

        Decision list = evaluate(
                carol().action("s3:ListBucket")
                        .resource("arn:aws:s3:::productionapp")
                        .build(),
                set);
        Decision get = evaluate(
                carol().action("s3:GetObject")
                        .resource("arn:aws:s3:::productionapp/a.txt")
                        .build(),
                set);
        Decision sns = evaluate(carol().action("sns:ListSubscriptions").build(), set);

        assertThat(list.allowed()).as(list.explanation()).isTrue();
        assertThat(get.outcome())
                .as("the IAM user's policy does not allow s3:GetObject%n%s", get.explanation())
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(sns.outcome())
                .as("the session policy does not allow SNS%n%s", sns.explanation())
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    @DisplayName("a bucket policy naming the federated user grants access even when no session policy was passed")
    void resourcePolicyNamingFederatedUserGrants() {
        Decision decision = evaluate(
                carol().action("s3:GetObject")
                        .resource("arn:aws:s3:::productionapp/a.txt")
                        .build(),
                PolicySet.builder()
                        .identityPolicy("token-app", TOKEN_APP)
                        .resourcePolicy(
                                "productionapp bucket policy",
                                "{\"Version\": \"2012-10-17\", \"Statement\": {"
                                        + "\"Principal\": {\"AWS\": \"arn:aws:sts::123456789012:federated-user/Carol\"},"
                                        + " \"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:PutObject\", \"s3:DeleteObject\"],"
                                        + " \"Resource\": [\"arn:aws:s3:::productionapp/*\"]}}")
                        .build());

        assertThat(decision.allowed()).as(decision.explanation()).isTrue();
    }

    @Test
    @DisplayName("a role session created by AssumeRole without a session policy has the role's permissions")
    void assumeRoleWithoutSessionPolicyHasRolePermissions() {
        Decision decision = evaluate(
                session("Analyst", "s")
                        .action("dynamodb:PutItem")
                        .resource(TABLE)
                        .build(),
                PolicySet.builder().identityPolicy("RolePolicy", ROLE_POLICY).build());

        assertThat(decision.allowed()).as(decision.explanation()).isTrue();
    }
}
