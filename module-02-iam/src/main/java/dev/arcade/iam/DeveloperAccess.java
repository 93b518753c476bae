package dev.arcade.iam;

import software.amazon.awssdk.services.iam.IamClient;

/**
 * Exercise 2.6: a role for Arcade's developers, capped by a permissions boundary so that no
 * permissions policy attached to it, not even {@code AdministratorAccess}, lets it do more than the
 * boundary allows.
 */
public final class DeveloperAccess {
    private final IamClient iam;

    /**
     * @param iam the client to create the boundary and the role with
     */
    public DeveloperAccess(IamClient iam) {
        this.iam = iam;
    }

    /**
     * The developer role's trust policy: it names the account, so any of the account's users or
     * roles whose own policies allow {@code sts:AssumeRole} on the role may assume it. Given code.
     *
     * @param accountId the account
     * @return the trust policy JSON
     */
    public static String developerTrustPolicy(String accountId) {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": {"AWS": "arn:aws:iam::%s:root"},
                      "Action": "sts:AssumeRole"
                    }
                  ]
                }""".formatted(accountId);
    }

    /**
     * Creates the customer managed policy {@code boundaryName} and the role {@code roleName} (with
     * {@link #developerTrustPolicy(String)}, and no permissions policy) whose permissions boundary it
     * is. The boundary allows only:
     * <ul>
     *   <li>{@code dynamodb:GetItem}, {@code PutItem}, {@code UpdateItem}, {@code DeleteItem},
     *       {@code Query} and {@code Scan} on the scores table and its indexes;</li>
     *   <li>{@code iam:CreateRole}, and only when the new role gets this same boundary (condition key
     *       {@code iam:PermissionsBoundary}), so that a developer cannot create a role that escapes it.</li>
     * </ul>
     *
     * @param roleName the developer role's name
     * @param boundaryName the boundary policy's name
     * @param table the scores table, also the account the role and policy live in
     * @return the developer role's ARN
     * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html">Permissions boundaries for IAM entities</a>
     */
    public String createDeveloperRole(String roleName, String boundaryName, ScoresTable table) {
        throw new UnsupportedOperationException("TODO 2.6: create boundary policy " + boundaryName + " and role "
                + roleName + " with it as its permissions boundary");
    }
}
