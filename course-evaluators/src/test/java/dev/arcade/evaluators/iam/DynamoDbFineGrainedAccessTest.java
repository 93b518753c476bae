package dev.arcade.evaluators.iam;

import static dev.arcade.evaluators.iam.Iam.fixture;
import static dev.arcade.evaluators.iam.Iam.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Sources: IAM User Guide, "Amazon DynamoDB: Allows access to specific attributes" and "Amazon
 * DynamoDB: Allows item-level access to DynamoDB based on an Amazon Cognito ID"; Amazon DynamoDB
 * Developer Guide, "Using IAM policy conditions for fine-grained access control" (the GameScores
 * policy with dynamodb:LeadingKeys, dynamodb:Attributes, dynamodb:Select and dynamodb:ReturnValues).
 *
 * <p>The callers are role sessions obtained through web identity federation, as in those pages; the
 * identity provider's user ID reaches the request context as {@code www.amazon.com:user_id} or
 * {@code cognito-identity.amazonaws.com:sub}.
 */
@DisplayName("DynamoDB fine-grained access control")
class DynamoDbFineGrainedAccessTest {

    private static final String GAME_SCORES = "arn:aws:dynamodb:us-west-2:123456789012:table/GameScores";
    private static final String PLAYER = "amzn1.account.AF6RHO7KZU5XRVQJGXK6HEXAMPLE";

    @Nested
    @DisplayName("GameScores: dynamodb:LeadingKeys with ${www.amazon.com:user_id}")
    class GameScores {

        private final PolicySet policies = PolicySet.builder()
                .identityPolicy("GameScoresPolicy", fixture("dynamodb-gamescores-leading-keys.json"))
                .build();

        private RequestContext.Builder player(String action) {
            return session("GameRole", "web-session")
                    .context("www.amazon.com:user_id", PLAYER)
                    .action(action)
                    .resource(GAME_SCORES);
        }

        @Test
        @DisplayName("a player reads their own item, projecting allowed attributes")
        void ownItem() {
            Decision decision = PolicyEvaluator.evaluate(
                    player("dynamodb:GetItem")
                            .contextValues("dynamodb:LeadingKeys", List.of(PLAYER))
                            .contextValues("dynamodb:Attributes", List.of("UserId", "TopScore"))
                            .context("dynamodb:Select", "SPECIFIC_ATTRIBUTES")
                            .build(),
                    policies);

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }

        @Test
        @DisplayName("a player cannot read another player's item")
        void otherPlayersItem() {
            Decision decision = PolicyEvaluator.evaluate(
                    player("dynamodb:GetItem")
                            .contextValues("dynamodb:LeadingKeys", List.of("amzn1.account.SOMEONEELSE"))
                            .build(),
                    policies);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.explanation())
                    .as("the explanation shows the resolved variable")
                    .contains("dynamodb:LeadingKeys")
                    .contains("(= \"" + PLAYER + "\")");
        }

        @Test
        @DisplayName("a BatchGetItem touching their own and someone else's partition is denied (ForAllValues)")
        void mixedPartitions() {
            Decision decision = PolicyEvaluator.evaluate(
                    player("dynamodb:BatchGetItem")
                            .contextValues("dynamodb:LeadingKeys", List.of(PLAYER, "amzn1.account.SOMEONEELSE"))
                            .build(),
                    policies);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        @DisplayName("projecting an attribute outside the list is denied")
        void attributeOutsideList() {
            Decision decision = PolicyEvaluator.evaluate(
                    player("dynamodb:GetItem")
                            .contextValues("dynamodb:LeadingKeys", List.of(PLAYER))
                            .contextValues("dynamodb:Attributes", List.of("UserId", "PersonalEmail"))
                            .build(),
                    policies);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.explanation()).contains("\"PersonalEmail\"");
        }

        @Test
        @DisplayName("Select ALL_ATTRIBUTES is denied: StringEqualsIfExists checks a present dynamodb:Select")
        void selectAllAttributes() {
            Decision decision = PolicyEvaluator.evaluate(
                    player("dynamodb:Query")
                            .contextValues("dynamodb:LeadingKeys", List.of(PLAYER))
                            .context("dynamodb:Select", "ALL_ATTRIBUTES")
                            .build(),
                    policies);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        @DisplayName("a PutItem asking for ReturnValues ALL_OLD is denied, UPDATED_NEW is allowed")
        void returnValues() {
            RequestContext.Builder put =
                    player("dynamodb:PutItem").contextValues("dynamodb:LeadingKeys", List.of(PLAYER));
            Decision allOld = PolicyEvaluator.evaluate(
                    put.context("dynamodb:ReturnValues", "ALL_OLD").build(), policies);
            Decision updatedNew = PolicyEvaluator.evaluate(
                    put.context("dynamodb:ReturnValues", "UPDATED_NEW").build(), policies);

            assertThat(allOld.allowed()).as(allOld.explanation()).isFalse();
            assertThat(updatedNew.allowed()).as(updatedNew.explanation()).isTrue();
        }

        @Test
        @DisplayName("without the provider's user ID in the request, the variable has no value and nothing matches")
        void missingUserId() {
            Decision decision = PolicyEvaluator.evaluate(
                    session("GameRole", "web-session")
                            .action("dynamodb:GetItem")
                            .resource(GAME_SCORES)
                            .contextValues("dynamodb:LeadingKeys", List.of(PLAYER))
                            .build(),
                    policies);

            assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.explanation()).contains("${www.amazon.com:user_id} has no value in this request");
        }

        @Test
        @DisplayName("a Scan is not among the actions: the explanation names the closest statement")
        void scanIsNotAllowed() {
            Decision decision = PolicyEvaluator.evaluate(player("dynamodb:Scan").build(), policies);

            assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.explanation())
                    .contains("Closest: statement 0 (Sid \"AllowAccessToOnlyItemsMatchingUserID\") of identity policy"
                            + " \"GameScoresPolicy\" allows dynamodb:GetItem")
                    .contains("action dynamodb:Scan is not covered by Action");
        }
    }

    @Test
    @DisplayName("Allows item-level access based on an Amazon Cognito ID: ${cognito-identity.amazonaws.com:sub}")
    void cognitoItemLevelAccess() {
        String policy = """
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Action": ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem",
                                       "dynamodb:Query", "dynamodb:UpdateItem"],
                            "Resource": ["arn:aws:dynamodb:*:*:table/MyTable"],
                            "Condition": {
                                "ForAllValues:StringEquals": {
                                    "dynamodb:LeadingKeys": ["${cognito-identity.amazonaws.com:sub}"]
                                }
                            }
                        }
                    ]
                }""";
        String sub = "us-east-1:0f2b4c8e-1111-2222-3333-444455556666";
        RequestContext.Builder request = session("Cognito_AuthRole", "CognitoIdentityCredentials")
                .context("cognito-identity.amazonaws.com:sub", sub)
                .action("dynamodb:UpdateItem")
                .resource("arn:aws:dynamodb:eu-west-1:123456789012:table/MyTable");

        Decision own = Iam.identityOnly(
                request.contextValues("dynamodb:LeadingKeys", List.of(sub)).build(), policy);
        Decision other = Iam.identityOnly(
                request.contextValues("dynamodb:LeadingKeys", List.of("us-east-1:other"))
                        .build(),
                policy);

        assertThat(own.allowed()).as(own.explanation()).isTrue();
        assertThat(other.allowed()).as(other.explanation()).isFalse();
    }

    @Nested
    @DisplayName("Amazon DynamoDB: Allows access to specific attributes")
    class SpecificAttributes {

        private static final String POLICY = """
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Action": ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem",
                                       "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"],
                            "Resource": ["arn:aws:dynamodb:*:*:table/table-name"],
                            "Condition": {
                                "ForAllValues:StringEquals": {
                                    "dynamodb:Attributes": ["column-name-1", "column-name-2", "column-name-3"]
                                },
                                "StringEqualsIfExists": {"dynamodb:Select": "SPECIFIC_ATTRIBUTES"}
                            }
                        }
                    ]
                }""";

        private static final String TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/table-name";

        @Test
        @DisplayName("a query projecting listed attributes is allowed")
        void listedAttributes() {
            Decision decision = Iam.identityOnly(
                    Iam.user("reader")
                            .action("dynamodb:Query")
                            .resource(TABLE)
                            .contextValues("dynamodb:Attributes", List.of("column-name-1", "column-name-3"))
                            .context("dynamodb:Select", "SPECIFIC_ATTRIBUTES")
                            .build(),
                    POLICY);

            assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        }

        @Test
        @DisplayName("a query projecting an unlisted attribute is denied")
        void unlistedAttribute() {
            Decision decision = Iam.identityOnly(
                    Iam.user("reader")
                            .action("dynamodb:Query")
                            .resource(TABLE)
                            .contextValues("dynamodb:Attributes", List.of("column-name-1", "secret"))
                            .context("dynamodb:Select", "SPECIFIC_ATTRIBUTES")
                            .build(),
                    POLICY);

            assertThat(decision.allowed()).as(decision.explanation()).isFalse();
        }

        @Test
        @DisplayName("a query returning all attributes is denied by the dynamodb:Select requirement")
        void allAttributes() {
            Decision decision = Iam.identityOnly(
                    Iam.user("reader")
                            .action("dynamodb:Query")
                            .resource(TABLE)
                            .context("dynamodb:Select", "ALL_ATTRIBUTES")
                            .build(),
                    POLICY);

            assertThat(decision.allowed()).as(decision.explanation()).isFalse();
        }
    }
}
