package dev.arcade.evaluators.iam;

/**
 * Thrown when a policy document cannot be parsed, or is not valid for the role it is given.
 *
 * <p>The message is written for a learner: it says which statement and element are wrong and, where
 * it can, what IAM expects instead.
 */
public final class PolicyParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the policy, in English
     */
    public PolicyParseException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the parser error underneath.
     *
     * @param message what is wrong with the policy, in English
     * @param cause the underlying parser error
     */
    public PolicyParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
