package dev.arcade.iam;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Exercises 2.5 and 2.8: temporary credentials for Arcade's support vendor, whose tool assumes an
 * operator role in Arcade's account instead of holding long-lived keys.
 */
public final class OperatorAccess {
    private final IamClient iam;
    private final StsClient sts;

    /**
     * @param iam the client to create the role with
     * @param sts the client to assume the role with
     */
    public OperatorAccess(IamClient iam, StsClient sts) {
        this.iam = iam;
        this.sts = sts;
    }

    /**
     * Exercise 2.5: creates the operator role, whose trust policy lets exactly one principal, the vendor's IAM user
     * {@code operatorArn}, call {@code sts:AssumeRole}, and only with the agreed external id
     * (condition key {@code sts:ExternalId}).
     *
     * @param roleName the role's name
     * @param operatorArn the vendor's IAM user, for example {@code arn:aws:iam::444455556666:user/arcade-support}
     * @param externalId the secret-less id agreed with the vendor
     * @return the new role's ARN
     * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html">Access to AWS accounts owned by third parties (external id)</a>
     */
    public String createOperatorRole(String roleName, String operatorArn, String externalId) {
        throw new UnsupportedOperationException("TODO 2.5: create role " + roleName + " that only " + operatorArn
                + " may assume, and only with sts:ExternalId " + externalId);
    }

    /**
     * Exercise 2.5: assumes the operator role through STS (AssumeRole with a session name and the external id),
     * builds an STS client that signs with the temporary credentials it returned, and asks that
     * client who it is (GetCallerIdentity).
     *
     * @param roleArn the operator role
     * @param sessionName the role session's name, which appears in the caller's ARN and in CloudTrail
     * @param externalId the agreed external id
     * @return the caller ARN GetCallerIdentity returned, and the temporary credentials
     * @see <a href="https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html">AssumeRole</a>
     */
    public OperatorSession assumeOperatorRole(String roleArn, String sessionName, String externalId) {
        throw new UnsupportedOperationException("TODO 2.5: call sts.assumeRole for " + roleArn + " with session name "
                + sessionName + " and the external id, then GetCallerIdentity with the temporary credentials");
    }

    /**
     * Exercise 2.8: assumes the operator role like {@link #assumeOperatorRole}, but for a read-only
     * support ticket: AssumeRole gets a session policy that allows only {@code dynamodb:GetItem} and
     * {@code dynamodb:Query} on the scores table and its indexes, so the session can do no more than
     * that, whatever the role itself may do.
     *
     * @param roleArn the operator role
     * @param sessionName the role session's name
     * @param externalId the agreed external id
     * @param table the scores table
     * @return the temporary credentials of the read-only session
     * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session">Session policies</a>
     */
    public AwsSessionCredentials assumeReadOnly(
            String roleArn, String sessionName, String externalId, ScoresTable table) {
        throw new UnsupportedOperationException("TODO 2.8: call sts.assumeRole for " + roleArn
                + " with a session policy (the Policy parameter) that allows only GetItem and Query on " + table.arn()
                + " and its indexes");
    }
}
