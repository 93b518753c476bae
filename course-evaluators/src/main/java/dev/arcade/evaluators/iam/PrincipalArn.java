package dev.arcade.evaluators.iam;

import dev.arcade.evaluators.iam.RequestContext.PrincipalType;
import dev.arcade.evaluators.iam.internal.Arns;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A caller's ARN, parsed, following the ARN formats of "IAM identifiers" (IAM User Guide): an IAM
 * user, a role, a role session ({@code assumed-role}), a federated user or the account root user.
 *
 * <p>Two readings of principal ARNs live here. {@link #parse} reads the caller of a request, whose
 * partition must be one AWS has. {@link #namesAccount}, {@link #namesRole} and {@link #isRoleArn}
 * read ARNs as written in a policy, and accept any partition name.
 *
 * @param type the kind of caller
 * @param arn the ARN as given
 * @param partition for example {@code aws}
 * @param account the 12-digit account ID
 * @param userName the IAM user's name (without its path), or null
 * @param roleName the role's name (without its path), for roles and role sessions, or null
 * @param roleArn the role's ARN, for roles and role sessions, or null; for a session it has no path
 *     unless one was set with {@link #withRoleArn}
 * @param sessionName the role session's or federated user's name, or null
 */
record PrincipalArn(
        PrincipalType type,
        String arn,
        String partition,
        String account,
        String userName,
        String roleName,
        String roleArn,
        String sessionName) {

    /** The partitions a caller's ARN may name ("Identify AWS resources with Amazon Resource Names"). */
    private static final String PARTITION = "(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b)";
    /** A partition as written in a policy: any name, as the policy says. */
    private static final String ANY_PARTITION = "[a-z-]+";

    private static final String ACCOUNT = "(" + Arns.ACCOUNT_ID_REGEX + ")";

    // Groups: 1 partition, 2 account, then the names. A path, where IAM allows one, is skipped.
    private static final Pattern USER = principal(PARTITION, ":iam::" + ACCOUNT + ":user/(?:.*/)?([^/]+)");
    private static final Pattern ROLE = principal(PARTITION, ":iam::" + ACCOUNT + ":role/(?:.*/)?([^/]+)");
    private static final Pattern SESSION = principal(PARTITION, ":sts::" + ACCOUNT + ":assumed-role/([^/]+)/(.+)");
    private static final Pattern FEDERATED = principal(PARTITION, ":sts::" + ACCOUNT + ":federated-user/(.+)");
    private static final Pattern ROOT = principal(PARTITION, ":iam::" + ACCOUNT + ":root");

    // Groups: 1 account, 2 the role's name.
    private static final Pattern ROOT_IN_POLICY = principal(ANY_PARTITION, ":iam::" + ACCOUNT + ":root");
    private static final Pattern ROLE_IN_POLICY =
            principal(ANY_PARTITION, ":iam::" + ACCOUNT + ":role/(?:.*/)?([^/]+)");
    private static final Pattern ROLE_RESOURCE =
            principal(ANY_PARTITION, ":iam::" + Arns.ACCOUNT_ID_REGEX + ":role/.+");

    private static Pattern principal(String partition, String rest) {
        return Pattern.compile("arn:" + partition + rest);
    }

    /**
     * Parses a caller's ARN.
     *
     * @param arn the ARN
     * @return the parsed ARN
     * @throws IllegalArgumentException when it is not the ARN of a user, role, role session,
     *     federated user or root user
     */
    static PrincipalArn parse(String arn) {
        return tryParse(arn)
                .orElseThrow(() -> new IllegalArgumentException("\"" + arn + "\" is not a principal ARN;"
                        + " use a user (arn:aws:iam::123456789012:user/alice), a role session"
                        + " (arn:aws:sts::123456789012:assumed-role/RoleName/session), a role"
                        + " (arn:aws:iam::123456789012:role/RoleName) or a root ARN (arn:aws:iam::123456789012:root)"));
    }

    /**
     * Parses a caller's ARN, if it is one.
     *
     * @param arn the ARN
     * @return the parsed ARN, or empty when it is not a principal ARN
     */
    static Optional<PrincipalArn> tryParse(String arn) {
        Matcher m;
        if ((m = USER.matcher(arn)).matches()) {
            return Optional.of(new PrincipalArn(
                    PrincipalType.IAM_USER, arn, m.group(1), m.group(2), m.group(3), null, null, null));
        }
        if ((m = SESSION.matcher(arn)).matches()) {
            String roleArn = "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3);
            return Optional.of(new PrincipalArn(
                    PrincipalType.ROLE_SESSION, arn, m.group(1), m.group(2), null, m.group(3), roleArn, m.group(4)));
        }
        if ((m = ROLE.matcher(arn)).matches()) {
            return Optional.of(
                    new PrincipalArn(PrincipalType.ROLE, arn, m.group(1), m.group(2), null, m.group(3), arn, null));
        }
        if ((m = FEDERATED.matcher(arn)).matches()) {
            return Optional.of(new PrincipalArn(
                    PrincipalType.FEDERATED_USER, arn, m.group(1), m.group(2), null, null, null, m.group(3)));
        }
        if ((m = ROOT.matcher(arn)).matches()) {
            return Optional.of(
                    new PrincipalArn(PrincipalType.ROOT, arn, m.group(1), m.group(2), null, null, null, null));
        }
        return Optional.empty();
    }

    /**
     * Gives a role session the full ARN of its role, path included: a session ARN does not show the
     * role's path, but {@code aws:PrincipalArn} does.
     *
     * @param fullRoleArn the role's ARN, such as {@code arn:aws:iam::123456789012:role/service-role/MyFn}
     * @return this session with that role ARN, or empty when this is not a role session, or the ARN
     *     is not that of a role with this session's account and role name
     */
    Optional<PrincipalArn> withRoleArn(String fullRoleArn) {
        Matcher m = ROLE.matcher(fullRoleArn);
        if (type != PrincipalType.ROLE_SESSION
                || !m.matches()
                || !m.group(3).equals(roleName)
                || !m.group(2).equals(account)) {
            return Optional.empty();
        }
        return Optional.of(
                new PrincipalArn(type, arn, partition, account, userName, roleName, fullRoleArn, sessionName));
    }

    /**
     * Tells whether a value of a policy's {@code "AWS"} principal names an account: its ID, or its
     * root user's ARN ("AWS JSON policy elements: Principal", "AWS account principals").
     *
     * @param value the value as written in the policy
     * @param account the caller's account, or null
     * @return true when the value names that account
     */
    static boolean namesAccount(String value, String account) {
        if (account == null) {
            return false;
        }
        if (Arns.isAccountId(value)) {
            return value.equals(account);
        }
        Matcher root = ROOT_IN_POLICY.matcher(value);
        return root.matches() && root.group(1).equals(account);
    }

    /**
     * Tells whether a value of a policy's {@code "AWS"} principal is the ARN of a role, compared by
     * account and role name: a session ARN does not carry the role's path, so a role ARN written
     * with a path must still match the sessions of that role.
     *
     * @param value the value as written in the policy
     * @param account the caller's account, or null
     * @param roleName the caller's role name, or null
     * @return true when the value is the ARN of that role
     */
    static boolean namesRole(String value, String account, String roleName) {
        Matcher role = ROLE_IN_POLICY.matcher(value);
        return role.matches() && role.group(1).equals(account) && role.group(2).equals(roleName);
    }

    /**
     * Tells whether a resource is a role's ARN, as {@code sts:AssumeRole} takes it.
     *
     * @param resource the request's resource
     * @return true for {@code arn:PARTITION:iam::ACCOUNT:role/...}
     */
    static boolean isRoleArn(String resource) {
        return ROLE_RESOURCE.matcher(resource).matches();
    }
}
