package dev.arcade.dynamodb;

import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Exercise 1.9: player settings edited from several devices, with optimistic locking through the
 * Enhanced Client and {@link PlayerSettings}' {@code @DynamoDbVersionAttribute}.
 *
 * @see <a href="https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/ddb-en-client-extensions.html">Enhanced Client extensions: VersionedRecordExtension (optimistic locking)</a>
 */
public final class SettingsStore {
    /** How many times {@link #update} tries before it gives up. */
    public static final int MAX_ATTEMPTS = 3;

    private final DynamoDbEnhancedClient enhanced;
    private final String tableName;

    /**
     * @param enhanced  the Enhanced Client to use
     * @param tableName the scores table
     */
    public SettingsStore(DynamoDbEnhancedClient enhanced, String tableName) {
        this.enhanced = enhanced;
        this.tableName = tableName;
    }

    /**
     * The player's settings read with the Enhanced Client's {@code getItem}, or empty when the player has none.
     *
     * @see <a href="https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/dynamodb-enhanced-client.html">The DynamoDB Enhanced Client</a>
     */
    public Optional<PlayerSettings> load(String playerId) {
        throw new UnsupportedOperationException("TODO 1.9: getItem the settings of " + playerId
                + " through enhanced.table(tableName, PlayerSettings.TABLE_SCHEMA)");
    }

    /**
     * Writes {@code settings} if nobody saved a newer version since they were loaded (the version attribute
     * makes the write conditional).
     *
     * @return the settings as stored, with their new version
     * @throws StaleSettingsException when the stored version is not the one {@code settings} were loaded with
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html">Condition expressions</a>
     */
    public PlayerSettings save(PlayerSettings settings) {
        throw new UnsupportedOperationException("TODO 1.9: save " + settings
                + " with the Enhanced Client and turn ConditionalCheckFailedException into StaleSettingsException");
    }

    /**
     * Loads the settings (or starts from {@link PlayerSettings#forPlayer} when there are none), applies
     * {@code change} and saves, starting again from a fresh load when someone else saved in between; at most
     * {@link #MAX_ATTEMPTS} times.
     *
     * @return the settings as stored
     * @throws StaleSettingsException when every attempt lost the race
     */
    public PlayerSettings update(String playerId, Consumer<PlayerSettings> change) {
        throw new UnsupportedOperationException("TODO 1.9: load, change and save the settings of " + playerId
                + ", retrying up to " + MAX_ATTEMPTS + " times on StaleSettingsException");
    }
}
