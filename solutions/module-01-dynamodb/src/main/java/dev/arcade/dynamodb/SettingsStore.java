package dev.arcade.dynamodb;

import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Exercise 1.9: player settings edited from several devices, with optimistic locking.
 *
 * @see <a href="https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/ddb-en-client-extensions.html">Enhanced Client extensions: VersionedRecordExtension (optimistic locking)</a>
 */
public final class SettingsStore {
    /** How many times {@link #update} tries before it gives up. */
    public static final int MAX_ATTEMPTS = 3;

    private final DynamoDbTable<PlayerSettings> table;

    /**
     * @param enhanced  the Enhanced Client to use
     * @param tableName the scores table
     */
    public SettingsStore(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, PlayerSettings.TABLE_SCHEMA);
    }

    /** The player's settings, or empty when the player has none yet. */
    public Optional<PlayerSettings> load(String playerId) {
        return Optional.ofNullable(table.getItem(Key.builder()
                .partitionValue(ScoreTable.playerKey(playerId))
                .sortValue(ScoreTable.SETTINGS)
                .build()));
    }

    /**
     * Writes {@code settings} if nobody saved a newer version since they were loaded.
     *
     * @return the settings as stored, with their new version
     * @throws StaleSettingsException when the stored version is not the one {@code settings} were loaded with
     */
    public PlayerSettings save(PlayerSettings settings) {
        try {
            // the VersionedRecordExtension adds "version = :loaded" (or "attribute_not_exists(version)") and the +1
            return table.updateItem(settings);
        } catch (ConditionalCheckFailedException e) {
            throw new StaleSettingsException(settings.playerId(), e);
        }
    }

    /**
     * Loads the settings (or starts new ones), applies {@code change} and saves, starting again from a
     * fresh load when someone else saved in between; at most {@link #MAX_ATTEMPTS} times.
     *
     * @return the settings as stored
     * @throws StaleSettingsException when every attempt lost the race
     */
    public PlayerSettings update(String playerId, Consumer<PlayerSettings> change) {
        StaleSettingsException lost = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            PlayerSettings settings = load(playerId).orElseGet(() -> PlayerSettings.forPlayer(playerId));
            change.accept(settings);
            try {
                return save(settings);
            } catch (StaleSettingsException e) {
                lost = e;
            }
        }
        throw lost;
    }
}
