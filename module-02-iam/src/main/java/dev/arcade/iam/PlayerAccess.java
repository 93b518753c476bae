package dev.arcade.iam;

import software.amazon.awssdk.services.iam.IamClient;

/**
 * Exercise 2.4: fine-grained access for players, who read and write the scores table directly from
 * the game, but only their own items.
 *
 * <p>Each player's session carries the session tag {@value #PLAYER_ID_TAG} with the player's id
 * (Cognito identity pools set it from the player's sign-in token); in a policy it is the variable
 * {@code ${aws:PrincipalTag/playerId}}.
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
     * Creates the customer managed policy of the player role: {@code dynamodb:GetItem},
     * {@code dynamodb:BatchGetItem}, {@code dynamodb:Query}, {@code dynamodb:PutItem} and
     * {@code dynamodb:UpdateItem} on the scores table, only for items whose partition key is
     * {@code PLAYER#} followed by the calling player's own id ({@code dynamodb:LeadingKeys}).
     *
     * @param policyName the policy's name
     * @param table the scores table
     * @return the new policy's ARN
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html">Using IAM policy conditions for fine-grained access control</a>
     */
    public String createPlayerPolicy(String policyName, ScoresTable table) {
        throw new UnsupportedOperationException(
                "TODO 2.4: create managed policy " + policyName
                        + " that lets a player use only items whose dynamodb:LeadingKeys are all PLAYER#${aws:PrincipalTag/playerId}");
    }
}
