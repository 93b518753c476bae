package dev.arcade.iam;

import software.amazon.awssdk.services.iam.IamClient;

/**
 * Prerequisites the tests create with the kit's own client, so that an exercise never depends on the
 * learner's solution of another one (2.2 does not need the learner's 2.1 role).
 */
final class Fixtures {
    /** The execution role's trust policy, as the lesson writes it in 2.1. */
    static final String LAMBDA_TRUST = """
            {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                            "Action": "sts:AssumeRole"}]}""";

    /** The Lambda function's name; Lambda names the role session after it. */
    static final String FUNCTION = "score-service";

    /** The region of the tests' clients, the Lambda function and its logs. */
    static final String REGION = "us-east-1";

    /**
     * The region the scores table lives in for the exercises that name it in a policy: not the clients'
     * region, so that an ARN typed in with us-east-1 instead of {@code table.arn()} is caught.
     */
    static final String TABLE_REGION = "eu-central-1";

    private Fixtures() {}

    /** Creates an execution role that only Lambda may assume, with no permissions yet. */
    static String executionRole(IamClient kit, String roleName) {
        return kit.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(LAMBDA_TRUST))
                .role()
                .arn();
    }

    /**
     * The scores table's name in {@link Callers#OTHER_ACCOUNT}, shared with {@code roleName} (table and indexes) by
     * that account's DynamoDB resource-based policy, as a resource-based policy can: then only the role's own
     * policies stand between the role and that table.
     *
     * @param arn the other account's table ARN
     * @param label how explanations name the resource-based policy
     * @param policy the resource-based policy document
     */
    record SharedTable(String arn, String label, String policy) {}

    static SharedTable sharedByAnotherAccount(ScoresTable table, String account, String roleName) {
        String arn = table.arn().replace(":" + account + ":", ":" + Callers.OTHER_ACCOUNT + ":");
        String policy = """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:role/%s"}, "Action": "dynamodb:*",
                                "Resource": ["%3$s", "%3$s/index/*"]}]}""".formatted(account, roleName, arn);
        return new SharedTable(arn, "resource-based policy of the table " + arn, policy);
    }
}
