package dev.arcade.dynamodb;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a player's "recent results" list on the profile.
 *
 * @param game     which game
 * @param score    the points
 * @param playedAt when it was played
 */
public record RecentResult(String game, long score, Instant playedAt) {
    /** Checks that every part is present. */
    public RecentResult {
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(playedAt, "playedAt");
    }
}
