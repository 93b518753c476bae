package dev.arcade.dynamodb;

/** The pointer to the hints that ends every failure message. */
final class Hint {
    private Hint() {}

    /** {@code " (hint: ./workshop hint 1.3)"}. */
    static String of(String exercise) {
        return " (hint: ./workshop hint " + exercise + ")";
    }
}
