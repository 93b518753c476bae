package dev.arcade.iam;

import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
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
     * Replaces the role's inline policy with a repaired one.
     *
     * @param roleName the score function's role
     * @param table the scores table
     */
    public void repair(String roleName, ScoresTable table) {
        // Exact actions instead of *Item, exact ARNs instead of table/Scores*, and the NotAction statement gone:
        // nothing is allowed that is not listed, so DeleteTable and UpdateTable need no statement of their own.
        IamPolicy repaired = IamPolicy.builder()
                .addStatement(s -> s.sid("ScoreItems")
                        .effect(IamEffect.ALLOW)
                        .addAction("dynamodb:GetItem")
                        .addAction("dynamodb:PutItem")
                        .addAction("dynamodb:UpdateItem")
                        .addResource(table.arn()))
                .addStatement(s -> s.sid("Leaderboards")
                        .effect(IamEffect.ALLOW)
                        .addAction("dynamodb:Query")
                        .addResource(table.arn())
                        .addResource(table.arn() + "/index/" + ScoresTable.LEADERBOARD_INDEX))
                .addStatement(s -> s.sid("OwnLogs")
                        .effect(IamEffect.ALLOW)
                        .addAction("logs:CreateLogStream")
                        .addAction("logs:PutLogEvents")
                        .addResource("arn:aws:logs:" + table.region() + ":" + table.accountId()
                                + ":log-group:/aws/lambda/" + FUNCTION_NAME + ":*"))
                .build();
        iam.putRolePolicy(r -> r.roleName(roleName).policyName(POLICY_NAME).policyDocument(repaired.toJson()));
    }
}
