package dev.arcade.evaluators.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sources: IAM User Guide, "IAM JSON policy element reference" (Version, Statement, Sid, Effect,
 * Action/NotAction, Resource/NotResource, Principal, Condition; "Grammar of the IAM JSON policy
 * language"); IAM API Reference, GetRole and GetRolePolicy ("The policy document returned in this
 * structure is URL-encoded compliant with RFC 3986").
 */
@DisplayName("Parsing policy documents")
class PolicyDocumentTest {

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @Test
    @DisplayName("GetRole returns the trust policy URL-encoded; it is decoded before parsing")
    void urlEncodedFromGetRole() {
        String encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
                + "%22Principal%22%3A%7B%22Service%22%3A%22lambda.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D";

        PolicyDocument policy = PolicyDocument.parse(encoded);

        assertThat(policy.version()).isEqualTo("2012-10-17");
        assertThat(policy.statements())
                .singleElement()
                .satisfies(s -> assertThat(s.actions()).containsExactly("sts:AssumeRole"));
        assertThat(policy)
                .as("the decoded and the plain document are the same policy")
                .isEqualTo(PolicyDocument.parse(TRUST));
    }

    @Test
    @DisplayName("a URL-encoded document with spaces and newlines (as from GetRolePolicy) decodes too")
    void urlEncodedWithWhitespace() {
        String pretty = """
                {
                  "Version": "2012-10-17",
                  "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/a+b c"}
                }""";
        PolicyDocument policy = PolicyDocument.parse(URLEncoder.encode(pretty, StandardCharsets.UTF_8));

        assertThat(policy.statements().get(0).resources()).containsExactly("arn:aws:s3:::b/a+b c");
    }

    @Test
    @DisplayName("a plain JSON document containing % is not URL-decoded")
    void percentInsideJsonIsKept() {
        PolicyDocument policy = PolicyDocument.parse(Iam.statement(
                "\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/100%25\""));

        assertThat(policy.statements().get(0).resources()).containsExactly("arn:aws:s3:::b/100%25");
    }

    @Test
    @DisplayName("Statement may be a single object or a list, and each statement keeps its Sid, Effect and index")
    void singleStatementObject() {
        PolicyDocument policy = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Id": "p1",
                 "Statement": {"Sid": "One", "Effect": "Deny", "NotAction": ["s3:*", "iam:*"], "NotResource": "*"}}""");

        PolicyStatement statement = policy.statements().get(0);
        assertThat(policy.id()).isEqualTo("p1");
        assertThat(statement.sid()).isEqualTo("One");
        assertThat(statement.effect()).isEqualTo(PolicyStatement.Effect.DENY);
        assertThat(statement.index()).isZero();
        assertThat(statement.isNotAction()).isTrue();
        assertThat(statement.actions()).containsExactly("s3:*", "iam:*");
        assertThat(statement.isNotResource()).isTrue();
    }

    @Test
    @DisplayName("json() is pretty-printed with two-space indentation and keeps the element order")
    void prettyJson() {
        PolicyDocument policy = PolicyDocument.parse(TRUST);

        assertThat(policy.json()).isEqualTo("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": {
                        "Service": "lambda.amazonaws.com"
                      },
                      "Action": "sts:AssumeRole"
                    }
                  ]
                }""");
        assertThat(policy.statements().get(0).json()).startsWith("{\n  \"Effect\": \"Allow\",");
    }

    static Stream<Arguments> invalidPolicies() {
        return Stream.of(
                arguments("not JSON at all", "{\"Version\": \"2012-10-17\", \"Statement\": [", "not valid JSON (line"),
                arguments("an empty document", "   ", "empty"),
                arguments("a JSON list instead of an object", "[]", "must be a JSON object"),
                arguments(
                        "a misspelt element, with a suggestion",
                        Iam.statement("\"Effect\": \"Allow\", \"Actions\": \"s3:*\", \"Resource\": \"*\""),
                        "unknown element \"Actions\" (did you mean \"Action\"?)"),
                arguments(
                        "Effect in lower case",
                        Iam.statement("\"Effect\": \"allow\", \"Action\": \"s3:*\", \"Resource\": \"*\""),
                        "Effect must be exactly \"Allow\" or \"Deny\""),
                arguments("no Effect", Iam.statement("\"Action\": \"s3:*\", \"Resource\": \"*\""), "Effect is missing"),
                arguments(
                        "neither Action nor NotAction",
                        Iam.statement("\"Effect\": \"Allow\", \"Resource\": \"*\""),
                        "has neither Action nor NotAction"),
                arguments(
                        "both Resource and NotResource",
                        Iam.statement(
                                "\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"NotResource\": \"*\""),
                        "has both Resource and NotResource"),
                arguments(
                        "an action without a service prefix",
                        Iam.statement("\"Effect\": \"Allow\", \"Action\": \"GetItem\", \"Resource\": \"*\""),
                        "is not an action; write service:Action"),
                arguments(
                        "a table name where an ARN belongs",
                        Iam.statement(
                                "\"Effect\": \"Allow\", \"Action\": \"dynamodb:GetItem\", \"Resource\": \"Orders\""),
                        "\"Orders\" is not an ARN"),
                arguments(
                        "a Version that is the date the policy was written",
                        "{\"Version\": \"2024-05-01\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}",
                        "not the date you wrote the policy"),
                arguments(
                        "a duplicate key, which would silently drop half of a Condition",
                        Iam.statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\":"
                                + " {\"StringEquals\": {\"a:b\": \"1\"}, \"StringEquals\": {\"c:d\": \"2\"}}"),
                        "Duplicate field 'StringEquals'"),
                arguments(
                        "an unknown condition operator",
                        Iam.statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\":"
                                + " {\"StringEqual\": {\"a:b\": \"1\"}}"),
                        "unknown condition operator \"StringEqual\""),
                arguments(
                        "a numeric condition value that is not a number",
                        Iam.statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\":"
                                + " {\"NumericLessThan\": {\"s3:max-keys\": \"ten\"}}"),
                        "value \"ten\" is not a number"),
                arguments(
                        "a bad CIDR block",
                        Iam.statement("\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\","
                                + " \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/33\"}}"),
                        "is not an IP address"),
                arguments(
                        "a policy variable with a Date operator",
                        Iam.statement(
                                "\"Effect\": \"Allow\", \"Action\": \"s3:*\","
                                        + " \"Resource\": \"*\", \"Condition\": {\"DateLessThan\": {\"aws:CurrentTime\": \"${aws:TokenIssueTime}\"}}"),
                        "policy variables work only with the String and Arn operators"),
                arguments(
                        "a lower-case top-level element, with a suggestion",
                        "{\"Version\": \"2012-10-17\", \"statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}",
                        "unknown top-level element \"statement\"; a policy document contains only Version, Id and Statement"
                                + " (did you mean \"Statement\"?"),
                arguments(
                        "an empty Statement list",
                        "{\"Version\": \"2012-10-17\", \"Statement\": []}",
                        "Statement list is empty"),
                arguments(
                        "a Principal string other than *",
                        Iam.statement("\"Effect\": \"Allow\","
                                + " \"Principal\": \"arn:aws:iam::123456789012:root\", \"Action\": \"s3:*\""),
                        "can only be \"*\""),
                arguments(
                        "an unknown principal type",
                        Iam.statement("\"Effect\": \"Allow\","
                                + " \"Principal\": {\"Services\": \"lambda.amazonaws.com\"}, \"Action\": \"s3:*\""),
                        "unknown principal type \"Services\""),
                arguments(
                        "the error names the statement and its Sid",
                        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},"
                                + " {\"Sid\": \"Second\", \"Effect\": \"Allow\", \"Action\": [], \"Resource\": \"*\"}]}",
                        "statement 1 (Sid \"Second\"): Action is an empty list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPolicies")
    @DisplayName("invalid documents are rejected with a message that says what is wrong")
    void invalid(String description, String json, String expectedMessage) {
        assertThatThrownBy(() -> PolicyDocument.parse(json))
                .as(description)
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    @DisplayName("numbers and booleans in condition values are read as their text")
    void scalarConditionValues() {
        Iam.assertCondition(
                "{\"NumericEquals\": {\"s3:max-keys\": [10, 20]}, \"Bool\": {\"aws:SecureTransport\": true}}",
                new String[] {"s3:max-keys=20"},
                true);
    }
}
