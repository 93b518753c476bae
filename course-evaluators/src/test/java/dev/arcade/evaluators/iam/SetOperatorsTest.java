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
                arguments(
                        "aws:TagKeys key1:hr, key1:personnel: no match, not denied",
                        List.of("key1:hr", "key1:personnel"),
                        Outcome.ALLOW),
                arguments("aws:TagKeys key2:audit: match, denied", List.of("key2:audit"), Outcome.EXPLICIT_DENY),
                arguments("no aws:TagKeys in the request: ForAllValues matches, denied", null, Outcome.EXPLICIT_DENY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denyRestrictedTags")
    @DisplayName(
            "the guide's DenyRestrictedTags statement denies a request whose tag keys all fall outside key1*, or that has none")
    void denyRestrictedTagsTable(String description, List<String> tagKeys, Outcome expected) {
        RequestContext.Builder request =
                user("tagger").action("iam:TagUser").resource("arn:aws:iam::123456789012:user/x");
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
                arguments(
                        "ForAllValues: every request value is listed",
                        forAll,
                        new String[] {"aws:TagKeys=environment|cost-center"},
                        true),
                arguments(
                        "ForAllValues: one listed value alone", forAll, new String[] {"aws:TagKeys=environment"}, true),
                arguments(
                        "ForAllValues: one unlisted value spoils it",
                        forAll,
                        new String[] {"aws:TagKeys=environment|dept"},
                        false),
                arguments("ForAllValues: true when the key is missing from the request", forAll, new String[] {}, true),
                arguments(
                        "ForAllValues: true when the key is an empty set",
                        forAll,
                        new String[] {"aws:TagKeys=[]"},
                        true),
                arguments(
                        "ForAllValues with Null false: the guide's fix for the empty-set case",
                        "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"environment\"]}, \"Null\": {\"aws:TagKeys\": \"false\"}}",
                        new String[] {},
                        false),
                arguments(
                        "ForAllValues:StringLike with a wildcard",
                        "{\"ForAllValues:StringLike\": {\"aws:TagKeys\": \"team-*\"}}",
                        new String[] {"aws:TagKeys=team-a|team-b"},
                        true),
                arguments(
                        "ForAnyValue: one listed value among others is enough",
                        forAny,
                        new String[] {"aws:TagKeys=webserver|test"},
                        true),
                arguments("ForAnyValue: no listed value", forAny, new String[] {"aws:TagKeys=test|prod"}, false),
                arguments("ForAnyValue: false when the key is missing", forAny, new String[] {}, false),
                arguments(
                        "ForAnyValue: false when the key is an empty set",
                        forAny,
                        new String[] {"aws:TagKeys=[]"},
                        false),
                arguments(
                        "ForAnyValue:StringNotEquals: true when some value is not listed",
                        "{\"ForAnyValue:StringNotEquals\": {\"aws:TagKeys\": [\"environment\"]}}",
                        new String[] {"aws:TagKeys=environment|owner"},
                        true),
                arguments(
                        "ForAnyValue:StringNotEquals: false when every value is listed",
                        "{\"ForAnyValue:StringNotEquals\": {\"aws:TagKeys\": [\"environment\"]}}",
                        new String[] {"aws:TagKeys=environment"},
                        false),
                arguments(
                        "ForAllValues:StringNotEquals: true when no value is listed",
                        "{\"ForAllValues:StringNotEquals\": {\"aws:TagKeys\": [\"secret\", \"internal\"]}}",
                        new String[] {"aws:TagKeys=owner|team"},
                        true),
                arguments(
                        "ForAnyValue on a single-valued key treats it as a set of one",
                        "{\"ForAnyValue:StringEquals\": {\"aws:PrincipalTag/team\": [\"blue\", \"green\"]}}",
                        new String[] {"aws:PrincipalTag/team=green"},
                        true),
                arguments(
                        "ForAnyValue:StringEqualsIfExists passes when the key is missing",
                        "{\"ForAnyValue:StringEqualsIfExists\": {\"aws:TagKeys\": [\"environment\"]}}",
                        new String[] {},
                        true),
                arguments(
                        "ForAllValues:StringNotEquals: true when the key is missing",
                        "{\"ForAllValues:StringNotEquals\": {\"aws:TagKeys\": [\"secret\"]}}",
                        new String[] {},
                        true),
                arguments(
                        "ForAnyValue:StringNotEquals: false when the key is missing",
                        "{\"ForAnyValue:StringNotEquals\": {\"aws:TagKeys\": [\"secret\"]}}",
                        new String[] {},
                        false),
                arguments(
                        "ForAnyValue:StringNotEquals: false when the key is an empty set",
                        "{\"ForAnyValue:StringNotEquals\": {\"aws:TagKeys\": [\"secret\"]}}",
                        new String[] {"aws:TagKeys=[]"},
                        false),
                arguments(
                        "ForAllValues:StringEqualsIfExists: true when the key is missing",
                        "{\"ForAllValues:StringEqualsIfExists\": {\"aws:TagKeys\": [\"environment\"]}}",
                        new String[] {},
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setOperators")
    @DisplayName(
            "ForAllValues holds when every request value matches or there is none; ForAnyValue needs one that matches")
    void setOperatorSemantics(String description, String condition, String[] context, boolean expected) {
        Iam.assertCondition(condition, context, expected);
    }

    static Stream<Arguments> withoutSetOperator() {
        return Stream.of(
                arguments(
                        "StringEquals on aws:TagKeys: true when any request value matches",
                        "{\"StringEquals\": {\"aws:TagKeys\": \"environment\"}}",
                        new String[] {"aws:TagKeys=owner|environment"},
                        true),
                arguments(
                        "StringEquals on aws:TagKeys: false when no request value matches",
                        "{\"StringEquals\": {\"aws:TagKeys\": \"environment\"}}",
                        new String[] {"aws:TagKeys=owner|team"},
                        false),
                arguments(
                        "StringEquals on aws:TagKeys: true even when other request values are not listed, unlike ForAllValues",
                        "{\"StringEquals\": {\"aws:TagKeys\": [\"environment\", \"owner\"]}}",
                        new String[] {"aws:TagKeys=environment|secret"},
                        true),
                arguments(
                        "StringNotEquals on aws:TagKeys: false when any request value is listed",
                        "{\"StringNotEquals\": {\"aws:TagKeys\": \"secret\"}}",
                        new String[] {"aws:TagKeys=owner|secret"},
                        false),
                arguments(
                        "StringNotEquals on aws:TagKeys: true when no request value is listed",
                        "{\"StringNotEquals\": {\"aws:TagKeys\": \"secret\"}}",
                        new String[] {"aws:TagKeys=owner|team"},
                        true),
                arguments(
                        "StringLike on aws:PrincipalServiceNamesList: true when one service name matches",
                        "{\"StringLike\": {\"aws:PrincipalServiceNamesList\": \"lambda.*\"}}",
                        new String[] {"aws:PrincipalServiceNamesList=lambda.amazonaws.com|lambda.amazonaws.com.cn"},
                        true),
                arguments(
                        "StringEquals on dynamodb:Attributes: false for an empty set, as for a missing key",
                        "{\"StringEquals\": {\"dynamodb:Attributes\": \"ID\"}}",
                        new String[] {"dynamodb:Attributes=[]"},
                        false),
                arguments(
                        "StringNotEquals on dynamodb:Attributes: true for an empty set, as for a missing key",
                        "{\"StringNotEquals\": {\"dynamodb:Attributes\": \"ID\"}}",
                        new String[] {"dynamodb:Attributes=[]"},
                        true),
                arguments(
                        "NumericLessThan on a multivalued key: true when any request value is less",
                        "{\"NumericLessThan\": {\"example:Sizes\": \"10\"}}",
                        new String[] {"example:Sizes=50|5"},
                        true));
    }

    /**
     * A condition operator without {@code ForAllValues:}/{@code ForAnyValue:} on a multivalued key.
     * "Single-valued vs. multivalued context keys" only says that multivalued keys "require a
     * condition set operator"; it does not say what IAM then decides. These cases pin this
     * evaluator's reading, documented on {@code ConditionClause}: the operator holds when any request
     * value matches, a negated operator when none does, and an empty set counts as a missing key.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutSetOperator")
    @DisplayName(
            "without a set operator, a multivalued key matches when any of its values matches (the evaluator's reading)")
    void withoutSetOperatorAnyValueMatches(String description, String condition, String[] context, boolean expected) {
        Iam.assertCondition(condition, context, expected);
    }
}
