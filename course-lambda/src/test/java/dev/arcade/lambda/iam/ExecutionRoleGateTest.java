package dev.arcade.lambda.iam;

import static dev.arcade.lambda.iam.Requests.ACCOUNT;
import static dev.arcade.lambda.iam.Requests.dynamodb;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.evaluators.iam.Outcome;
import dev.arcade.evaluators.iam.PolicySet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sources: IAM User Guide, "Policy evaluation logic", "Permissions boundaries for IAM entities" and
 * "Troubleshooting access denied error messages" (the message's wording); DynamoDB Developer Guide,
 * "Using IAM policy conditions for fine-grained access control" (dynamodb:LeadingKeys).
 */
@DisplayName("ExecutionRoleGate")
class ExecutionRoleGateTest {

    private static final RoleSession SESSION = RoleSession.of(ACCOUNT, "us-east-1", "ScoresRole", "submit-score");
    private static final String SCORES = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/Scores";
    private static final ExecutionRoleGate GATE =
            new ExecutionRoleGate(t -> t.startsWith("Scores") ? "playerId" : null, () -> "req-1");

    private static final String PUT_SCORE =
            "{\"TableName\":\"Scores\",\"Item\":{\"playerId\":{\"S\":\"p-1\"}," + "\"score\":{\"N\":\"10\"}}}";

    private static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    private static String deny(String action, String resource) {
        return allow(action, resource).replace("Allow", "Deny");
    }

    @Test
    @DisplayName("an inline policy allowing dynamodb:PutItem on the table allows the PutItem")
    void allowedByInlinePolicy() {
        PolicySet p = PolicySet.builder()
                .identityPolicy("ScoresWrite", allow("dynamodb:PutItem", SCORES))
                .build();
        GateDecision d = GATE.authorize(dynamodb("PutItem", PUT_SCORE), SESSION, p);
        assertThat(d.allowed()).isTrue();
        assertThat(d.errorResponse()).isEmpty();
        assertThat(d.message()).isNull();
        assertThat(d.deciding().action()).isEqualTo("dynamodb:PutItem");
        assertThat(d.decision().outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    @DisplayName("with no policy the request is denied, in AWS's words, as DynamoDB's JSON 1.0 error")
    void deniedByDefault() {
        GateDecision d = GATE.authorize(dynamodb("PutItem", PUT_SCORE), SESSION, PolicySet.empty());
        assertThat(d.allowed()).isFalse();
        assertThat(d.decision().outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(d.message())
                .isEqualTo("User: arn:aws:sts::123456789012:assumed-role/ScoresRole/submit-score is not authorized"
                        + " to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Scores"
                        + " because no identity-based policy allows the dynamodb:PutItem action");
        AwsErrorResponse e = d.error();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.headers()).containsEntry("content-type", "application/x-amz-json-1.0");
        assertThat(e.bodyText())
                .isEqualTo("{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"Message\":\"" + d.message()
                        + "\"}");
        assertThat(d.explanation()).isEqualTo(d.decision().explanation());
    }

    @Test
    @DisplayName("an explicit Deny in an identity-based policy wins over an Allow, and the message says so")
    void explicitDeny() {
        PolicySet p = PolicySet.builder()
                .identityPolicy("ScoresWrite", allow("dynamodb:*", "*"))
                .identityPolicy("NoWrites", deny("dynamodb:PutItem", SCORES))
                .build();
        GateDecision d = GATE.authorize(dynamodb("PutItem", PUT_SCORE), SESSION, p);
        assertThat(d.allowed()).isFalse();
        assertThat(d.decision().outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(d.message())
                .endsWith("on resource: " + SCORES + " with an explicit deny in an identity-based policy");
    }

    @Test
    @DisplayName("allowed by the identity policy but outside the permissions boundary is denied by the boundary")
    void outsideBoundary() {
        PolicySet p = PolicySet.builder()
                .identityPolicy("ScoresWrite", allow("dynamodb:PutItem", SCORES))
                .permissionsBoundary(
                        "arn:aws:iam::123456789012:policy/ReadOnlyBoundary", allow("dynamodb:GetItem", "*"))
                .build();
        GateDecision d = GATE.authorize(dynamodb("PutItem", PUT_SCORE), SESSION, p);
        assertThat(d.allowed()).isFalse();
        assertThat(d.message()).endsWith(" because no permissions boundary allows the dynamodb:PutItem action");
    }

    @Test
    @DisplayName("a Deny in the permissions boundary is reported as an explicit deny in a permissions boundary")
    void denyInBoundary() {
        PolicySet p = PolicySet.builder()
                .identityPolicy("ScoresWrite", allow("dynamodb:PutItem", SCORES))
                .permissionsBoundary(
                        "Boundary",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                                + "{\"Effect\":\"Deny\",\"Action\":\"dynamodb:PutItem\",\"Resource\":\"*\"}]}")
                .build();
        GateDecision d = GATE.authorize(dynamodb("PutItem", PUT_SCORE), SESSION, p);
        assertThat(d.message()).endsWith(" with an explicit deny in a permissions boundary");
    }

    @Test
    @DisplayName("allowed by the identity policy but by no session policy is denied by the session policy")
    void outsideSessionPolicy() {
        PolicySet p = PolicySet.builder()
                .identityPolicy("ScoresWrite", allow("dynamodb:PutItem", SCORES))
                .sessionPolicy("ReadOnlySession", allow("dynamodb:GetItem", "*"))
                .build();
        GateDecision d = GATE.authorize(dynamodb("PutItem", PUT_SCORE), SESSION, p);
        assertThat(d.allowed()).isFalse();
        assertThat(d.message()).endsWith(" because no session policy allows the dynamodb:PutItem action");
    }

    @Test
    @DisplayName("within identity policy and boundary alike, the request is allowed")
    void withinBoundary() {
        PolicySet p = PolicySet.builder()
                .identityPolicy("ScoresWrite", allow("dynamodb:PutItem", SCORES))
                .permissionsBoundary("Boundary", allow("dynamodb:*", "*"))
                .build();
        assertThat(GATE.authorize(dynamodb("PutItem", PUT_SCORE), SESSION, p).allowed())
                .isTrue();
    }

    @Test
    @DisplayName("a policy on table/Other does not allow table/Scores, nor the same name in another region or account")
    void otherTable() {
        PolicySet p = PolicySet.builder()
                .identityPolicy(
                        "OtherWrite",
                        allow("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/Other"))
                .identityPolicy(
                        "ElsewhereWrite",
                        allow("dynamodb:PutItem", "arn:aws:dynamodb:eu-central-1:" + ACCOUNT + ":table/Scores"))
                .identityPolicy(
                        "OtherAccountWrite",
                        allow("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:210987654321:table/Scores"))
                .build();
        GateDecision d = GATE.authorize(dynamodb("PutItem", PUT_SCORE), SESSION, p);
        assertThat(d.allowed()).isFalse();
        assertThat(d.deciding().resource()).isEqualTo(SCORES);
    }

    @Test
    @DisplayName("the table's region is the request's credential scope region, not the session's")
    void requestRegion() {
        PolicySet p = PolicySet.builder()
                .identityPolicy(
                        "ElsewhereWrite",
                        allow("dynamodb:PutItem", "arn:aws:dynamodb:eu-central-1:" + ACCOUNT + ":table/Scores"))
                .build();
        assertThat(GATE.authorize(dynamodb("eu-central-1", "PutItem", PUT_SCORE), SESSION, p)
                        .allowed())
                .isTrue();
        assertThat(GATE.authorize(dynamodb("PutItem", PUT_SCORE), SESSION, p).allowed())
                .isFalse();
    }

    @Test
    @DisplayName("a Query on an index needs the index ARN: the table's ARN alone does not allow it")
    void indexQuery() {
        String query = "{\"TableName\":\"Scores\",\"IndexName\":\"ByGame\",\"KeyConditionExpression\":\"gameId = :g\","
                + "\"ExpressionAttributeValues\":{\":g\":{\"S\":\"tetris\"}}}";
        PolicySet tableOnly = PolicySet.builder()
                .identityPolicy("Read", allow("dynamodb:Query", SCORES))
                .build();
        GateDecision d = GATE.authorize(dynamodb("Query", query), SESSION, tableOnly);
        assertThat(d.allowed()).isFalse();
        assertThat(d.message()).contains("on resource: " + SCORES + "/index/ByGame because");
        PolicySet withIndex = PolicySet.builder()
                .identityPolicy("Read", allow("dynamodb:Query", SCORES + "/index/*"))
                .build();
        assertThat(GATE.authorize(dynamodb("Query", query), SESSION, withIndex).allowed())
                .isTrue();
    }

    @Test
    @DisplayName("a dynamodb:LeadingKeys condition allows only the player's own partition key")
    void leadingKeys() {
        PolicySet p = PolicySet.builder()
                .identityPolicy(
                        "OwnScores",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:PutItem\","
                                + "\"Resource\":\"" + SCORES + "\",\"Condition\":{\"ForAllValues:StringEquals\":"
                                + "{\"dynamodb:LeadingKeys\":[\"p-1\"]}}}]}")
                .build();
        assertThat(GATE.authorize(dynamodb("PutItem", PUT_SCORE), SESSION, p).allowed())
                .isTrue();
        GateDecision other = GATE.authorize(dynamodb("PutItem", PUT_SCORE.replace("p-1", "p-2")), SESSION, p);
        assertThat(other.allowed()).isFalse();
        assertThat(other.deciding().context()).containsEntry("dynamodb:LeadingKeys", java.util.List.of("p-2"));
    }

    @Test
    @DisplayName("a batch is denied when one of its tables is, and that table decides")
    void batchOneTableDenied() {
        PolicySet p = PolicySet.builder()
                .identityPolicy("Write", allow("dynamodb:BatchWriteItem", SCORES))
                .build();
        GateDecision d = GATE.authorize(
                dynamodb(
                        "BatchWriteItem",
                        "{\"RequestItems\":{\"Scores\":[{\"PutRequest\":{\"Item\":{\"playerId\":{\"S\":\"a\"}}}}],"
                                + "\"Audit\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"b\"}}}}]}}"),
                SESSION,
                p);
        assertThat(d.allowed()).isFalse();
        assertThat(d.actions()).hasSize(2);
        assertThat(d.deciding().resource()).endsWith(":table/Audit");
    }

    @Test
    @DisplayName("GetCallerIdentity is allowed even under an explicit deny of everything")
    void getCallerIdentity() {
        PolicySet p =
                PolicySet.builder().identityPolicy("DenyAll", deny("*", "*")).build();
        GateDecision d = GATE.authorize(
                Requests.form("us-east-1", "sts", "Action=GetCallerIdentity&Version=2011-06-15"), SESSION, p);
        assertThat(d.allowed()).isTrue();
        assertThat(d.actions()).isEmpty();
        assertThat(d.deciding()).isNull();
    }

    @Test
    @DisplayName("the caller is the session of a role with a path, and aws:PrincipalArn is that role's full ARN")
    void rolePath() {
        RoleSession withPath = new RoleSession(
                ACCOUNT,
                "us-east-1",
                "ScoresRole",
                "arn:aws:iam::" + ACCOUNT + ":role/service-role/ScoresRole",
                "submit-score");
        PolicySet p = PolicySet.builder()
                .identityPolicy(
                        "OnlyServiceRoles",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:PutItem\","
                                + "\"Resource\":\"*\",\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":"
                                + "\"arn:aws:iam::*:role/service-role/*\"}}}]}")
                .build();
        assertThat(GATE.authorize(dynamodb("PutItem", PUT_SCORE), withPath, p).allowed())
                .isTrue();
        assertThat(GATE.authorize(dynamodb("PutItem", PUT_SCORE), SESSION, p).allowed())
                .isFalse();
        assertThat(withPath.sessionArn())
                .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/ScoresRole/submit-score");
    }

    @Test
    @DisplayName("aws:RequestedRegion is set to the request's region")
    void requestedRegion() {
        PolicySet p = PolicySet.builder()
                .identityPolicy(
                        "EuOnly",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:*\","
                                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}}]}")
                .build();
        assertThat(GATE.authorize(Requests.logs("DescribeLogGroups", "{}"), SESSION, p)
                        .allowed())
                .isFalse();
        AwsRequest eu = Requests.json("eu-west-1", "logs", "Logs_20140328.DescribeLogGroups", "1.1", "{}");
        assertThat(GATE.authorize(eu, SESSION, p).allowed()).isTrue();
    }

    @Test
    @DisplayName("the generated Lambda logging policy allows the function's own log stream writes")
    void loggingPolicy() {
        PolicySet p = PolicySet.builder()
                .identityPolicy(
                        "AWSLambdaBasicExecutionRole",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:CreateLogGroup\","
                                + "\"Resource\":\"arn:aws:logs:us-east-1:" + ACCOUNT + ":*\"},{\"Effect\":\"Allow\","
                                + "\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":"
                                + "[\"arn:aws:logs:us-east-1:" + ACCOUNT
                                + ":log-group:/aws/lambda/submit-score:*\"]}]}")
                .build();
        String own = "{\"logGroupName\":\"/aws/lambda/submit-score\",\"logStreamName\":\"s\"}";
        assertThat(GATE.authorize(Requests.logs("CreateLogGroup", own), SESSION, p)
                        .allowed())
                .isTrue();
        assertThat(GATE.authorize(Requests.logs("PutLogEvents", own), SESSION, p)
                        .allowed())
                .isTrue();
        String other = "{\"logGroupName\":\"/aws/lambda/other\",\"logStreamName\":\"s\"}";
        assertThat(GATE.authorize(Requests.logs("PutLogEvents", other), SESSION, p)
                        .allowed())
                .isFalse();
        // log-group:NAME without :* does not cover the group's operations (the Logs guide says to use :*)
        PolicySet exact = PolicySet.builder()
                .identityPolicy(
                        "Exact",
                        allow(
                                "logs:DescribeLogStreams",
                                "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/aws/lambda/submit-score"))
                .build();
        assertThat(GATE.authorize(Requests.logs("DescribeLogStreams", own), SESSION, exact)
                        .allowed())
                .isFalse();
    }
}
