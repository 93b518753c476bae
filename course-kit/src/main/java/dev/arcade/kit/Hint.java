package dev.arcade.kit;

/**
 * The pointer to an exercise's hints that ends every failure message a learner reads:
 * {@code " (hint: ./workshop hint 1.3)"}. The {@link AwsTestExtension} adds it to a graded test's
 * failed assertion when the message has none; code that builds a message for another place (a
 * helper that throws its own exception, a fixture) uses {@link #of(String)}.
 */
public final class Hint {
    /** What every hint pointer starts with. */
    static final String POINTER = " (hint: ./workshop hint ";

    private Hint() {}

    /** {@code " (hint: ./workshop hint 1.3)"}. */
    public static String of(String exercise) {
        return POINTER + exercise + ")";
    }
}
