package dev.arcade.iam;

import dev.arcade.evaluators.iam.PolicyDocument;
import dev.arcade.evaluators.iam.PolicyParseException;
import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.kit.Hint;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Reads a role and its policies back through the IAM API with the kit's own client, the way an
 * auditor would, and parses every document with the kit's evaluator. A document the evaluator cannot
 * parse, or a missing role or policy, fails the test with a message that names it; the kit's extension
 * ends it with the hint pointer.
 *
 * <p>GetRole and GetRolePolicy return URL-encoded documents (as AWS does); {@link PolicyDocument#parse}
 * decodes them.
 */
final class IamReadBack {
    private final IamClient kit;
    private final String hint;

    IamReadBack(IamClient kit, String exercise) {
        this.kit = kit;
        this.hint = Hint.of(exercise);
    }

    /** The role; fails when it does not exist. */
    Role role(String roleName) {
        try {
            return kit.getRole(r -> r.roleName(roleName)).role();
        } catch (NoSuchEntityException e) {
            throw new AssertionError(
                    "expected role " + roleName + " to exist, but GetRole found no such role:"
                            + " create it with CreateRole",
                    e);
        }
    }

    /** The role's trust policy. */
    PolicyDocument trustPolicy(String roleName) {
        Role role = role(roleName);
        return parse("the trust policy (AssumeRolePolicyDocument) of role " + roleName, role::assumeRolePolicyDocument);
    }

    /** The role's inline policies, by name. */
    Map<String, PolicyDocument> inlinePolicies(String roleName) {
        Map<String, PolicyDocument> out = new LinkedHashMap<>();
        for (String name : kit.listRolePolicies(r -> r.roleName(roleName)).policyNames()) {
            out.put(
                    name,
                    parse(
                            "the inline policy \"" + name + "\" of role " + roleName,
                            () -> kit.getRolePolicy(r -> r.roleName(roleName).policyName(name))
                                    .policyDocument()));
        }
        return out;
    }

    /** The managed policies attached to the role, by ARN, each as its default version says. */
    Map<String, PolicyDocument> attachedPolicies(String roleName) {
        Map<String, PolicyDocument> out = new LinkedHashMap<>();
        for (AttachedPolicy attached :
                kit.listAttachedRolePolicies(r -> r.roleName(roleName)).attachedPolicies()) {
            out.put(attached.policyArn(), managedPolicy(attached.policyArn()));
        }
        return out;
    }

    /** A managed policy's default version. */
    PolicyDocument managedPolicy(String policyArn) {
        Policy policy;
        try {
            policy = kit.getPolicy(r -> r.policyArn(policyArn)).policy();
        } catch (NoSuchEntityException e) {
            throw new AssertionError(
                    "expected the managed policy " + policyArn + " to exist, but GetPolicy found" + " no such policy",
                    e);
        }
        return parse(
                "the managed policy " + policyArn + " (version " + policy.defaultVersionId() + ")",
                () -> kit.getPolicyVersion(r -> r.policyArn(policyArn).versionId(policy.defaultVersionId()))
                        .policyVersion()
                        .document());
    }

    /** The ARN of the role's permissions boundary, if it has one. */
    Optional<String> boundaryArn(String roleName) {
        Role role = role(roleName);
        return Optional.ofNullable(role.permissionsBoundary()).map(b -> b.permissionsBoundaryArn());
    }

    /**
     * The role's permissions policies (inline and attached) as identity-based policies, and its
     * permissions boundary if it has one, ready to evaluate.
     */
    PolicySet.Builder permissions(String roleName) {
        PolicySet.Builder set = PolicySet.builder();
        inlinePolicies(roleName)
                .forEach((name, doc) -> valid(
                        "the inline policy \"" + name + "\" of role " + roleName,
                        () -> set.identityPolicy("inline " + name, doc)));
        attachedPolicies(roleName)
                .forEach((arn, doc) -> valid(
                        "the managed policy " + arn + " attached to role " + roleName,
                        () -> set.identityPolicy(arn, doc)));
        boundaryArn(roleName).ifPresent(arn -> {
            PolicyDocument boundary = managedPolicy(arn);
            valid(
                    "the permissions boundary " + arn + " of role " + roleName,
                    () -> set.permissionsBoundary(arn, boundary));
        });
        return set;
    }

    /**
     * Parses a document, failing the test with the parser's message when it is not a valid policy. The
     * hint pointer goes before the document, which can be long: at the end it could be cut off with it.
     */
    PolicyDocument parse(String what, Supplier<String> document) {
        String text = document.get();
        try {
            return PolicyDocument.parse(text);
        } catch (PolicyParseException e) {
            throw new AssertionError(
                    "expected " + what + " to be a valid IAM policy, but " + e.getMessage() + hint + ":\n"
                            + readable(text),
                    e);
        }
    }

    /** The document as JSON text, decoded if IAM returned it URL-encoded. */
    static String readable(String document) {
        String text = document.strip();
        if (text.startsWith("%")) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
        return text;
    }

    /** Runs a step that checks a policy's role-specific rules (no Principal in an identity policy, ...). */
    void valid(String what, Runnable step) {
        try {
            step.run();
        } catch (PolicyParseException e) {
            throw new AssertionError("expected " + what + " to be valid for its use, but " + e.getMessage(), e);
        }
    }
}
