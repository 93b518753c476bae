package dev.arcade.lambda.iam;

import dev.arcade.evaluators.iam.Decision;
import dev.arcade.evaluators.iam.PolicyDocument;
import dev.arcade.evaluators.iam.PolicyEvaluator;
import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.evaluators.iam.RequestContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Reads a role's policies from IAM into the evaluator's {@link PolicySet}, and decides whether its trust
 * policy lets Lambda assume it.
 *
 * <p>In: an {@link IamClient} (the emulator's) and a role name. Calls, as the IAM API Reference describes
 * them: {@code GetRole} (the trust policy, {@code AssumeRolePolicyDocument}, and the permissions boundary,
 * {@code PermissionsBoundary.PermissionsBoundaryArn}); {@code ListRolePolicies} and {@code GetRolePolicy}
 * for each inline policy; {@code ListAttachedRolePolicies}, {@code GetPolicy} and
 * {@code GetPolicyVersion} of its {@code DefaultVersionId} for each managed policy and for the boundary.
 * Both list calls are followed through {@code Marker} while {@code IsTruncated}. IAM returns documents
 * URL-encoded (RFC 3986, "GetRolePolicy": "The policy document returned in this structure is URL-encoded
 * compliant with RFC 3986"); a document whose text starts with {@code %7B} is decoded.
 *
 * <p>Out: {@link Loaded}, with the set's policies named for explanations: an inline policy by its name,
 * a managed policy and the boundary by their ARNs.
 */
public final class RolePolicies {

    /** The service principal Lambda assumes execution roles as ("Lambda execution role"). */
    public static final String LAMBDA_SERVICE_PRINCIPAL = "lambda.amazonaws.com";

    private RolePolicies() {}

    /**
     * A role as read from IAM.
     *
     * @param roleName the role's name
     * @param roleArn the role's ARN, with its path
     * @param trustPolicy the role's trust policy
     * @param policies the inline and managed policies as identity-based policies, and the boundary
     */
    public record Loaded(String roleName, String roleArn, PolicyDocument trustPolicy, PolicySet policies) {}

    /**
     * Reads a role.
     *
     * @param iam the IAM client
     * @param roleName the role's name
     * @return the role's trust policy and policy set
     * @throws software.amazon.awssdk.services.iam.model.NoSuchEntityException when the role (or a policy) does not exist
     * @throws dev.arcade.evaluators.iam.PolicyParseException when a document is not a valid policy
     */
    public static Loaded load(IamClient iam, String roleName) {
        return load(iam, roleName, policy -> true);
    }

    /**
     * Reads a role, keeping only some of its inline and attached policies (the boundary is always kept).
     *
     * @param iam the IAM client
     * @param roleName the role's name
     * @param keep given an inline policy's name or an attached policy's ARN, whether to keep it
     * @return the role's trust policy and the kept policies
     */
    public static Loaded load(IamClient iam, String roleName, java.util.function.Predicate<String> keep) {
        Objects.requireNonNull(iam, "iam");
        Objects.requireNonNull(roleName, "roleName");
        Role role = iam.getRole(r -> r.roleName(roleName)).role();
        PolicyDocument trust = PolicyDocument.parse(decode(role.assumeRolePolicyDocument()));
        PolicySet.Builder set = PolicySet.builder();

        String marker = null;
        do {
            String m = marker;
            ListRolePoliciesResponse page =
                    iam.listRolePolicies(r -> r.roleName(roleName).marker(m));
            for (String name : page.policyNames()) {
                if (!keep.test(name)) {
                    continue;
                }
                String doc = iam.getRolePolicy(r -> r.roleName(roleName).policyName(name))
                        .policyDocument();
                set.identityPolicy(name, PolicyDocument.parse(decode(doc)));
            }
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);

        marker = null;
        do {
            String m = marker;
            ListAttachedRolePoliciesResponse page =
                    iam.listAttachedRolePolicies(r -> r.roleName(roleName).marker(m));
            for (AttachedPolicy attached : page.attachedPolicies()) {
                if (!keep.test(attached.policyArn())) {
                    continue;
                }
                set.identityPolicy(attached.policyArn(), managedDocument(iam, attached.policyArn()));
            }
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);

        if (role.permissionsBoundary() != null && role.permissionsBoundary().permissionsBoundaryArn() != null) {
            String arn = role.permissionsBoundary().permissionsBoundaryArn();
            set.permissionsBoundary(arn, managedDocument(iam, arn));
        }
        return new Loaded(role.roleName() == null ? roleName : role.roleName(), role.arn(), trust, set.build());
    }

    /**
     * Reads a role's policy set only.
     *
     * @param iam the IAM client
     * @param roleName the role's name
     * @return the policy set
     */
    public static PolicySet policySet(IamClient iam, String roleName) {
        return load(iam, roleName).policies();
    }

    /** AWS managed policies, which no account can change: read once per JVM. */
    private static final java.util.Map<String, PolicyDocument> AWS_MANAGED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static PolicyDocument managedDocument(IamClient iam, String policyArn) {
        if (policyArn.startsWith("arn:aws:iam::aws:policy/")) {
            PolicyDocument known = AWS_MANAGED.get(policyArn);
            if (known != null) {
                return known;
            }
            PolicyDocument read = readManaged(iam, policyArn);
            AWS_MANAGED.put(policyArn, read);
            return read;
        }
        return readManaged(iam, policyArn);
    }

    private static PolicyDocument readManaged(IamClient iam, String policyArn) {
        String version = iam.getPolicy(r -> r.policyArn(policyArn)).policy().defaultVersionId();
        GetPolicyVersionResponse v =
                iam.getPolicyVersion(r -> r.policyArn(policyArn).versionId(version));
        return PolicyDocument.parse(decode(v.policyVersion().document()));
    }

    /**
     * Decodes a document IAM returned URL-encoded: text starting with {@code %7B} (an encoded
     * {@code {}) is percent-decoded; anything else is returned as it is.
     *
     * @param document the document as IAM returned it
     * @return the JSON text
     */
    public static String decode(String document) {
        if (document == null) {
            return null;
        }
        String t = document.strip();
        if (t.regionMatches(true, 0, "%7B", 0, 3)) {
            // URLDecoder turns '+' into a space, as form encoding does; RFC 3986 encoding writes a space as
            // %20 and keeps '+' meaning '+', so protect it first.
            return URLDecoder.decode(t.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        return t;
    }

    /**
     * Decides whether a trust policy lets Lambda assume the role for a function: the caller is the
     * service principal {@code lambda.amazonaws.com}, the action {@code sts:AssumeRole}, the resource the
     * role, with {@code aws:SourceAccount} and {@code aws:SourceArn} set to the function's account and ARN,
     * as Lambda sends them ("The confused deputy problem", IAM User Guide; "Lambda execution role").
     *
     * @param trustPolicy the role's trust policy
     * @param roleArn the role's ARN
     * @param functionArn the function's ARN, {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}
     * @return the evaluator's decision, with its explanation
     */
    public static Decision trustDecision(PolicyDocument trustPolicy, String roleArn, String functionArn) {
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(functionArn, "functionArn");
        String[] parts = functionArn.split(":");
        if (parts.length < 7 || !"lambda".equals(parts[2]) || !"function".equals(parts[5])) {
            throw new IllegalArgumentException(
                    "a function ARN is arn:aws:lambda:REGION:ACCOUNT:function:NAME, not \"" + functionArn + "\"");
        }
        RequestContext caller = RequestContext.builder()
                .principalService(LAMBDA_SERVICE_PRINCIPAL)
                .action("sts:AssumeRole")
                .resource(roleArn)
                .context("aws:SourceAccount", parts[4])
                .context("aws:SourceArn", functionArn)
                .build();
        return PolicyEvaluator.canAssume(trustPolicy, caller);
    }

    /**
     * Tells whether a trust policy lets Lambda assume the role for a function; see
     * {@link #trustDecision(PolicyDocument, String, String)}.
     *
     * @param trustPolicy the role's trust policy
     * @param roleArn the role's ARN
     * @param functionArn the function's ARN
     * @return true when Lambda may assume the role
     */
    public static boolean trustAllowsLambda(PolicyDocument trustPolicy, String roleArn, String functionArn) {
        return trustDecision(trustPolicy, roleArn, functionArn).allowed();
    }

    /**
     * Tells whether a role's trust policy lets Lambda assume it for a function.
     *
     * @param role the role as loaded
     * @param functionArn the function's ARN
     * @return true when Lambda may assume the role
     */
    public static boolean trustAllowsLambda(Loaded role, String functionArn) {
        return trustAllowsLambda(role.trustPolicy(), role.roleArn(), functionArn);
    }
}
