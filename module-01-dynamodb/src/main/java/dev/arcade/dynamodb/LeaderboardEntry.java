package dev.arcade.dynamodb;

import java.util.Objects;

/**
 * One line of a game's leaderboard.
 *
 * @param rank     1 for the best score, then 2, 3, ...
 * @param playerId who holds the score
 * @param score    the player's best score in the game
 */
public record LeaderboardEntry(int rank, String playerId, long score) {
    /** Checks that the player is present and the rank starts at 1. */
    public LeaderboardEntry {
        Objects.requireNonNull(playerId, "playerId");
        if (rank < 1) {
            throw new IllegalArgumentException("ranks start at 1, got " + rank);
        }
    }
}
