package dev.arcade.dynamodb;

import java.lang.invoke.MethodHandles;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A player's settings, which the player edits from several devices: the Enhanced Client maps this
 * bean to the item {@code PK = PLAYER#<id>, SK = SETTINGS} of the scores table.
 *
 * <p>{@link #getVersion()} carries {@link DynamoDbVersionAttribute}: the Enhanced Client's
 * {@code VersionedRecordExtension} (on by default) writes version 1 for a new item, adds one on every
 * write, and makes each write conditional on the version it read.
 *
 * @see <a href="https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/ddb-en-client-extensions.html">Enhanced Client extensions: VersionedRecordExtension (optimistic locking)</a>
 */
@DynamoDbBean
public class PlayerSettings {
    /**
     * The Enhanced Client's schema of this bean: use it as {@code enhanced.table(tableName, PlayerSettings.TABLE_SCHEMA)}.
     *
     * <p>It is built once (building a schema is slow reflection) and with this class's own
     * {@code MethodHandles.lookup()}, so it also works when the bean and the SDK come from different class loaders
     * (application servers, plugin systems), where
     * {@code TableSchema.fromBean(PlayerSettings.class)} can fail with {@code NoClassDefFoundError}.
     */
    public static final TableSchema<PlayerSettings> TABLE_SCHEMA =
            TableSchema.fromBean(BeanTableSchemaParams.builder(PlayerSettings.class)
                    .lookup(MethodHandles.lookup())
                    .build());

    private String pk;
    private String sk;
    private String nickname;
    private String language;
    private Boolean soundOn;
    private Long version;

    /** An empty bean, for the Enhanced Client. */
    public PlayerSettings() {}

    /** New settings for {@code playerId}: the keys are set, everything else is empty, no version yet. */
    public static PlayerSettings forPlayer(String playerId) {
        PlayerSettings settings = new PlayerSettings();
        settings.setPk(ScoreTable.playerKey(playerId));
        settings.setSk(ScoreTable.SETTINGS);
        return settings;
    }

    /** The player's id, taken from the partition key. */
    public String playerId() {
        return pk == null ? null : pk.substring("PLAYER#".length());
    }

    /** The partition key, {@code PLAYER#<id>}. */
    @DynamoDbPartitionKey
    @DynamoDbAttribute("PK")
    public String getPk() {
        return pk;
    }

    /** Sets the partition key. */
    public void setPk(String pk) {
        this.pk = pk;
    }

    /** The sort key, always {@code SETTINGS}. */
    @DynamoDbSortKey
    @DynamoDbAttribute("SK")
    public String getSk() {
        return sk;
    }

    /** Sets the sort key. */
    public void setSk(String sk) {
        this.sk = sk;
    }

    /** The name shown on leaderboards. */
    public String getNickname() {
        return nickname;
    }

    /** Sets the name shown on leaderboards. */
    public void setNickname(String nickname) {
        this.nickname = nickname;
    }

    /** The language of the game's texts, for example {@code en}. */
    public String getLanguage() {
        return language;
    }

    /** Sets the language of the game's texts. */
    public void setLanguage(String language) {
        this.language = language;
    }

    /** Whether the game plays sound. */
    public Boolean getSoundOn() {
        return soundOn;
    }

    /** Sets whether the game plays sound. */
    public void setSoundOn(Boolean soundOn) {
        this.soundOn = soundOn;
    }

    /** The version the Enhanced Client checks and increments on every write; null before the first save. */
    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    /** Sets the version; only the Enhanced Client should. */
    public void setVersion(Long version) {
        this.version = version;
    }

    @Override
    public String toString() {
        return "PlayerSettings[player=" + playerId() + ", nickname=" + nickname + ", language=" + language
                + ", soundOn=" + soundOn + ", version=" + version + "]";
    }
}
