package dev.arcade.evaluators.iam;

import static dev.arcade.evaluators.iam.Iam.evaluate;
import static dev.arcade.evaluators.iam.Iam.identityOnly;
import static dev.arcade.evaluators.iam.Iam.user;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Source: IAM User Guide, "IAM JSON policy elements: NotAction", "IAM JSON policy elements:
 * NotResource" and "AWS JSON policy elements: NotPrincipal".
 */
@DisplayName("NotAction, NotResource and NotPrincipal (IAM User Guide)")
class NotElementsTest {

    @Nested
    @DisplayName("IAM JSON policy elements: NotAction")
    class NotAction {

        /** "Using NotAction with Allow": everything except IAM. */
        private static final String ALL_BUT_IAM =
                Iam.statement("\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"");

        /** "Using NotAction with Deny": deny everything but IAM without MFA. */
        private static final String DENY_ALL_BUT_IAM_WITHOUT_MFA = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Action": "*", "Resource": "*"},
                    {
                      "Sid": "DenyAllUsersNotUsingMFA",
                      "Effect": "Deny",
                      "NotAction": "iam:*",
                      "Resource": "*",
                      "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}
                    }
                  ]
                }""";

        @Test
        @DisplayName("with Allow: every action outside IAM is allowed")
        void allowsOtherServices() {
            Decision decision = identityOnly(
                    user("a")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::b/k")
                            .build(),
                    ALL_BUT_IAM);

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }

        @Test
        @DisplayName(
                "with Allow: IAM actions are not allowed (implicitly denied), and the explanation says NotAction excludes them")
        void iamNotAllowed() {
            Decision decision = identityOnly(user("a").action("iam:CreateUser").build(), ALL_BUT_IAM);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.explanation()).contains("action iam:CreateUser is excluded by NotAction [iam:*]");
        }

        @Test
        @DisplayName("with Deny: without MFA everything but IAM is explicitly denied")
        void denyWithoutMfa() {
            Decision s3 = identityOnly(user("a").action("s3:ListAllMyBuckets").build(), DENY_ALL_BUT_IAM_WITHOUT_MFA);
            Decision iam = identityOnly(user("a").action("iam:ChangePassword").build(), DENY_ALL_BUT_IAM_WITHOUT_MFA);
            Decision s3WithMfa = identityOnly(
                    user("a")
                            .action("s3:ListAllMyBuckets")
                            .context("aws:MultiFactorAuthPresent", "true")
                            .build(),
                    DENY_ALL_BUT_IAM_WITHOUT_MFA);

            assertThat(s3.outcome()).as(s3.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(iam.allowed()).as(iam.explanation()).isTrue();
            assertThat(s3WithMfa.allowed()).as(s3WithMfa.explanation()).isTrue();
        }
    }

    @Nested
    @DisplayName("IAM JSON policy elements: NotResource")
    class NotResource {

        private static final String ONLY_PAYROLL = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                    {
                      "Effect": "Deny",
                      "Action": "s3:*",
                      "NotResource": ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]
                    }
                  ]
                }""";

        @Test
        @DisplayName("with Deny: everything except the Payroll folder is explicitly denied")
        void deniesEverythingElse() {
            Decision payroll = identityOnly(
                    user("hr")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::HRBucket/Payroll/june.csv")
                            .build(),
                    ONLY_PAYROLL);
            Decision other = identityOnly(
                    user("hr")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::HRBucket/Reviews/june.csv")
                            .build(),
                    ONLY_PAYROLL);

            assertThat(payroll.allowed()).as(payroll.explanation()).isTrue();
            assertThat(other.outcome()).as(other.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        @DisplayName("with Allow: the excluded resources are not allowed")
        void allowWithNotResource() {
            String json = Iam.statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\","
                    + " \"NotResource\": \"arn:aws:s3:::HRBucket/Payroll/*\"");
            Decision payroll = identityOnly(
                    user("a")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::HRBucket/Payroll/june.csv")
                            .build(),
                    json);

            assertThat(payroll.outcome()).as(payroll.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(payroll.explanation()).contains("is excluded by NotResource");
        }
    }

    @Nested
    @DisplayName("AWS JSON policy elements: NotPrincipal")
    class NotPrincipal {

        private static final String BOB_ONLY = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::BUCKETNAME/*"},
                    {
                      "Effect": "Deny",
                      "NotPrincipal": {"AWS": ["arn:aws:iam::444455556666:user/Bob", "arn:aws:iam::444455556666:root"]},
                      "Action": "s3:*",
                      "Resource": ["arn:aws:s3:::BUCKETNAME", "arn:aws:s3:::BUCKETNAME/*"]
                    }
                  ]
                }""";

        private static final String AUDIT_APP_ONLY = """
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Deny",
                    "NotPrincipal": {"AWS": [
                      "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app",
                      "arn:aws:iam::444455556666:role/cross-account-read-only-role",
                      "arn:aws:iam::444455556666:root"
                    ]},
                    "Action": "s3:*",
                    "Resource": ["arn:aws:s3:::Bucket_AccountAudit", "arn:aws:s3:::Bucket_AccountAudit/*"]
                  }]
                }""";

        private static RequestContext get(String principalArn, String resource) {
            return RequestContext.builder()
                    .principalArn(principalArn)
                    .action("s3:GetObject")
                    .resource(resource)
                    .build();
        }

        @Test
        @DisplayName("IAM user example: Bob, listed with his account, is not denied")
        void bobIsExempt() {
            Decision decision = evaluate(
                    get("arn:aws:iam::444455556666:user/Bob", "arn:aws:s3:::BUCKETNAME/a"),
                    PolicySet.builder().resourcePolicy("BucketPolicy", BOB_ONLY).build());

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }

        @Test
        @DisplayName("IAM user example: every other principal is explicitly denied")
        void othersAreDenied() {
            Decision decision = evaluate(
                    get("arn:aws:iam::444455556666:user/Alice", "arn:aws:s3:::BUCKETNAME/a"),
                    PolicySet.builder().resourcePolicy("BucketPolicy", BOB_ONLY).build());

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        @DisplayName("without the account ARN, Bob's account is not exempt, so Bob is denied too")
        void accountMustBeListed() {
            String withoutAccount = BOB_ONLY.replace(", \"arn:aws:iam::444455556666:root\"", "");
            Decision decision = evaluate(
                    get("arn:aws:iam::444455556666:user/Bob", "arn:aws:s3:::BUCKETNAME/a"),
                    PolicySet.builder()
                            .resourcePolicy("BucketPolicy", withoutAccount)
                            .build());

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        @DisplayName(
                "IAM role example: the cross-account-audit-app session is exempt, other sessions of the role are not")
        void roleSessionExample() {
            PolicySet set = PolicySet.builder()
                    .resourcePolicy("AuditBucketPolicy", AUDIT_APP_ONLY)
                    .build();
            Decision auditApp = evaluate(
                    get(
                            "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app",
                            "arn:aws:s3:::Bucket_AccountAudit/x"),
                    set);
            Decision otherSession = evaluate(
                    get(
                            "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/someone-else",
                            "arn:aws:s3:::Bucket_AccountAudit/x"),
                    set);

            assertThat(auditApp.outcome())
                    .as("not denied (and not allowed either)\n" + auditApp.explanation())
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(otherSession.outcome()).as(otherSession.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        @DisplayName(
                "with Allow: NotPrincipal grants everyone else, anonymous callers included (why the guide advises against it)")
        void notPrincipalWithAllow() {
            String json = Iam.statement(
                    "\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": \"arn:aws:iam::123456789012:user/Bob\"},"
                            + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::public/*\"");
            Decision anonymous = evaluate(
                    RequestContext.builder()
                            .anonymous()
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::public/a")
                            .build(),
                    PolicySet.builder().resourcePolicy("Public", json).build());

            assertThat(anonymous.allowed()).as(anonymous.explanation()).isTrue();
        }
    }
}
