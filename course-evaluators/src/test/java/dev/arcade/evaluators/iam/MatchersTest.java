package dev.arcade.evaluators.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.evaluators.iam.internal.ArnPattern;
import dev.arcade.evaluators.iam.internal.DateValues;
import dev.arcade.evaluators.iam.internal.IpRange;
import dev.arcade.evaluators.iam.internal.PolicyTemplate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sources: IAM User Guide, "IAM JSON policy elements: Resource" ("Including wildcard characters in
 * the resource ARN": {@code *} matches any combination of characters, {@code ?} any single
 * character, within each ARN segment), "IAM identifiers" (ARN format), "IAM JSON policy elements:
 * Condition operators" (IP address and date formats) and "IAM policy elements: Variables and tags"
 * (default values, special characters).
 */
@DisplayName("Wildcards, ARNs, IP ranges, dates and policy variables")
class MatchersTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "arn:aws:s3:::bucket/*, arn:aws:s3:::bucket/a/b/c.txt, true",
        "arn:aws:s3:::bucket/*, arn:aws:s3:::bucket, false",
        "arn:aws:s3:::*log*, arn:aws:s3:::carlossalazar-logs, true",
        "arn:aws:dynamodb:*:*:table/Books, arn:aws:dynamodb:eu-west-1:123456789012:table/Books, true",
        "arn:aws:dynamodb:*:*:table/Books, arn:aws:dynamodb:eu-west-1:123456789012:table/Books/index/byAuthor, false",
        "arn:aws:dynamodb:*:*:table/Books*, arn:aws:dynamodb:eu-west-1:123456789012:table/Books/index/byAuthor, true",
        "arn:aws:iam::*:user/????, arn:aws:iam::123456789012:user/dave, true",
        "arn:aws:iam::*:user/????, arn:aws:iam::123456789012:user/david, false",
        "arn:aws:logs:us-*:*:*, arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*, true",
        "arn:aws:logs:us-*:*:*, arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/f, false",
        "arn:aws:*:us-east-1:*:*, arn:aws:sqs:us-east-1:123456789012:queue, true",
        "*, arn:aws:anything:::x, true",
    })
    @DisplayName("a resource pattern matches an ARN component by component, * and ? standing for characters")
    void arnPatterns(String pattern, String arn, boolean expected) {
        assertThat(ArnPattern.compile(pattern).matchesArn(arn)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a wildcard in the region component does not reach across a colon into the account")
    void wildcardStaysInItsComponent() {
        ArnPattern pattern = ArnPattern.compile("arn:aws:sqs:us-*:123456789012:q");

        assertThat(pattern.matchesArn("arn:aws:sqs:us-east-1:123456789012:q")).isTrue();
        assertThat(pattern.matchesArn("arn:aws:sqs:us-east-1:999:123456789012:q"))
                .as("as a plain glob this would match, component by component it must not")
                .isFalse();
    }

    @Test
    @DisplayName("an action pattern ignores case, and literal pieces of a pattern never act as wildcards")
    void caseAndLiterals() {
        assertThat(ArnPattern.compile("s3:Get*").matchesIgnoreCase("S3:GETOBJECT"))
                .isTrue();
        assertThat(ArnPattern.compile("s3:Get*").matches("S3:GETOBJECT")).isFalse();
        ArnPattern mixed =
                ArnPattern.builder().glob("team-").literal("*").glob("/*").build();
        assertThat(mixed.matches("team-*/x")).isTrue();
        assertThat(mixed.matches("team-blue/x")).isFalse();
        assertThat(ArnPattern.compile("a*b*c*d*e*f*g*h").matches("a".repeat(5000)))
                .as("no exponential backtracking")
                .isFalse();
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "203.0.113.0/24, 203.0.113.255, true",
        "203.0.113.0/24, 203.0.114.0, false",
        "10.0.0.0/8, 10.255.1.2, true",
        "0.0.0.0/0, 198.51.100.7, true",
        "192.0.2.7, 192.0.2.7, true",
        "192.0.2.0/31, 192.0.2.1, true",
        "192.0.2.0/31, 192.0.2.2, false",
        "2001:DB8:1234:5678::/64, 2001:db8:1234:5678:ffff:ffff:ffff:ffff, true",
        "2001:DB8:1234:5678::/64, 2001:db8:1234:5679::, false",
        "::1/128, 0:0:0:0:0:0:0:1, true",
        "::ffff:0:0/96, ::ffff:203.0.113.5, true",
        "203.0.113.0/24, 2001:db8::1, false",
        "203.0.113.0/24, not-an-address, false",
        "203.0.113.0/24, 203.0.113.256, false",
    })
    @DisplayName("a CIDR range contains exactly its own IPv4 or IPv6 addresses")
    void ipRanges(String range, String address, boolean expected) {
        assertThat(IpRange.parse(range)).as("range %s parses", range).isPresent();
        assertThat(IpRange.parse(range).get().contains(address)).isEqualTo(expected);
    }

    @Test
    @DisplayName("invalid ranges do not parse")
    void invalidRanges() {
        assertThat(IpRange.parse("203.0.113.0/33")).isEmpty();
        assertThat(IpRange.parse("1:2:3:4:5:6:7:8:9")).isEmpty();
        assertThat(IpRange.parse("1::2::3")).isEmpty();
        assertThat(IpRange.parse("example.com")).isEmpty();
    }

    @Test
    @DisplayName("a date is read from ISO 8601, with or without offset or time, or from epoch seconds")
    void dates() {
        Instant noon = Instant.parse("2024-06-01T12:00:00Z");
        assertThat(DateValues.parse("2024-06-01T12:00:00Z")).contains(noon);
        assertThat(DateValues.parse("2024-06-01T14:00:00+02:00")).contains(noon);
        assertThat(DateValues.parse("2024-06-01T12:00:00.000Z")).contains(noon);
        assertThat(DateValues.parse("2024-06-01T12:00:00")).contains(noon);
        assertThat(DateValues.parse("1717243200")).contains(noon);
        assertThat(DateValues.parse("2024-06-01")).contains(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(DateValues.parse("next tuesday")).isEmpty();
    }

    @Test
    @DisplayName(
            "a policy variable resolves to its value or its default, an escape to its character, and a malformed reference stays text")
    void templates() {
        Map<String, String> context = Map.of("aws:username", "alice");
        java.util.function.Function<String, Optional<String>> lookup =
                key -> Optional.ofNullable(context.get(key.toLowerCase(java.util.Locale.ROOT)));

        assertThat(PolicyTemplate.parse("home/${aws:username}/*", true).resolveText(lookup))
                .contains("home/alice/*");
        assertThat(PolicyTemplate.parse("${aws:PrincipalTag/team, 'company-wide'}", true)
                        .resolveText(lookup))
                .contains("company-wide");
        assertThat(PolicyTemplate.parse("${aws:PrincipalTag/team,'it''s'}", true)
                        .resolveText(lookup))
                .contains("it's");
        assertThat(PolicyTemplate.parse("${aws:PrincipalTag/team}", true).resolveText(lookup))
                .isEmpty();
        assertThat(PolicyTemplate.parse("a${*}b${?}c${$}d", true).resolveText(lookup))
                .contains("a*b?c$d");
        assertThat(PolicyTemplate.parse("cost-${unclosed", true).resolveText(lookup))
                .contains("cost-${unclosed");
        assertThat(PolicyTemplate.parse("${aws:username}", false).resolveText(lookup))
                .contains("${aws:username}");
    }
}
