package dev.arcade.evaluators.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Source: IAM User Guide, "IAM JSON policy elements: Condition operators" (one group per operator
 * family, the "...IfExists" and "Null" sections and the Important note on missing keys) and "IAM
 * JSON policy elements: Condition" ("Condition element with multiple keys or values"; key names are
 * case-insensitive).
 *
 * <p>Each case puts the condition in an otherwise matching Allow statement, so the request is
 * allowed exactly when the condition holds. Context is written {@code key=value}, several values as
 * {@code key=v1|v2}, an empty multivalued key as {@code key=[]}.
 */
@DisplayName("IAM JSON policy elements: Condition operators (IAM User Guide)")
class ConditionOperatorsTest {

    static Stream<Arguments> stringOperators() {
        return Stream.of(
                arguments(
                        "StringEquals: the guide's job-category example matches iamuser-admin",
                        "{\"StringEquals\": {\"aws:PrincipalTag/job-category\": \"iamuser-admin\"}}",
                        new String[] {"aws:PrincipalTag/job-category=iamuser-admin"},
                        true),
                arguments(
                        "StringEquals: another job-category does not match",
                        "{\"StringEquals\": {\"aws:PrincipalTag/job-category\": \"iamuser-admin\"}}",
                        new String[] {"aws:PrincipalTag/job-category=developer"},
                        false),
                arguments(
                        "StringEquals: an untagged principal does not match (the key is not present)",
                        "{\"StringEquals\": {\"aws:PrincipalTag/job-category\": \"iamuser-admin\"}}",
                        new String[] {},
                        false),
                arguments(
                        "StringEquals is case-sensitive",
                        "{\"StringEquals\": {\"aws:PrincipalTag/job-category\": \"iamuser-admin\"}}",
                        new String[] {"aws:PrincipalTag/job-category=IAMUser-Admin"},
                        false),
                arguments(
                        "StringNotEquals: a missing key makes a negated operator true (Important note)",
                        "{\"StringNotEquals\": {\"aws:PrincipalTag/job-category\": \"iamuser-admin\"}}",
                        new String[] {},
                        true),
                arguments(
                        "StringNotEquals: a listed value makes it false",
                        "{\"StringNotEquals\": {\"aws:PrincipalTag/job-category\": [\"a\", \"iamuser-admin\"]}}",
                        new String[] {"aws:PrincipalTag/job-category=iamuser-admin"},
                        false),
                arguments(
                        "StringEqualsIgnoreCase ignores case",
                        "{\"StringEqualsIgnoreCase\": {\"aws:PrincipalTag/department\": \"HR\"}}",
                        new String[] {"aws:PrincipalTag/department=hr"},
                        true),
                arguments(
                        "StringNotEqualsIgnoreCase ignores case",
                        "{\"StringNotEqualsIgnoreCase\": {\"aws:PrincipalTag/department\": \"HR\"}}",
                        new String[] {"aws:PrincipalTag/department=Hr"},
                        false),
                arguments(
                        "StringLike: * matches any run of characters",
                        "{\"StringLike\": {\"s3:prefix\": [\"marketing/*\"]}}",
                        new String[] {"s3:prefix=marketing/2024/plan.pdf"},
                        true),
                arguments(
                        "StringLike: ? matches exactly one character",
                        "{\"StringLike\": {\"aws:PrincipalTag/tier\": \"v?\"}}",
                        new String[] {"aws:PrincipalTag/tier=v10"},
                        false),
                arguments(
                        "StringLike: several values are ORed (the costCenter example)",
                        "{\"StringLike\": {\"iam:ResourceTag/costCenter\": [\"12345\", \"67890\"]}}",
                        new String[] {"iam:ResourceTag/costCenter=67890"},
                        true),
                arguments(
                        "StringNotLike: a value outside the pattern makes it true",
                        "{\"StringNotLike\": {\"s3:prefix\": \"private/*\"}}",
                        new String[] {"s3:prefix=public/a"},
                        true),
                arguments(
                        "StringNotLike: a missing key makes it true (Important note)",
                        "{\"StringNotLike\": {\"s3:prefix\": \"private/*\"}}",
                        new String[] {},
                        true),
                arguments(
                        "condition key names are case-insensitive",
                        "{\"StringEquals\": {\"AWS:PRINCIPALTAG/Team\": \"blue\"}}",
                        new String[] {"aws:PrincipalTag/team=blue"},
                        true));
    }

    static Stream<Arguments> numericOperators() {
        return Stream.of(
                arguments(
                        "NumericLessThanEquals: the guide's s3:max-keys example allows 10",
                        "{\"NumericLessThanEquals\": {\"s3:max-keys\": \"10\"}}",
                        new String[] {"s3:max-keys=10"},
                        true),
                arguments(
                        "NumericLessThanEquals: s3:max-keys 11 is too many",
                        "{\"NumericLessThanEquals\": {\"s3:max-keys\": \"10\"}}",
                        new String[] {"s3:max-keys=11"},
                        false),
                arguments(
                        "NumericLessThanEquals: a missing s3:max-keys does not match",
                        "{\"NumericLessThanEquals\": {\"s3:max-keys\": \"10\"}}",
                        new String[] {},
                        false),
                arguments(
                        "NumericEquals compares numbers, not text (1.0 equals 1)",
                        "{\"NumericEquals\": {\"s3:max-keys\": 1}}",
                        new String[] {"s3:max-keys=1.0"},
                        true),
                arguments(
                        "NumericNotEquals",
                        "{\"NumericNotEquals\": {\"s3:max-keys\": [\"5\", \"6\"]}}",
                        new String[] {"s3:max-keys=7"},
                        true),
                arguments(
                        "NumericLessThan",
                        "{\"NumericLessThan\": {\"s3:max-keys\": \"10\"}}",
                        new String[] {"s3:max-keys=10"},
                        false),
                arguments(
                        "NumericGreaterThan",
                        "{\"NumericGreaterThan\": {\"s3:max-keys\": \"10\"}}",
                        new String[] {"s3:max-keys=10.5"},
                        true),
                arguments(
                        "NumericGreaterThanEquals",
                        "{\"NumericGreaterThanEquals\": {\"s3:max-keys\": \"10\"}}",
                        new String[] {"s3:max-keys=9"},
                        false),
                arguments(
                        "a request value that is not a number never matches",
                        "{\"NumericGreaterThan\": {\"s3:max-keys\": \"10\"}}",
                        new String[] {"s3:max-keys=lots"},
                        false));
    }

    static Stream<Arguments> dateOperators() {
        return Stream.of(
                arguments(
                        "DateGreaterThan: the guide's aws:TokenIssueTime example, issued after the date",
                        "{\"DateGreaterThan\": {\"aws:TokenIssueTime\": \"2020-01-01T00:00:01Z\"}}",
                        new String[] {"aws:TokenIssueTime=2020-06-01T08:00:00Z"},
                        true),
                arguments(
                        "DateGreaterThan: issued before the date",
                        "{\"DateGreaterThan\": {\"aws:TokenIssueTime\": \"2020-01-01T00:00:01Z\"}}",
                        new String[] {"aws:TokenIssueTime=2019-12-31T23:59:59Z"},
                        false),
                arguments(
                        "DateGreaterThan: long-term credentials have no aws:TokenIssueTime",
                        "{\"DateGreaterThan\": {\"aws:TokenIssueTime\": \"2020-01-01T00:00:01Z\"}}",
                        new String[] {},
                        false),
                arguments(
                        "DateLessThan against aws:CurrentTime, which every request has",
                        "{\"DateLessThan\": {\"aws:CurrentTime\": \"2025-01-01T00:00:00Z\"}}",
                        new String[] {},
                        true),
                arguments(
                        "DateEquals compares epoch seconds with ISO 8601",
                        "{\"DateEquals\": {\"aws:EpochTime\": \"2024-06-01T12:00:00Z\"}}",
                        new String[] {},
                        true),
                arguments(
                        "DateNotEquals",
                        "{\"DateNotEquals\": {\"aws:CurrentTime\": \"1717243200\"}}",
                        new String[] {},
                        false),
                arguments(
                        "DateLessThanEquals is inclusive",
                        "{\"DateLessThanEquals\": {\"aws:CurrentTime\": \"2024-06-01T14:00:00+02:00\"}}",
                        new String[] {},
                        true),
                arguments(
                        "DateGreaterThanEquals with a bare date",
                        "{\"DateGreaterThanEquals\": {\"aws:CurrentTime\": \"2024-06-02\"}}",
                        new String[] {},
                        false));
    }

    static Stream<Arguments> otherOperators() {
        return Stream.of(
                arguments(
                        "Bool: aws:SecureTransport is true for SDK calls",
                        "{\"Bool\": {\"aws:SecureTransport\": \"true\"}}",
                        new String[] {},
                        true),
                arguments(
                        "Bool: a plain-HTTP request does not match true",
                        "{\"Bool\": {\"aws:SecureTransport\": true}}",
                        new String[] {"aws:SecureTransport=false"},
                        false),
                arguments(
                        "Bool: aws:MultiFactorAuthPresent is missing with long-term keys, so true does not match",
                        "{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}",
                        new String[] {},
                        false),
                arguments(
                        "BinaryEquals: the guide's base64 value matches itself",
                        "{\"BinaryEquals\": {\"key\": \"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"}}",
                        new String[] {"key=QmluYXJ5VmFsdWVJbkJhc2U2NA=="},
                        true),
                arguments(
                        "BinaryEquals: different bytes do not match",
                        "{\"BinaryEquals\": {\"key\": \"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"}}",
                        new String[] {"key=AAAA"},
                        false),
                arguments(
                        "IpAddress: 203.0.113.5 is in 203.0.113.0/24",
                        "{\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}",
                        new String[] {"aws:SourceIp=203.0.113.5"},
                        true),
                arguments(
                        "IpAddress: 198.51.100.7 is not in 203.0.113.0/24",
                        "{\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}",
                        new String[] {"aws:SourceIp=198.51.100.7"},
                        false),
                arguments(
                        "IpAddress: the guide's IPv6 example, an address in 2001:DB8:1234:5678::/64",
                        "{\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", \"2001:DB8:1234:5678::/64\"]}}",
                        new String[] {"aws:SourceIp=2001:db8:1234:5678:abcd::1"},
                        true),
                arguments(
                        "IpAddress: an IPv6 address outside the /64",
                        "{\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", \"2001:DB8:1234:5678::/64\"]}}",
                        new String[] {"aws:SourceIp=2001:db8:1234:5679::1"},
                        false),
                arguments(
                        "IpAddress: a single address without a prefix length",
                        "{\"IpAddress\": {\"aws:SourceIp\": \"192.0.2.10\"}}",
                        new String[] {"aws:SourceIp=192.0.2.10"},
                        true),
                arguments(
                        "NotIpAddress: an address outside the block",
                        "{\"NotIpAddress\": {\"aws:SourceIp\": \"192.0.2.0/24\"}}",
                        new String[] {"aws:SourceIp=203.0.113.5"},
                        true),
                arguments(
                        "ArnEquals: the guide's SNS topic example",
                        "{\"ArnEquals\": {\"aws:SourceArn\": \"arn:aws:sns:us-east-2:123456789012:TOPIC-ID\"}}",
                        new String[] {"aws:SourceArn=arn:aws:sns:us-east-2:123456789012:TOPIC-ID"},
                        true),
                arguments(
                        "ArnLike: wildcards in the region and resource components",
                        "{\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:sns:*:123456789012:*\"}}",
                        new String[] {"aws:SourceArn=arn:aws:sns:eu-west-1:123456789012:alerts"},
                        true),
                arguments(
                        "ArnLike: another account does not match",
                        "{\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:sns:*:123456789012:*\"}}",
                        new String[] {"aws:SourceArn=arn:aws:sns:eu-west-1:999999999999:alerts"},
                        false),
                arguments(
                        "ArnNotEquals: a different ARN makes it true",
                        "{\"ArnNotEquals\": {\"aws:PrincipalArn\": \"arn:aws:iam::123456789012:role/Admin\"}}",
                        new String[] {},
                        true),
                arguments(
                        "ArnNotLike: the caller's own ARN makes it false",
                        "{\"ArnNotLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::123456789012:user/*\"}}",
                        new String[] {},
                        false),
                arguments(
                        "ArnLike: a value that is not an ARN never matches",
                        "{\"ArnLike\": {\"aws:SourceArn\": \"*\"}}",
                        new String[] {"aws:SourceArn=not-an-arn"},
                        false));
    }

    static Stream<Arguments> ifExistsAndNull() {
        String instanceTypes = "{\"StringLikeIfExists\": {\"ec2:InstanceType\": [\"t1.*\", \"t2.*\", \"m3.*\"]}}";
        return Stream.of(
                arguments(
                        "StringLikeIfExists: the guide's ec2:InstanceType example, t2.micro is allowed",
                        instanceTypes,
                        new String[] {"ec2:InstanceType=t2.micro"},
                        true),
                arguments(
                        "StringLikeIfExists: m4.large is not",
                        instanceTypes,
                        new String[] {"ec2:InstanceType=m4.large"},
                        false),
                arguments(
                        "StringLikeIfExists: a request without ec2:InstanceType passes",
                        instanceTypes,
                        new String[] {},
                        true),
                arguments(
                        "StringNotEqualsIfExists: a missing key passes, as it does for the plain negated operator",
                        "{\"StringNotEqualsIfExists\": {\"aws:PrincipalTag/team\": \"red\"}}",
                        new String[] {},
                        true),
                arguments(
                        "NotIpAddress: a request without aws:SourceIp makes the negated operator true (Important note)",
                        "{\"NotIpAddress\": {\"aws:SourceIp\": \"192.0.2.0/24\"}}",
                        new String[] {},
                        true),
                arguments(
                        "IpAddress: a request without aws:SourceIp does not match",
                        "{\"IpAddress\": {\"aws:SourceIp\": \"192.0.2.0/24\"}}",
                        new String[] {},
                        false),
                arguments(
                        "NumericLessThanIfExists: a present key is still checked",
                        "{\"NumericLessThanIfExists\": {\"s3:max-keys\": \"5\"}}",
                        new String[] {"s3:max-keys=9"},
                        false),
                arguments(
                        "Null true: the guide's aws:TokenIssueTime example, long-term credentials",
                        "{\"Null\": {\"aws:TokenIssueTime\": \"true\"}}",
                        new String[] {},
                        true),
                arguments(
                        "Null true: temporary credentials have aws:TokenIssueTime",
                        "{\"Null\": {\"aws:TokenIssueTime\": \"true\"}}",
                        new String[] {"aws:TokenIssueTime=2024-06-01T11:00:00Z"},
                        false),
                arguments(
                        "Null false: the key must be present",
                        "{\"Null\": {\"aws:TokenIssueTime\": false}}",
                        new String[] {"aws:TokenIssueTime=2024-06-01T11:00:00Z"},
                        true),
                arguments(
                        "Null false: an empty multivalued key counts as absent",
                        "{\"Null\": {\"aws:TagKeys\": \"false\"}}",
                        new String[] {"aws:TagKeys=[]"},
                        false),
                arguments(
                        "several operators in one block are ANDed: both must hold",
                        "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"blue\"}, \"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}",
                        new String[] {"aws:PrincipalTag/team=blue", "aws:SourceIp=192.0.2.1"},
                        false),
                arguments(
                        "several keys under one operator are ANDed",
                        "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"blue\", \"aws:PrincipalTag/env\": \"prod\"}}",
                        new String[] {"aws:PrincipalTag/team=blue", "aws:PrincipalTag/env=prod"},
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stringOperators")
    @DisplayName(
            "string and ARN operators match exactly, ignoring case or with wildcards, and a negated one matches no listed value")
    void strings(String description, String condition, String[] context, boolean expected) {
        check(condition, context, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numericOperators")
    @DisplayName(
            "numeric operators compare the request's number with the policy's, and a missing key matches no positive operator")
    void numbers(String description, String condition, String[] context, boolean expected) {
        check(condition, context, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dateOperators")
    @DisplayName(
            "date operators compare ISO 8601 dates and epoch seconds, with the request made at 2024-06-01T12:00:00Z")
    void dates(String description, String condition, String[] context, boolean expected) {
        check(condition, context, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherOperators")
    @DisplayName("Bool, BinaryEquals, IpAddress and the Arn operators match the request value as the guide describes")
    void others(String description, String condition, String[] context, boolean expected) {
        check(condition, context, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ifExistsAndNull")
    @DisplayName(
            "IfExists lets a missing key pass, Null tests whether a key is present, and several keys or operators are ANDed")
    void ifExistsNullAndLogic(String description, String condition, String[] context, boolean expected) {
        check(condition, context, expected);
    }

    @Test
    @DisplayName("BoolIfExists with Deny: the guide's MFA pattern denies long-term keys and allows MFA sessions")
    void denyWithoutMfa() {
        String json = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
                    {"Effect": "Deny", "Action": "ec2:TerminateInstances", "Resource": "*",
                     "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}
                  ]
                }""";
        Decision longTermKeys = Iam.identityOnly(
                Iam.user("ops").action("ec2:TerminateInstances").build(), json);
        Decision withMfa = Iam.identityOnly(
                Iam.user("ops")
                        .action("ec2:TerminateInstances")
                        .context("aws:MultiFactorAuthPresent", "true")
                        .build(),
                json);

        assertThat(longTermKeys.outcome()).as(longTermKeys.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(withMfa.allowed()).as(withMfa.explanation()).isTrue();
    }

    @Test
    @DisplayName("a failed condition is explained with the key, the policy values and the request's value")
    void conditionExplanation() {
        Decision decision = Iam.identityOnly(
                Iam.user("a").action("s3:GetObject").sourceIp("198.51.100.7").build(),
                Iam.statement("\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                        + " \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}"));

        assertThat(decision.explanation())
                .contains(
                        "Statement 0 of identity policy \"TestPolicy\" covers s3:GetObject on *, but its conditions do not hold")
                .contains("condition IpAddress {\"aws:SourceIp\": \"203.0.113.0/24\"} is false")
                .contains("\"198.51.100.7\"");
    }

    private static void check(String condition, String[] context, boolean expected) {
        Iam.assertCondition(condition, context, expected);
    }
}
