package dev.arcade.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The layout of the Arcade scores table, in one place: attribute names, the index name and the
 * formats of the keys. Given: every exercise uses it, and the lesson explains each choice.
 *
 * <pre>
 * PK              SK                                   other attributes
 * PLAYER#alice    BEST#tetris                          playerId, game, score (N), achievedAt   (in the Leaderboard index)
 * PLAYER#alice    PLAY#tetris#2026-11-26T10:15:30.000Z score (N), playedAt                    (history; not in the index)
 * PLAYER#alice    PROFILE                              nickname, coins (N), gamesPlayed (N), recentResults (L of M)
 * PLAYER#alice    SETTINGS                             nickname, language, soundOn, version (N)
 * </pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-sort-keys.html">Using sort keys to organize data</a>
 */
public final class ScoreTable {
    /** The table's partition key, a String: {@code PLAYER#<playerId>}. */
    public static final String PK = "PK";
    /** The table's sort key, a String: {@code BEST#<game>}, {@code PLAY#<game>#<timestamp>}, {@code PROFILE}, {@code SETTINGS}. */
    public static final String SK = "SK";

    /** The global secondary index that serves per-game leaderboards: partition key {@link #GAME}, sort key {@link #SCORE}. */
    public static final String LEADERBOARD_INDEX = "Leaderboard";

    /** The player's id, a String, on best-score items (and projected into the leaderboard index). */
    public static final String PLAYER_ID = "playerId";
    /** The game's id, a String; only best-score items carry it, which keeps history items out of the index. */
    public static final String GAME = "game";
    /** The score, a Number. */
    public static final String SCORE = "score";
    /** When a best score was reached, an ISO-8601 String. */
    public static final String ACHIEVED_AT = "achievedAt";
    /** When a game was played, an ISO-8601 String, on history items. */
    public static final String PLAYED_AT = "playedAt";

    /** The sort key of a player's profile item. */
    public static final String PROFILE = "PROFILE";
    /** The sort key of a player's settings item. */
    public static final String SETTINGS = "SETTINGS";
    /** Profile: how many games the player has played, a Number. */
    public static final String GAMES_PLAYED = "gamesPlayed";
    /** Profile: the most recent results, newest first, a List of Maps. */
    public static final String RECENT_RESULTS = "recentResults";
    /** Profile: the player's coins, a Number. */
    public static final String COINS = "coins";
    /** Profile: the player's display name, a String. */
    public static final String NICKNAME = "nickname";

    /**
     * Timestamps in sort keys must sort as strings in time order, so they have a fixed width:
     * always milliseconds, always UTC ({@code Instant.toString()} drops zero fractions, and
     * {@code "...:30Z"} would sort after {@code "...:30.500Z"}).
     */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ScoreTable() {}

    /** The partition key value of a player: {@code PLAYER#alice}. */
    public static String playerKey(String playerId) {
        return "PLAYER#" + playerId;
    }

    /** The sort key value of a player's best score in a game: {@code BEST#tetris}. */
    public static String bestScoreKey(String game) {
        return "BEST#" + game;
    }

    /** The sort key value of one play of a game: {@code PLAY#tetris#2026-11-26T10:15:30.000Z}. */
    public static String playKey(String game, Instant playedAt) {
        return playPrefix(game) + timestamp(playedAt);
    }

    /**
     * What every play of a game starts with: {@code PLAY#tetris#}. The closing {@code #} matters:
     * without it the prefix of {@code tetris} would also match {@code tetris-duel}.
     */
    public static String playPrefix(String game) {
        return "PLAY#" + game + "#";
    }

    /** A fixed-width, sortable ISO-8601 timestamp in UTC with milliseconds. */
    public static String timestamp(Instant instant) {
        return SORTABLE.format(instant);
    }
}
