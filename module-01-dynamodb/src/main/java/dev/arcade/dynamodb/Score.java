package dev.arcade.dynamodb;

import java.time.Instant;
import java.util.Objects;

/**
 * A player's score in one game, and when it was reached.
 *
 * @param playerId   who played, for example {@code alice}
 * @param game       which game, for example {@code tetris}
 * @param score      the points, never negative
 * @param achievedAt when the score was reached
 */
public record Score(String playerId, String game, long score, Instant achievedAt) {
    /** Checks that every part is present and the score is not negative. */
    public Score {
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(achievedAt, "achievedAt");
        if (score < 0) {
            throw new IllegalArgumentException("a score cannot be negative: " + score);
        }
    }
}
