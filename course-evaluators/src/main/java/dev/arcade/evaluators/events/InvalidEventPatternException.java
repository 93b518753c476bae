package dev.arcade.evaluators.events;

/**
 * Thrown for a pattern EventBridge refuses: the {@code InvalidEventPatternException} of {@code
 * PutRule} and {@code TestEventPattern} (EventBridge API Reference), whose message reads {@code
 * Event pattern is not valid. Reason: ...}. Lambda's {@code CreateEventSourceMapping} refuses the
 * same patterns in its {@code FilterCriteria}.
 *
 * <p>{@link #getMessage()} is the message as EventBridge writes it; {@link #awsError()} prefixes
 * the error code, as the AWS CLI prints it.
 */
public final class InvalidEventPatternException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The error code of the EventBridge API. */
    public static final String ERROR_CODE = "InvalidEventPatternException";

    private final String reason;

    /**
     * Creates the exception.
     *
     * @param reason what is wrong, after {@code Reason:}
     */
    public InvalidEventPatternException(String reason) {
        super("Event pattern is not valid. Reason: " + reason);
        this.reason = reason;
    }

    /**
     * The reason alone, without the leading sentence.
     *
     * @return for example {@code "source" must be an object or an array}
     */
    public String reason() {
        return reason;
    }

    /**
     * The error as the AWS CLI shows it.
     *
     * @return {@code InvalidEventPatternException: Event pattern is not valid. Reason: ...}
     */
    public String awsError() {
        return ERROR_CODE + ": " + getMessage();
    }
}
