package dev.arcade.dynamodb;

import java.time.Instant;
import java.util.Objects;

/**
 * One game a player played, as the history shows it.
 *
 * @param score    the points of that game
 * @param playedAt when it was played
 */
public record Play(long score, Instant playedAt) {
    /** Checks that the time is present. */
    public Play {
        Objects.requireNonNull(playedAt, "playedAt");
    }
}
