package dev.arcade.functions;

/**
 * What storing a score did. Given.
 *
 * @param newBest whether the score is the player's new best in that game (the first score is one)
 * @param best the player's best score in that game after the submission
 */
public record Submission(boolean newBest, long best) {}
