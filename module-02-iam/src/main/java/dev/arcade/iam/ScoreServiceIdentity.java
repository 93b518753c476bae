package dev.arcade.iam;

import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Exercises 2.1 to 2.3: the identity of the score function, an IAM role with exactly the permissions
 * the score service needs.
 *
 * <p>Write policy documents as JSON text or with the SDK's policy builder
 * ({@code software.amazon.awssdk.policybuilder.iam.IamPolicy}); both are fine.
 */
public final class ScoreServiceIdentity {
    private final IamClient iam;

    /**
     * @param iam the client to create the role and its policies with
     */
    public ScoreServiceIdentity(IamClient iam) {
        this.iam = iam;
    }

    /**
     * Exercise 2.1: creates the score function's execution role, whose trust policy lets only the
     * Lambda service ({@code lambda.amazonaws.com}) assume it with {@code sts:AssumeRole}.
     *
     * @param roleName the role's name
     * @return the new role's ARN, as CreateRole returns it
     * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html">Lambda execution role</a>
     */
    public String createExecutionRole(String roleName) {
        throw new UnsupportedOperationException(
                "TODO 2.1: create role " + roleName
                        + " with a trust policy that allows only lambda.amazonaws.com to call sts:AssumeRole, and return its ARN");
    }

    /**
     * Exercise 2.2: gives the role, as an inline policy, exactly what the score service does with the
     * scores table: {@code dynamodb:GetItem}, {@code dynamodb:PutItem}, {@code dynamodb:UpdateItem}
     * and {@code dynamodb:Query} on the table, and {@code dynamodb:Query} on its
     * {@value ScoresTable#LEADERBOARD_INDEX} index; nothing else, nowhere else.
     *
     * @param roleName the role, which exists already
     * @param table the scores table; {@link ScoresTable#arn()} is its ARN
     * @see <a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html">PutRolePolicy</a>
     */
    public void grantTableAccess(String roleName, ScoresTable table) {
        throw new UnsupportedOperationException("TODO 2.2: put an inline policy on " + roleName
                + " that allows GetItem, PutItem, UpdateItem and Query on " + table.arn()
                + " and Query on its Leaderboard index, and nothing else");
    }

    /**
     * Exercise 2.3: attaches the AWS managed policy {@code AWSLambdaBasicExecutionRole}, which lets a
     * function write its logs to CloudWatch Logs, to the role (by its ARN; do not copy it).
     *
     * @param roleName the role, which exists already
     * @see <a href="https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaBasicExecutionRole.html">AWSLambdaBasicExecutionRole</a>
     */
    public void attachLogging(String roleName) {
        throw new UnsupportedOperationException(
                "TODO 2.3: attach the AWS managed policy AWSLambdaBasicExecutionRole to " + roleName + " by its ARN");
    }

    /**
     * Exercise 2.3: tells which actions {@code AWSLambdaBasicExecutionRole} grants, as its default
     * version says (GetPolicy names the default version, GetPolicyVersion returns its document).
     *
     * @return the actions of the policy's statements, for example {@code logs:PutLogEvents}
     * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html">Versioning IAM policies</a>
     */
    public List<String> loggingActions() {
        throw new UnsupportedOperationException("TODO 2.3: read the default version of AWSLambdaBasicExecutionRole"
                + " (GetPolicy, then GetPolicyVersion) and return the actions its statements allow");
    }
}
