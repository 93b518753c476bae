package dev.arcade.iam;

import software.amazon.awssdk.services.iam.IamClient;

/**
 * Exercise 2.7: repairs the score function's inline policy after a security review found holes in
 * it.
 *
 * <p>The policy was written to let the score function read and write score items, query the
 * leaderboards, write its own logs and "never touch the table definition". It does all that, and a
 * great deal more: see {@link #incidentPolicy(ScoresTable)}.
 */
public final class PolicyRepair {
    /** The name of the inline policy on the score function's role. */
    public static final String POLICY_NAME = "ScoreServiceAccess";

    /** The score function's name; its logs go to the log group {@code /aws/lambda/score-service}. */
    public static final String FUNCTION_NAME = "score-service";

    private final IamClient iam;

    /**
     * @param iam the client to read and replace the policy with
     */
    public PolicyRepair(IamClient iam) {
        this.iam = iam;
    }

    /**
     * The inline policy {@value #POLICY_NAME} as the review found it on the role. Given code: read it,
     * do not change it here.
     *
     * @param table the scores table
     * @return the policy JSON
     */
    public static String incidentPolicy(ScoresTable table) {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "ScoreItems",
                      "Effect": "Allow",
                      "Action": "dynamodb:*Item",
                      "Resource": "arn:aws:dynamodb:*:*:table/%3$s*"
                    },
                    {
                      "Sid": "Leaderboards",
                      "Effect": "Allow",
                      "Action": "dynamodb:Query",
                      "Resource": [
                        "arn:aws:dynamodb:%1$s:%2$s:table/%3$s",
                        "arn:aws:dynamodb:%1$s:%2$s:table/%3$s/index/Leaderboard"
                      ]
                    },
                    {
                      "Sid": "OwnLogs",
                      "Effect": "Allow",
                      "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                      "Resource": "arn:aws:logs:%1$s:%2$s:log-group:/aws/lambda/%4$s:*"
                    },
                    {
                      "Sid": "NeverTouchTheTableDefinition",
                      "Effect": "Allow",
                      "NotAction": ["dynamodb:DeleteTable", "dynamodb:UpdateTable"],
                      "Resource": "*"
                    }
                  ]
                }""".formatted(table.region(), table.accountId(), table.name(), FUNCTION_NAME);
    }

    /**
     * Replaces the role's inline policy {@value #POLICY_NAME} with a repaired one: everything the
     * score function does still works (GetItem, PutItem and UpdateItem on the table; Query on the
     * table and its Leaderboard index; CreateLogStream and PutLogEvents in its own log group), every
     * hole is closed, and the table definition stays out of reach.
     *
     * @param roleName the score function's role, which has the policy of {@link #incidentPolicy}
     * @param table the scores table
     * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html">IAM JSON policy elements: NotAction</a>
     */
    public void repair(String roleName, ScoresTable table) {
        throw new UnsupportedOperationException("TODO 2.7: put a repaired " + POLICY_NAME + " on " + roleName
                + ": keep what the score function needs, close every hole of the incident policy");
    }
}
