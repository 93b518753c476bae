package dev.arcade.evaluators.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sources: IAM User Guide, "AWS global condition context keys" (aws:PrincipalArn "for IAM roles, the
 * request context returns the ARN of the role, not the ARN of the user that assumed the role",
 * aws:PrincipalAccount, aws:PrincipalType, aws:username, aws:userid, aws:PrincipalTag,
 * aws:CurrentTime, aws:EpochTime), "IAM policy elements: Variables and tags" ("Principal key values"),
 * and the policy grammar's rules on where Principal and Resource may appear ("IAM JSON policy
 * elements: Principal": "You cannot use the Principal element in an identity-based policy").
 */
@DisplayName("Request context keys and policy set rules (IAM User Guide)")
class RequestAndPolicySetTest {

    @Test
    @DisplayName("a role session's aws:PrincipalArn is the role's ARN, and its aws:PrincipalType is AssumedRole")
    void roleSessionKeys() {
        RequestContext request =
                Iam.session("OrdersFn", "run-7").action("dynamodb:GetItem").build();

        assertThat(request.contextValues("aws:PrincipalArn"))
                .containsExactly("arn:aws:iam::123456789012:role/OrdersFn");
        assertThat(request.contextValues("AWS:PRINCIPALTYPE"))
                .as("keys are looked up regardless of case")
                .containsExactly("AssumedRole");
        assertThat(request.contextValues("aws:PrincipalAccount")).containsExactly("123456789012");
        assertThat(request.contextValues("aws:username"))
                .as("a role session has no aws:username")
                .isNull();
        assertThat(request.principalType()).isEqualTo(RequestContext.PrincipalType.ROLE_SESSION);
        assertThat(request.roleName()).isEqualTo("OrdersFn");
        assertThat(request.sessionName()).isEqualTo("run-7");
    }

    @Test
    @DisplayName(
            "an IAM user's request carries aws:username, aws:PrincipalType User and each of its tags as aws:PrincipalTag/<key>")
    void userKeys() {
        RequestContext request = RequestContext.builder()
                .principalArn("arn:aws:iam::123456789012:user/division_abc/alice")
                .principalTag("team", "blue")
                .userId("AIDAJQABLZS4A3QDU576Q")
                .currentTime(Instant.parse("2024-06-01T12:00:00Z"))
                .action("s3:GetObject")
                .build();

        assertThat(request.contextValues("aws:username")).containsExactly("alice");
        assertThat(request.contextValues("aws:PrincipalType")).containsExactly("User");
        assertThat(request.contextValues("aws:PrincipalTag/team")).containsExactly("blue");
        assertThat(request.contextValues("aws:userid")).containsExactly("AIDAJQABLZS4A3QDU576Q");
        assertThat(request.contextValues("aws:CurrentTime")).containsExactly("2024-06-01T12:00:00Z");
        assertThat(request.contextValues("aws:EpochTime")).containsExactly("1717243200");
        assertThat(request.resource()).as("the resource defaults to *").isEqualTo("*");
    }

    @Test
    @DisplayName("a role ARN with a path is matched by name from its sessions, and can be given for aws:PrincipalArn")
    void rolePath() {
        RequestContext request = Iam.session("MyFn", "s")
                .roleArn("arn:aws:iam::123456789012:role/service-role/MyFn")
                .action("sqs:SendMessage")
                .resource("arn:aws:sqs:us-east-1:123456789012:q")
                .build();
        Decision decision = PolicyEvaluator.evaluate(
                request,
                PolicySet.builder()
                        .resourcePolicy(
                                "QueuePolicy",
                                Iam.statement(
                                        "\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:role/service-role/MyFn\"},"
                                                + " \"Action\": \"sqs:SendMessage\", \"Resource\": \"arn:aws:sqs:us-east-1:123456789012:q\""))
                        .build());

        assertThat(request.contextValues("aws:PrincipalArn"))
                .containsExactly("arn:aws:iam::123456789012:role/service-role/MyFn");
        assertThat(decision.allowed()).as(decision.explanation()).isTrue();
    }

    @Test
    @DisplayName("a context key set explicitly overrides the value the builder fills in")
    void explicitContextWins() {
        RequestContext request = Iam.user("a")
                .action("s3:GetObject")
                .context("aws:SecureTransport", "false")
                .build();

        assertThat(request.contextValues("aws:SecureTransport")).containsExactly("false");
    }

    @Test
    @DisplayName("without(key) leaves an automatic key out of the request, whatever the case of its name")
    void withoutLeavesAutomaticKeyOut() {
        RequestContext request = Iam.user("alice")
                .action("s3:GetObject")
                .without("AWS:SecureTransport")
                .without("aws:CurrentTime")
                .without("aws:PrincipalArn")
                .build();

        assertThat(request.contextValues("aws:SecureTransport")).isNull();
        assertThat(request.contextValues("aws:CurrentTime")).isNull();
        assertThat(request.contextValues("aws:PrincipalArn")).isNull();
        assertThat(request.context())
                .doesNotContainKeys("aws:SecureTransport", "aws:CurrentTime", "aws:PrincipalArn")
                .containsKey("aws:EpochTime");
        assertThat(request.principalArn())
                .as("the caller itself is unchanged")
                .isEqualTo("arn:aws:iam::123456789012:user/alice");
    }

    @Test
    @DisplayName("a key left out with without(key) is missing to conditions: Null is true and Bool is false")
    void withoutMakesConditionsSeeAMissingKey() {
        RequestContext.Builder request =
                Iam.user("alice").action("s3:GetObject").without("aws:SecureTransport");
        String denyInsecure = "{\"Version\": \"2012-10-17\", \"Statement\": ["
                + "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                + "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\","
                + " \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}]}";
        String requireKey = Iam.statement("\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                + " \"Condition\": {\"Null\": {\"aws:SecureTransport\": \"true\"}}");

        Decision denied = Iam.identityOnly(request.build(), denyInsecure);
        Decision nullTrue = Iam.identityOnly(request.build(), requireKey);

        assertThat(denied.allowed())
                .as("Bool on a missing key is false, so the Deny does not apply%n%s", denied.explanation())
                .isTrue();
        assertThat(nullTrue.allowed()).as(nullTrue.explanation()).isTrue();
    }

    @Test
    @DisplayName("without aws:CurrentTime a date condition on it is false, and its IfExists form passes")
    void withoutCurrentTime() {
        RequestContext request = Iam.user("alice")
                .action("s3:GetObject")
                .without("aws:CurrentTime")
                .build();
        String before = Iam.statement("\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                + " \"Condition\": {\"DateLessThan\": {\"aws:CurrentTime\": \"2030-01-01T00:00:00Z\"}}");

        Decision plain = Iam.identityOnly(request, before);
        Decision ifExists = Iam.identityOnly(request, before.replace("DateLessThan", "DateLessThanIfExists"));

        assertThat(plain.allowed()).as(plain.explanation()).isFalse();
        assertThat(ifExists.allowed()).as(ifExists.explanation()).isTrue();
    }

    @Test
    @DisplayName(
            "without aws:username a ${aws:username} resource matches nothing, and setting the key again brings it back")
    void withoutThenContextRestores() {
        String json = Iam.statement("\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                + " \"Resource\": \"arn:aws:s3:::mybucket/${aws:username}/*\"");
        RequestContext.Builder request = Iam.user("David")
                .action("s3:GetObject")
                .resource("arn:aws:s3:::mybucket/David/a")
                .without("aws:username");

        Decision missing = Iam.identityOnly(request.build(), json);
        Decision copied = Iam.identityOnly(request.build().toBuilder().build(), json);
        Decision restored =
                Iam.identityOnly(request.context("aws:username", "David").build(), json);

        assertThat(missing.allowed()).as(missing.explanation()).isFalse();
        assertThat(missing.explanation()).contains("${aws:username} has no value in this request");
        assertThat(copied.allowed()).as("toBuilder() keeps the key left out").isFalse();
        assertThat(restored.allowed()).as(restored.explanation()).isTrue();
    }

    @Test
    @DisplayName("a request needs a principal and a single concrete action")
    void requestValidation() {
        assertThatThrownBy(() -> RequestContext.builder().action("s3:GetObject").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no principal");
        assertThatThrownBy(() -> Iam.user("a").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no action");
        assertThatThrownBy(() -> Iam.user("a").action("s3:Get*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without wildcards");
        assertThatThrownBy(() -> RequestContext.builder().principalArn("alice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a principal ARN");
        assertThatThrownBy(() -> RequestContext.builder().principalAccount("12345"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 digits");
    }

    @Test
    @DisplayName("an identity policy with a Principal element is rejected, as IAM rejects it")
    void identityPolicyWithPrincipal() {
        assertThatThrownBy(
                        () -> PolicySet.builder()
                                .identityPolicy(
                                        "Bad",
                                        Iam.statement(
                                                "\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\"")))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining("identity policy \"Bad\", statement 0: has a Principal element");
    }

    @Test
    @DisplayName("a permissions boundary without Resource is rejected, as for an identity policy")
    void identityPolicyWithoutResource() {
        assertThatThrownBy(() -> PolicySet.builder()
                        .permissionsBoundary("Bad", Iam.statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\"")))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining(
                        "has no Resource (or NotResource) element, which a permissions boundary requires");
    }

    @Test
    @DisplayName("a resource-based policy without Principal is rejected")
    void resourcePolicyWithoutPrincipal() {
        assertThatThrownBy(() -> PolicySet.builder()
                        .resourcePolicy(
                                "Bad",
                                Iam.statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"")))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining("must say whom it applies to with Principal");
    }

    @Test
    @DisplayName("a user or role has at most one permissions boundary")
    void oneBoundary() {
        String boundary = Iam.statement("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"");
        PolicySet.Builder builder = PolicySet.builder().permissionsBoundary("One", boundary);

        assertThatThrownBy(() -> builder.permissionsBoundary("Two", boundary))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at most one permissions boundary");
    }

    @Test
    @DisplayName("a decision prints as its explanation, so it reads well in an assertion message")
    void decisionToString() {
        Decision decision = Iam.identityOnly(
                Iam.user("a").action("s3:GetObject").build(),
                Iam.statement("\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\""));

        assertThat(decision).hasToString(decision.explanation());
        assertThat(decision.explanation())
                .startsWith("ALLOWED: IAM user arn:aws:iam::123456789012:user/a may call s3:GetObject on *.")
                .doesNotContain("null");
    }
}
