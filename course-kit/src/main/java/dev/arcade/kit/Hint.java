package dev.arcade.kit;

/** The pointer to the hints that ends every failure message a learner reads. */
public final class Hint {
    private Hint() {}

    /** {@code " (hint: ./workshop hint 1.3)"}. */
    public static String of(String exercise) {
        return " (hint: ./workshop hint " + exercise + ")";
    }
}
