package dev.arcade.lambda.iam;

import java.util.Objects;

/**
 * The execution role session a function's credentials belong to: Lambda assumes the function's execution
 * role with the function's name as the session name ("Lambda execution role", AWS Lambda Developer Guide),
 * so the caller AWS sees is {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/FUNCTION}.
 *
 * @param account the 12-digit account of the role
 * @param region the function's region, used when a request's credential scope names none
 * @param roleName the role's name, without its path
 * @param roleArn the role's ARN, with its path, such as {@code arn:aws:iam::123456789012:role/service-role/ScoresRole}
 * @param sessionName the session name, the function's name
 */
public record RoleSession(String account, String region, String roleName, String roleArn, String sessionName) {

    /** Checks that every part is given. */
    public RoleSession {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(sessionName, "sessionName");
    }

    /**
     * A session of a role without a path.
     *
     * @param account the account
     * @param region the region
     * @param roleName the role's name
     * @param functionName the function's name, the session name
     * @return the session
     */
    public static RoleSession of(String account, String region, String roleName, String functionName) {
        return new RoleSession(
                account, region, roleName, "arn:aws:iam::" + account + ":role/" + roleName, functionName);
    }

    /**
     * The session's ARN, the caller AWS names in its messages ("IAM identifiers", IAM User Guide: an assumed
     * role session ARN does not show the role's path).
     *
     * @return {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}
     */
    public String sessionArn() {
        return "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName;
    }
}
