package dev.arcade.kit.backend;

/**
 * The chosen backend cannot run here. The message is one sentence that names the fix, ready to be
 * shown to a learner as it is.
 */
public class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its one-sentence fix. */
    public BackendUnavailableException(String message) {
        super(message);
    }

    /** A failure with its one-sentence fix and the underlying cause. */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
