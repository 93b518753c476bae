package dev.arcade.evaluators.logs;

/**
 * A filter pattern CloudWatch Logs refuses. PutMetricFilter, PutSubscriptionFilter, TestMetricFilter
 * and FilterLogEvents answer such a pattern with {@code InvalidParameterException} (HTTP 400); the
 * wording of the reason is the kit's, as the documentation does not give AWS's.
 */
public final class InvalidFilterPatternException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The error code CloudWatch Logs answers with. */
    public static final String ERROR_CODE = "InvalidParameterException";

    private final String reason;

    /**
     * A refusal.
     *
     * @param reason what is wrong, for a learner: "an unquoted term may only hold letters, digits and _"
     */
    public InvalidFilterPatternException(String reason) {
        super("Invalid filter pattern: " + reason);
        this.reason = reason;
    }

    /** What is wrong, without the "Invalid filter pattern" prefix. */
    public String reason() {
        return reason;
    }
}
