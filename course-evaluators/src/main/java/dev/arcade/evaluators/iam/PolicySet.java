package dev.arcade.evaluators.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The policies that apply to one request, each with a name for explanations and the role it plays.
 *
 * <p>The builder checks each policy against the rules IAM enforces when the policy is attached, so
 * that a policy AWS would reject with {@code MalformedPolicyDocument} is rejected here too, with a
 * message saying why: identity-based policies, permissions boundaries and session policies must not
 * have {@code Principal} or {@code NotPrincipal} and must have {@code Resource} or
 * {@code NotResource}; resource-based policies (trust policies included) must have {@code Principal}
 * or {@code NotPrincipal}.
 */
public final class PolicySet {

    /** A policy with its name and role. */
    record Named(String name, PolicyKind kind, PolicyDocument document) {}

    private final List<Named> policies;
    private final boolean hasBoundary;
    private final boolean hasSessionPolicies;

    private PolicySet(List<Named> policies) {
        this.policies = List.copyOf(policies);
        this.hasBoundary = policies.stream().anyMatch(p -> p.kind() == PolicyKind.PERMISSIONS_BOUNDARY);
        this.hasSessionPolicies = policies.stream().anyMatch(p -> p.kind() == PolicyKind.SESSION);
    }

    /**
     * Starts an empty set.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A set with no policies at all, under which every request (except the root user's within its
     * own account) is implicitly denied.
     *
     * @return the empty set
     */
    public static PolicySet empty() {
        return new PolicySet(List.of());
    }

    /**
     * Tells whether a permissions boundary is set.
     *
     * @return true when the caller has a permissions boundary
     */
    public boolean hasPermissionsBoundary() {
        return hasBoundary;
    }

    /**
     * Tells whether any session policy was passed.
     *
     * @return true when the session has session policies
     */
    public boolean hasSessionPolicies() {
        return hasSessionPolicies;
    }

    /**
     * The names of the policies of one kind, in the order they were added.
     *
     * @param kind the kind of policy
     * @return the names
     */
    public List<String> names(PolicyKind kind) {
        return policies.stream().filter(p -> p.kind() == kind).map(Named::name).toList();
    }

    /**
     * Tells whether the set has no policies.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return policies.isEmpty();
    }

    List<Named> policies() {
        return policies;
    }

    /** Collects the policies of a {@link PolicySet}. */
    public static final class Builder {
        private final List<Named> policies = new ArrayList<>();
        private boolean boundarySet;

        private Builder() {}

        /**
         * Adds an identity-based policy: an inline or managed policy of the user, one of its
         * groups, or the role. May be called any number of times.
         *
         * @param name a name for explanations, such as the policy's name in IAM
         * @param policy the policy
         * @return this builder
         * @throws PolicyParseException when the policy has a Principal or lacks a Resource
         */
        public Builder identityPolicy(String name, PolicyDocument policy) {
            return add(name, PolicyKind.IDENTITY, policy);
        }

        /**
         * Parses and adds an identity-based policy.
         *
         * @param name a name for explanations
         * @param json the policy JSON, or its URL-encoded form
         * @return this builder
         * @throws PolicyParseException when the policy cannot be parsed or is not a valid identity policy
         */
        public Builder identityPolicy(String name, String json) {
            return identityPolicy(name, PolicyDocument.parse(json));
        }

        /**
         * Adds a resource-based policy: a Lambda function policy, a bucket or queue policy, a key
         * policy, or a role's trust policy. May be called more than once.
         *
         * @param name a name for explanations
         * @param policy the policy
         * @return this builder
         * @throws PolicyParseException when a statement has no Principal or NotPrincipal
         */
        public Builder resourcePolicy(String name, PolicyDocument policy) {
            return add(name, PolicyKind.RESOURCE, policy);
        }

        /**
         * Parses and adds a resource-based policy.
         *
         * @param name a name for explanations
         * @param json the policy JSON, or its URL-encoded form
         * @return this builder
         * @throws PolicyParseException when the policy cannot be parsed or is not a valid resource policy
         */
        public Builder resourcePolicy(String name, String json) {
            return resourcePolicy(name, PolicyDocument.parse(json));
        }

        /**
         * Sets the caller's permissions boundary. An IAM entity has at most one.
         *
         * @param name a name for explanations
         * @param policy the managed policy used as the boundary
         * @return this builder
         * @throws IllegalStateException when a boundary is already set
         * @throws PolicyParseException when the policy has a Principal or lacks a Resource
         */
        public Builder permissionsBoundary(String name, PolicyDocument policy) {
            if (boundarySet) {
                throw new IllegalStateException("a user or role has at most one permissions boundary");
            }
            boundarySet = true;
            return add(name, PolicyKind.PERMISSIONS_BOUNDARY, policy);
        }

        /**
         * Parses and sets the caller's permissions boundary.
         *
         * @param name a name for explanations
         * @param json the policy JSON, or its URL-encoded form
         * @return this builder
         */
        public Builder permissionsBoundary(String name, String json) {
            return permissionsBoundary(name, PolicyDocument.parse(json));
        }

        /**
         * Adds a session policy passed when the session was created (the inline {@code Policy}
         * parameter or one of the {@code PolicyArns}). When there are several, an action must be
         * allowed by at least one of them. A role session given none has its role's permissions; a
         * federated user session given none has no permissions from its IAM user's policies, as
         * "Permissions for GetFederationToken" (IAM User Guide) says, so for a federated user add the
         * session policy passed to {@code GetFederationToken} here.
         *
         * @param name a name for explanations
         * @param policy the session policy
         * @return this builder
         * @throws PolicyParseException when the policy has a Principal or lacks a Resource
         */
        public Builder sessionPolicy(String name, PolicyDocument policy) {
            return add(name, PolicyKind.SESSION, policy);
        }

        /**
         * Parses and adds a session policy.
         *
         * @param name a name for explanations
         * @param json the policy JSON, or its URL-encoded form
         * @return this builder
         */
        public Builder sessionPolicy(String name, String json) {
            return sessionPolicy(name, PolicyDocument.parse(json));
        }

        private Builder add(String name, PolicyKind kind, PolicyDocument policy) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(policy, "policy");
            for (PolicyStatement statement : policy.statements()) {
                String where = kind.label() + " \"" + name + "\", " + statement.label();
                if (kind == PolicyKind.RESOURCE) {
                    if (!statement.hasPrincipalElement()) {
                        throw new PolicyParseException(where + ": a resource-based policy must say whom it applies"
                                + " to with Principal (or NotPrincipal), such as"
                                + " \"Principal\": {\"Service\": \"lambda.amazonaws.com\"}");
                    }
                } else {
                    if (statement.hasPrincipalElement()) {
                        throw new PolicyParseException(
                                where + ": has a " + (statement.isNotPrincipal() ? "NotPrincipal" : "Principal")
                                        + " element, which IAM rejects in " + kind.labelWithArticle()
                                        + "; the policy applies to"
                                        + " the user or role it is attached to");
                    }
                    if (!statement.hasResourceElement()) {
                        throw new PolicyParseException(where + ": has no Resource (or NotResource) element, which "
                                + kind.labelWithArticle() + " requires; use \"Resource\": \"*\" or the ARNs it covers");
                    }
                }
            }
            policies.add(new Named(name, kind, policy));
            return this;
        }

        /**
         * Finishes the set.
         *
         * @return the policy set
         */
        public PolicySet build() {
            return new PolicySet(policies);
        }
    }
}
