package dev.arcade.functions;

import software.amazon.awssdk.services.iam.IamClient;

/**
 * Exercise 3.4: the execution role of the score function, the identity its code runs as. Lambda
 * assumes it for every execution environment and hands its temporary credentials to the code, so
 * this role decides every AWS call the function makes.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html">Defining
 *     Lambda function permissions with an execution role</a>
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/iam-policy-specific-table-indexes.html">Allow
 *     access to a DynamoDB table and its indexes</a>
 */
public final class ExecutionRole {

    /** The AWS managed policy that lets a function create its log group and stream and write its logs. */
    public static final String BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    private ExecutionRole() {}

    /**
     * Creates the execution role of the score function (the given data layer, {@link BestScores}):
     * a trust policy that lets the Lambda service ({@code lambda.amazonaws.com}) and no one else
     * assume it; a policy of its own (inline, or customer managed and attached) that allows exactly the DynamoDB actions {@link BestScores} calls,
     * on exactly the resources it calls them on ({@code dynamodb:UpdateItem} and
     * {@code dynamodb:GetItem} on the table, {@code dynamodb:Query} on its
     * {@value ScoreTable#LEADERBOARD_INDEX} index); and the AWS managed policy {@link #BASIC_EXECUTION}
     * for the logs.
     *
     * @param iam the IAM client to use
     * @param roleName the new role's name
     * @param tableArn the table's ARN, {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME}
     * @return the role's ARN, {@code arn:aws:iam::ACCOUNT:role/[PATH/]NAME}
     * @throws software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException when the role exists
     */
    public static String create(IamClient iam, String roleName, String tableArn) {
        throw new UnsupportedOperationException(
                "TODO 3.4: create the role Lambda alone may assume, with the table access the function uses and the"
                        + " basic execution policy");
    }
}
