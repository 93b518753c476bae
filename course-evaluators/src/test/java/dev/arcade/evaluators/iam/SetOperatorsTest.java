package dev.arcade.evaluators.iam;

import static dev.arcade.evaluators.iam.Iam.identityOnly;
import static dev.arcade.evaluators.iam.Iam.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Source: IAM User Guide, "Single-valued vs. multivalued context keys" (its section "Set operators
 * for multivalued context keys") and "Multivalued context key examples" ("Example: Deny policy with
 * condition set operator ForAllValues", "Example: Allow policy with condition set operator
 * ForAnyValue").
 */
@DisplayName("Set operators for multivalued context keys (IAM User Guide)")
class SetOperatorsTest {

    /** The guide's DenyRestrictedTags statement, next to an Allow so that "not denied" shows as allowed. */
    private static final String DENY_RESTRICTED_TAGS = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "AllowIamTagging", "Effect": "Allow", "Action": ["iam:Tag*", "iam:UnTag*"], "Resource": ["*"]},
                {
                  "Sid": "DenyRestrictedTags",
                  "Effect": "Deny",
                  "Action": ["iam:Tag*", "iam:UnTag*"],
                  "Resource": ["*"],
                  "Condition": {"ForAllValues:StringNotLike": {"aws:TagKeys": "key1*"}}
                }
              ]
            }""";

    static Stream<Arguments> denyRestrictedTags() {
        return Stream.of(
                arguments("aws:TagKeys key1:legal: no match, not denied", List.of("key1:legal"), Outcome.ALLOW),
                arguments("aws:TagKeys key1:hr, key1:personnel: no match, not denied",
                        List.of("key1:hr", "key1:personnel"), Outcome.ALLOW),
                arguments("aws:TagKeys key2:audit: match, denied", List.of("key2:audit"), Outcome.EXPLICIT_DENY),
                arguments("no aws:TagKeys in the request: ForAllValues matches, denied", null, Outcome.EXPLICIT_DENY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denyRestrictedTags")
    @DisplayName("Example: Deny policy with ForAllValues:StringNotLike on aws:TagKeys (the guide's table)")
    void denyRestrictedTagsTable(String description, List<String> tagKeys, Outcome expected) {
        RequestContext.Builder request = user("tagger").action("iam:TagUser").resource("arn:aws:iam::123456789012:user/x");
        if (tagKeys != null) {
            request.contextValues("aws:TagKeys", tagKeys);
        }
        Decision decision = identityOnly(request.build(), DENY_RESTRICTED_TAGS);

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(expected);
    }

    static Stream<Arguments> setOperators() {
        String forAll = "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"environment\", \"cost-center\"]}}";
        String forAny = "{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": [\"environment\", \"webserver\"]}}";
        return Stream.of(
                arguments("ForAllValues: every request value is listed", forAll,
                        new String[] {"aws:TagKeys=environment|cost-center"}, true),
                arguments("ForAllValues: one listed value alone", forAll, new String[] {"aws:TagKeys=environment"}, true),
                arguments("ForAllValues: one unlisted value spoils it", forAll,
                        new String[] {"aws:TagKeys=environment|dept"}, false),
                arguments("ForAllValues: true when the key is missing from the request", forAll, new String[] {}, true),
                arguments("ForAllValues: true when the key is an empty set", forAll, new String[] {"aws:TagKeys=[]"}, true),
                arguments("ForAllValues with Null false: the guide's fix for the empty-set case",
                        "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"environment\"]}, \"Null\": {\"aws:TagKeys\": \"false\"}}",
                        new String[] {}, false),
                arguments("ForAllValues:StringLike with a wildcard", "{\"ForAllValues:StringLike\": {\"aws:TagKeys\": \"team-*\"}}",
                        new String[] {"aws:TagKeys=team-a|team-b"}, true),
                arguments("ForAnyValue: one listed value among others is enough", forAny,
                        new String[] {"aws:TagKeys=webserver|test"}, true),
                arguments("ForAnyValue: no listed value", forAny, new String[] {"aws:TagKeys=test|prod"}, false),
                arguments("ForAnyValue: false when the key is missing", forAny, new String[] {}, false),
                arguments("ForAnyValue: false when the key is an empty set", forAny, new String[] {"aws:TagKeys=[]"}, false),
                arguments("ForAnyValue:StringNotEquals: true when some value is not listed",
                        "{\"ForAnyValue:StringNotEquals\": {\"aws:TagKeys\": [\"environment\"]}}",
                        new String[] {"aws:TagKeys=environment|owner"}, true),
                arguments("ForAnyValue:StringNotEquals: false when every value is listed",
                        "{\"ForAnyValue:StringNotEquals\": {\"aws:TagKeys\": [\"environment\"]}}",
                        new String[] {"aws:TagKeys=environment"}, false),
                arguments("ForAllValues:StringNotEquals: true when no value is listed",
                        "{\"ForAllValues:StringNotEquals\": {\"aws:TagKeys\": [\"secret\", \"internal\"]}}",
                        new String[] {"aws:TagKeys=owner|team"}, true),
                arguments("ForAnyValue on a single-valued key treats it as a set of one",
                        "{\"ForAnyValue:StringEquals\": {\"aws:PrincipalTag/team\": [\"blue\", \"green\"]}}",
                        new String[] {"aws:PrincipalTag/team=green"}, true),
                arguments("ForAnyValue:StringEqualsIfExists passes when the key is missing",
                        "{\"ForAnyValue:StringEqualsIfExists\": {\"aws:TagKeys\": [\"environment\"]}}",
                        new String[] {}, true),
                arguments("without a set operator, a multivalued key matches when any value matches",
                        "{\"StringEquals\": {\"aws:TagKeys\": \"environment\"}}",
                        new String[] {"aws:TagKeys=owner|environment"}, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setOperators")
    @DisplayName("ForAllValues and ForAnyValue semantics")
    void setOperatorSemantics(String description, String condition, String[] context, boolean expected) {
        Iam.assertCondition(condition, context, expected);
    }
}
