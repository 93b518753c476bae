package dev.arcade.evaluators.iam;

import static dev.arcade.evaluators.iam.Iam.identityOnly;
import static dev.arcade.evaluators.iam.Iam.session;
import static dev.arcade.evaluators.iam.Iam.statement;
import static dev.arcade.evaluators.iam.Iam.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Source: IAM User Guide, "IAM policy elements: Variables and tags" (Introduction, "Where you can use
 * policy variables", "Policy variables with no value", "Principal key values", "Special characters",
 * "Specifying default values") and "IAM JSON policy elements: Version".
 */
@DisplayName("IAM policy elements: Variables and tags (IAM User Guide)")
class PolicyVariablesTest {

    /** The guide's per-user home directory policy. */
    private static final String HOME_DIRECTORY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Action": ["s3:ListBucket"],
                  "Effect": "Allow",
                  "Resource": ["arn:aws:s3:::mybucket"],
                  "Condition": {"StringLike": {"s3:prefix": ["${aws:username}/*"]}}
                },
                {
                  "Action": ["s3:GetObject", "s3:PutObject"],
                  "Effect": "Allow",
                  "Resource": ["arn:aws:s3:::mybucket/${aws:username}/*"]
                }
              ]
            }""";

    @Nested
    @DisplayName("${aws:username}")
    class Username {

        @Test
        @DisplayName("in Resource: David may write his own objects")
        void ownObjects() {
            Decision decision = identityOnly(
                    user("David")
                            .action("s3:PutObject")
                            .resource("arn:aws:s3:::mybucket/David/notes.txt")
                            .build(),
                    HOME_DIRECTORY);

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }

        @Test
        @DisplayName("in Resource: David may not write Adele's objects")
        void othersObjects() {
            Decision decision = identityOnly(
                    user("David")
                            .action("s3:PutObject")
                            .resource("arn:aws:s3:::mybucket/Adele/notes.txt")
                            .build(),
                    HOME_DIRECTORY);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        @DisplayName("in a StringLike condition: David may list his own prefix only")
        void listOwnPrefix() {
            Decision own = identityOnly(
                    user("David")
                            .action("s3:ListBucket")
                            .resource("arn:aws:s3:::mybucket")
                            .context("s3:prefix", "David/2024/")
                            .build(),
                    HOME_DIRECTORY);
            Decision other = identityOnly(
                    user("David")
                            .action("s3:ListBucket")
                            .resource("arn:aws:s3:::mybucket")
                            .context("s3:prefix", "Adele/")
                            .build(),
                    HOME_DIRECTORY);

            assertThat(own.allowed()).as(own.explanation()).isTrue();
            assertThat(other.allowed()).as(other.explanation()).isFalse();
        }

        @Test
        @DisplayName("a role session has no aws:username, so the resource matches nothing (Principal key values)")
        void roleSessionHasNoUsername() {
            Decision decision = identityOnly(
                    session("David", "s")
                            .action("s3:PutObject")
                            .resource("arn:aws:s3:::mybucket/David/notes.txt")
                            .build(),
                    HOME_DIRECTORY);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.explanation())
                    .as("the explanation names the variable without a value")
                    .contains("${aws:username} has no value in this request");
        }

        @Test
        @DisplayName("variable key names are case-insensitive")
        void caseInsensitiveKey() {
            Decision decision = identityOnly(
                    user("David")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::mybucket/David/a")
                            .build(),
                    statement("\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                            + " \"Resource\": \"arn:aws:s3:::mybucket/${AWS:UserName}/*\""));

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }
    }

    @Nested
    @DisplayName("Where you can use policy variables: the Resource element")
    class ResourceElement {

        @Test
        @DisplayName("the guide's queue example: ${aws:username} after the fifth colon names the user's own queue")
        void variableInResourcePart() {
            String json = statement("\"Effect\": \"Allow\", \"Action\": \"sqs:*\","
                    + " \"Resource\": \"arn:aws:sqs:us-east-2:*:${aws:username}-queue\"");
            Decision own = identityOnly(
                    user("David")
                            .action("sqs:SendMessage")
                            .resource("arn:aws:sqs:us-east-2:123456789012:David-queue")
                            .build(),
                    json);
            Decision other = identityOnly(
                    user("David")
                            .action("sqs:SendMessage")
                            .resource("arn:aws:sqs:us-east-2:123456789012:Adele-queue")
                            .build(),
                    json);

            assertThat(own.allowed()).as(own.explanation()).isTrue();
            assertThat(other.allowed()).as(other.explanation()).isFalse();
        }

        @Test
        @DisplayName(
                "a variable in the account part, before the fifth colon, is not substituted, so it matches no real ARN")
        void variableBeforeFifthColonIsNotSubstituted() {
            String json = statement("\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\","
                    + " \"Resource\": \"arn:aws:sqs:us-east-2:${aws:PrincipalAccount}:orders\"");
            Decision decision = identityOnly(
                    user("David")
                            .action("sqs:SendMessage")
                            .resource("arn:aws:sqs:us-east-2:123456789012:orders")
                            .build(),
                    json);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.explanation())
                    .contains("has a policy variable before the fifth colon, which IAM does not" + " substitute");
        }

        @Test
        @DisplayName("a variable in the region part is not substituted either")
        void variableInRegionIsNotSubstituted() {
            String json = statement("\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\","
                    + " \"Resource\": \"arn:aws:sqs:${aws:RequestedRegion}:123456789012:orders\"");
            Decision decision = identityOnly(
                    user("David")
                            .action("sqs:SendMessage")
                            .context("aws:RequestedRegion", "us-east-2")
                            .resource("arn:aws:sqs:us-east-2:123456789012:orders")
                            .build(),
                    json);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        @DisplayName(
                "a variable after the fifth colon is substituted even when the resource part has colons of its own")
        void variableAfterFurtherColons() {
            String json = statement("\"Effect\": \"Allow\", \"Action\": \"logs:PutLogEvents\","
                    + " \"Resource\": \"arn:aws:logs:us-east-1:123456789012:log-group:/app/${aws:username}:*\"");
            Decision own = identityOnly(
                    user("David")
                            .action("logs:PutLogEvents")
                            .resource("arn:aws:logs:us-east-1:123456789012:log-group:/app/David:log-stream:s1")
                            .build(),
                    json);
            Decision other = identityOnly(
                    user("David")
                            .action("logs:PutLogEvents")
                            .resource("arn:aws:logs:us-east-1:123456789012:log-group:/app/Adele:log-stream:s1")
                            .build(),
                    json);

            assertThat(own.allowed()).as(own.explanation()).isTrue();
            assertThat(other.allowed()).as(other.explanation()).isFalse();
        }

        @Test
        @DisplayName(
                "in NotResource a variable with no value excludes nothing, so a Deny with NotResource denies everything")
        void notResourceWithUnresolvedVariable() {
            String json = "{\"Version\": \"2012-10-17\", \"Statement\": ["
                    + "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},"
                    + "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::home/${aws:username}/*\"}]}";
            Decision user = identityOnly(
                    user("David")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::home/David/a")
                            .build(),
                    json);
            Decision role = identityOnly(
                    session("David", "s")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::home/David/a")
                            .build(),
                    json);

            assertThat(user.allowed()).as(user.explanation()).isTrue();
            assertThat(role.outcome())
                    .as("a role session has no aws:username%n%s", role.explanation())
                    .isEqualTo(Outcome.EXPLICIT_DENY);
        }
    }

    @Nested
    @DisplayName("Tags as policy variables and default values")
    class Tags {

        private static final String TEAM_BUCKET = statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\","
                + " \"Resource\": \"arn:aws:s3:::amzn-s3-demo-bucket-${aws:PrincipalTag/team, 'company-wide'}\"");

        @Test
        @DisplayName("${aws:PrincipalTag/department} in Resource selects the department's bucket")
        void departmentBucket() {
            String json = statement("\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                    + " \"Resource\": [\"arn:aws:s3:::bucket/${aws:PrincipalTag/department}\"]");
            Decision own = identityOnly(
                    user("a")
                            .principalTag("department", "finance")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::bucket/finance")
                            .build(),
                    json);
            Decision other = identityOnly(
                    user("a")
                            .principalTag("department", "finance")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::bucket/hr")
                            .build(),
                    json);

            assertThat(own.allowed()).as(own.explanation()).isTrue();
            assertThat(other.allowed()).as(other.explanation()).isFalse();
        }

        @Test
        @DisplayName("Specifying default values: a team=yellow principal gets the yellow bucket")
        void taggedPrincipal() {
            Decision decision = identityOnly(
                    user("a")
                            .principalTag("team", "yellow")
                            .action("s3:ListBucket")
                            .resource("arn:aws:s3:::amzn-s3-demo-bucket-yellow")
                            .build(),
                    TEAM_BUCKET);

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }

        @Test
        @DisplayName("Specifying default values: an untagged principal gets only the company-wide bucket")
        void untaggedPrincipalGetsDefault() {
            Decision companyWide = identityOnly(
                    user("a")
                            .action("s3:ListBucket")
                            .resource("arn:aws:s3:::amzn-s3-demo-bucket-company-wide")
                            .build(),
                    TEAM_BUCKET);
            Decision yellow = identityOnly(
                    user("a")
                            .action("s3:ListBucket")
                            .resource("arn:aws:s3:::amzn-s3-demo-bucket-yellow")
                            .build(),
                    TEAM_BUCKET);

            assertThat(companyWide.allowed()).as(companyWide.explanation()).isTrue();
            assertThat(yellow.allowed()).as(yellow.explanation()).isFalse();
        }

        @Test
        @DisplayName("a substituted value is literal: a tag value of * is not a wildcard")
        void substitutedValueIsLiteral() {
            Decision decision = identityOnly(
                    user("a")
                            .principalTag("team", "*")
                            .action("s3:ListBucket")
                            .resource("arn:aws:s3:::amzn-s3-demo-bucket-yellow")
                            .build(),
                    TEAM_BUCKET);

            assertThat(decision.allowed()).as(decision.explanation()).isFalse();
        }
    }

    @Nested
    @DisplayName("Policy variables with no value")
    class NoValue {

        /** The guide's example: access is explicitly denied when aws:PrincipalTag/Team is not set. */
        private static final String TEAM_OBJECTS = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"},
                    {
                      "Effect": "Deny",
                      "Action": "s3:GetObject",
                      "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                      "Condition": {"StringNotEquals": {"s3:ExistingObjectTag/Team": "${aws:PrincipalTag/Team}"}}
                    }
                  ]
                }""";

        @Test
        @DisplayName("the inverted operator matches a null value: an untagged principal is explicitly denied")
        void untaggedIsDenied() {
            Decision decision = identityOnly(
                    user("a")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::amzn-s3-demo-bucket/x")
                            .context("s3:ExistingObjectTag/Team", "red")
                            .build(),
                    TEAM_OBJECTS);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        @DisplayName("a principal on the object's team is not denied")
        void sameTeamAllowed() {
            Decision decision = identityOnly(
                    user("a")
                            .principalTag("Team", "red")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::amzn-s3-demo-bucket/x")
                            .context("s3:ExistingObjectTag/Team", "red")
                            .build(),
                    TEAM_OBJECTS);

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }

        @Test
        @DisplayName("StringEquals against a variable with no value does not match")
        void equalsDoesNotMatchNull() {
            Iam.assertCondition(
                    "{\"StringEquals\": {\"s3:ExistingObjectTag/Team\": \"${aws:PrincipalTag/Team}\"}}",
                    new String[] {"s3:ExistingObjectTag/Team=red"},
                    false);
        }

        @Test
        @DisplayName("a multivalued key cannot be used as a variable")
        void multivaluedKeyIsNoVariable() {
            Decision decision = identityOnly(
                    user("a")
                            .contextValues("aws:TagKeys", List.of("x"))
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::bucket/x")
                            .build(),
                    statement("\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                            + " \"Resource\": \"arn:aws:s3:::bucket/${aws:TagKeys}\""));

            assertThat(decision.allowed()).as(decision.explanation()).isFalse();
        }
    }

    @Nested
    @DisplayName("Request information that you can use for policy variables")
    class RequestInformation {

        @Test
        @DisplayName("${aws:userid} of a role session is role-id:session-name")
        void userId() {
            String json = statement("\"Effect\": \"Allow\", \"Action\": \"sqs:*\","
                    + " \"Resource\": \"arn:aws:sqs:us-east-2:123456789012:${aws:userid}-queue\"");
            Decision decision = identityOnly(
                    session("Worker", "w1")
                            .userId("AROAEXAMPLEID:w1")
                            .action("sqs:SendMessage")
                            .resource("arn:aws:sqs:us-east-2:123456789012:AROAEXAMPLEID:w1-queue")
                            .build(),
                    json);

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }

        @Test
        @DisplayName("${aws:PrincipalAccount} and ${aws:PrincipalArn} are filled in from the caller")
        void principalAccountAndArn() {
            String json = statement("\"Effect\": \"Allow\", \"Action\": \"sns:Publish\", \"Resource\": \"*\","
                    + " \"Condition\": {\"StringEquals\": {\"aws:ResourceAccount\": \"${aws:PrincipalAccount}\"},"
                    + " \"ArnEquals\": {\"aws:SourceArn\": \"${aws:PrincipalArn}\"}}");
            Decision decision = identityOnly(
                    session("Publisher", "p")
                            .action("sns:Publish")
                            .context("aws:ResourceAccount", "123456789012")
                            .context("aws:SourceArn", "arn:aws:iam::123456789012:role/Publisher")
                            .build(),
                    json);

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }
    }

    @Nested
    @DisplayName("Special characters and policy language versions")
    class SpecialCharacters {

        @Test
        @DisplayName("${*} is a literal asterisk, not a wildcard")
        void literalAsterisk() {
            String json = statement(
                    "\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::bucket/${*}\"");
            Decision literal = identityOnly(
                    user("a")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::bucket/*")
                            .build(),
                    json);
            Decision other = identityOnly(
                    user("a")
                            .action("s3:GetObject")
                            .resource("arn:aws:s3:::bucket/x")
                            .build(),
                    json);

            assertThat(literal.allowed()).as(literal.explanation()).isTrue();
            assertThat(other.allowed()).as(other.explanation()).isFalse();
        }

        @Test
        @DisplayName("${?} and ${$} are a literal question mark and dollar sign")
        void literalQuestionMarkAndDollar() {
            Iam.assertCondition(
                    "{\"StringLike\": {\"s3:prefix\": \"what${?}-${$}5\"}}", new String[] {"s3:prefix=what?-$5"}, true);
            Iam.assertCondition(
                    "{\"StringLike\": {\"s3:prefix\": \"what${?}\"}}", new String[] {"s3:prefix=whats"}, false);
        }

        @Test
        @DisplayName("in a 2008-10-17 policy ${aws:username} is literal text")
        void version2008IsLiteral() {
            String json = HOME_DIRECTORY.replace("2012-10-17", "2008-10-17");
            Decision substituted = identityOnly(
                    user("David")
                            .action("s3:PutObject")
                            .resource("arn:aws:s3:::mybucket/David/notes.txt")
                            .build(),
                    json);
            Decision literal = identityOnly(
                    user("David")
                            .action("s3:PutObject")
                            .resource("arn:aws:s3:::mybucket/${aws:username}/notes.txt")
                            .build(),
                    json);

            assertThat(substituted.allowed()).as(substituted.explanation()).isFalse();
            assertThat(literal.allowed()).as(literal.explanation()).isTrue();
        }

        @Test
        @DisplayName("without a Version element variables are literal text too")
        void noVersionIsLiteral() {
            String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:PutObject\","
                    + " \"Resource\": \"arn:aws:s3:::mybucket/${aws:username}/*\"}}";
            Decision decision = identityOnly(
                    user("David")
                            .action("s3:PutObject")
                            .resource("arn:aws:s3:::mybucket/David/notes.txt")
                            .build(),
                    json);

            assertThat(PolicyDocument.parse(json).supportsPolicyVariables()).isFalse();
            assertThat(decision.allowed()).as(decision.explanation()).isFalse();
        }
    }
}
