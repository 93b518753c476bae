package dev.arcade.iam;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Exercise 2.4: fine-grained access for players, who use only their own items.
 */
public final class PlayerAccess {
    /** The session tag that holds the signed-in player's id. */
    public static final String PLAYER_ID_TAG = "playerId";

    private final IamClient iam;

    /**
     * @param iam the client to create the policy with
     */
    public PlayerAccess(IamClient iam) {
        this.iam = iam;
    }

    /**
     * Creates the player role's policy: their own items only, through dynamodb:LeadingKeys.
     *
     * @param policyName the policy's name
     * @param table the scores table
     * @return the new policy's ARN
     */
    public String createPlayerPolicy(String policyName, ScoresTable table) {
        // ForAllValues: every key the request touches must be the player's own, not just one of them.
        IamPolicy policy = IamPolicy.builder()
                .addStatement(s -> s.sid("OwnItemsOnly")
                        .effect(IamEffect.ALLOW)
                        .addAction("dynamodb:GetItem")
                        .addAction("dynamodb:BatchGetItem")
                        .addAction("dynamodb:Query")
                        .addAction("dynamodb:PutItem")
                        .addAction("dynamodb:UpdateItem")
                        .addResource(table.arn())
                        .addCondition(
                                IamConditionOperator.STRING_EQUALS.addPrefix("ForAllValues:"),
                                "dynamodb:LeadingKeys",
                                ScoresTable.PLAYER_KEY_PREFIX + "${aws:PrincipalTag/" + PLAYER_ID_TAG + "}"))
                .build();
        return iam.createPolicy(r -> r.policyName(policyName).policyDocument(policy.toJson()))
                .policy()
                .arn();
    }
}
