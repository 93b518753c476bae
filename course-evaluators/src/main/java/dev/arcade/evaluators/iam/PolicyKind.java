package dev.arcade.evaluators.iam;

/** The role a policy plays in evaluating a request. */
public enum PolicyKind {
    /** An inline or managed policy attached to the user, its groups, or the role. */
    IDENTITY,
    /** A policy attached to the resource, such as a Lambda function policy or a role trust policy. */
    RESOURCE,
    /** The managed policy set as the user's or role's permissions boundary. */
    PERMISSIONS_BOUNDARY,
    /** A policy passed when the role session (or federated user session) was created. */
    SESSION;

    /**
     * A lower-case English name for explanations.
     *
     * @return for example {@code "permissions boundary"}
     */
    public String label() {
        return switch (this) {
            case IDENTITY -> "identity policy";
            case RESOURCE -> "resource-based policy";
            case PERMISSIONS_BOUNDARY -> "permissions boundary";
            case SESSION -> "session policy";
        };
    }

    /**
     * The English name with its indefinite article.
     *
     * @return for example {@code "an identity policy"}
     */
    public String labelWithArticle() {
        return (this == IDENTITY ? "an " : "a ") + label();
    }
}
