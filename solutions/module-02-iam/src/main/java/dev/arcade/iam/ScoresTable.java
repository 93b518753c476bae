package dev.arcade.iam;

import java.util.Objects;

/**
 * The scores table of module 01, as IAM sees it: the account and region it lives in, its name, and
 * its ARN. Given code: you use it, you do not change it.
 *
 * <p>The table's items are keyed by player: every item of player {@code alice} has the partition
 * key {@code PK = "PLAYER#alice"} (her best scores {@code BEST#<game>}, her plays, her profile). The
 * {@value #LEADERBOARD_INDEX} index serves the per-game leaderboards.
 *
 * <p>An index has an ARN of its own: the table's ARN followed by {@code /index/} and the index
 * name. A policy that names only the table does not cover a Query on one of its indexes.
 *
 * @param region the table's region, for example {@code us-east-1}
 * @param accountId the 12-digit account that owns the table
 * @param name the table's name, for example {@code Scores}
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html#amazondynamodb-resources-for-iam-policies">DynamoDB resource types and their ARNs</a>
 */
public record ScoresTable(String region, String accountId, String name) {

    /** The name of the global secondary index that serves the leaderboards. */
    public static final String LEADERBOARD_INDEX = "Leaderboard";

    /** What every partition key starts with: {@code PLAYER#} and then the player's id. */
    public static final String PLAYER_KEY_PREFIX = "PLAYER#";

    /**
     * Checks the parts.
     *
     * @param region the table's region
     * @param accountId the account that owns the table
     * @param name the table's name
     */
    public ScoresTable {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(name, "name");
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("an account id has 12 digits, not " + accountId);
        }
    }

    /**
     * The table's ARN.
     *
     * @return for example {@code arn:aws:dynamodb:us-east-1:123456789012:table/Scores}
     */
    public String arn() {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + name;
    }

    /**
     * The partition key of a player's items.
     *
     * @param playerId the player's id, for example {@code alice}
     * @return for example {@code PLAYER#alice}
     */
    public static String playerKey(String playerId) {
        return PLAYER_KEY_PREFIX + playerId;
    }
}
