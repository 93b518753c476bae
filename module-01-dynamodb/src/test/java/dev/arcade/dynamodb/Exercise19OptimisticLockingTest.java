package dev.arcade.dynamodb;

import static dev.arcade.dynamodb.ItemAssert.assertThatItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.sdk.ApiCalls;
import dev.arcade.kit.sdk.FaultPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@AwsTest
@Exercise("1.9")
@DisplayName("1.9 Edit settings from two devices with optimistic locking")
class Exercise19OptimisticLockingTest {

    private Learner learner;
    private ScoresFixture scores;
    private DynamoDbClient kit;
    private DynamoDbTable<PlayerSettings> kitTable;
    private SettingsStore store;

    @BeforeEach
    void seed(
            Learner learner,
            DynamoDbClient kit,
            DynamoDbEnhancedClient kitEnhanced,
            @CodeUnderTest DynamoDbEnhancedClient forLearner,
            ResourceNames names) {
        this.learner = learner;
        this.kit = kit;
        scores = ScoresFixture.create(kit, names);
        kitTable = kitEnhanced.table(scores.table(), PlayerSettings.TABLE_SCHEMA);
        store = new SettingsStore(forLearner, scores.table());
    }

    /** Stored settings for alice, version 1, written by the test's own client. */
    private void aliceHasSettings() {
        PlayerSettings settings = PlayerSettings.forPlayer("alice");
        settings.setNickname("Ace");
        settings.setLanguage("en");
        settings.setSoundOn(true);
        kitTable.putItem(settings);
    }

    /** What another device does: changes alice's language and bumps the version, as a versioned write would. */
    private void anotherDeviceChangesTheLanguage(String language) {
        kit.updateItem(b -> b.tableName(scores.table())
                .key(Map.of("PK", AttributeValue.fromS("PLAYER#alice"), "SK", AttributeValue.fromS("SETTINGS")))
                .updateExpression("SET #language = :language, version = version + :one")
                .expressionAttributeNames(Map.of("#language", "language"))
                .expressionAttributeValues(
                        Map.of(":language", AttributeValue.fromS(language), ":one", AttributeValue.fromN("1"))));
    }

    private PlayerSettings load(String playerId) {
        Optional<PlayerSettings> loaded = learner.call("load(\"" + playerId + "\")", () -> store.load(playerId));
        assertThat(loaded)
                .as("expected load(%s) to find the stored settings", playerId)
                .isNotNull()
                .isPresent();
        return loaded.get();
    }

    private PlayerSettings save(PlayerSettings settings) {
        return learner.call("save(" + settings + ")", () -> store.save(settings));
    }

    @Graded(points = 2)
    @DisplayName("saving new settings stores them with version 1 and returns them with that version")
    void save_storesNewSettingsAsVersionOne() {
        PlayerSettings fresh = PlayerSettings.forPlayer("alice");
        fresh.setNickname("Ace");

        PlayerSettings saved = save(fresh);

        assertThatItem(scores.settings("alice"))
                .as("the item PK = PLAYER#alice, SK = SETTINGS after saving new settings (the Enhanced Client's"
                        + " VersionedRecordExtension writes version 1 for a bean whose version is null)")
                .exists()
                .hasString("nickname", "Ace")
                .hasNumber("version", 1);
        assertThat(saved)
                .as("expected save to return the settings as stored, but it returned null")
                .isNotNull();
        assertThat(saved.getVersion())
                .as(
                        "expected the returned settings to carry the stored version 1 (table.updateItem(bean) returns the item"
                                + " as stored; table.putItem does not)")
                .isEqualTo(1L);
    }

    @Graded(points = 1)
    @DisplayName("saving loaded settings again adds one to the version")
    void save_bumpsTheVersionOnEverySave() {
        aliceHasSettings();

        PlayerSettings settings = load("alice");
        settings.setNickname("Ace of Spades");
        save(settings);

        assertThatItem(scores.settings("alice"))
                .as("alice's settings after one save of the loaded version 1")
                .hasString("nickname", "Ace of Spades")
                .hasNumber("version", 2);
    }

    @Graded(points = 2)
    @DisplayName("saving a stale copy fails with StaleSettingsException and leaves the newer settings untouched")
    void save_refusesAStaleCopy() {
        aliceHasSettings();
        PlayerSettings phone = load("alice");
        PlayerSettings tablet = load("alice");
        phone.setNickname("From the phone");
        save(phone);

        tablet.setNickname("From the tablet");
        learner.expectThrows(
                StaleSettingsException.class,
                "expected StaleSettingsException when the tablet saves version 1 after the phone saved version 2: the"
                        + " versioned write fails its condition with ConditionalCheckFailedException, which save must turn"
                        + " into StaleSettingsException",
                () -> store.save(tablet));
        assertThatItem(scores.settings("alice"))
                .as("alice's settings after the stale save was refused")
                .hasString("nickname", "From the phone")
                .hasNumber("version", 2);
    }

    @Graded(points = 1)
    @DisplayName("new settings (no version) cannot overwrite settings that already exist")
    void save_refusesToOverwriteExistingSettingsWithNewOnes() {
        aliceHasSettings();
        PlayerSettings fresh = PlayerSettings.forPlayer("alice");
        fresh.setNickname("Impostor");

        learner.expectThrows(
                StaleSettingsException.class,
                "expected StaleSettingsException: a bean without a version may only create the item",
                () -> store.save(fresh));
        assertThatItem(scores.settings("alice"))
                .as("alice's settings")
                .hasString("nickname", "Ace")
                .hasNumber("version", 1);
    }

    @Graded(points = 1)
    @DisplayName("load returns the stored settings with their version, and Optional.empty() for a player without any")
    void load_readsStoredSettingsOrNothing() {
        aliceHasSettings();

        PlayerSettings alice = load("alice");
        Optional<PlayerSettings> bob = learner.call("load(\"bob\")", () -> store.load("bob"));

        assertThat(alice.getNickname()).as("expected alice's nickname").isEqualTo("Ace");
        assertThat(alice.getVersion())
                .as("expected alice's settings to carry version 1")
                .isEqualTo(1L);
        assertThat(bob)
                .as("expected Optional.empty() for bob, who has no settings (getItem returns null)")
                .isNotNull()
                .isEmpty();
    }

    @Graded(points = 2)
    @DisplayName("update starts again from a fresh load when another device saved in between, and keeps both changes")
    void update_retriesAfterAConcurrentChangeAndKeepsBoth() {
        aliceHasSettings();
        AtomicInteger changes = new AtomicInteger();

        PlayerSettings result = learner.call(
                "update(\"alice\", mute)",
                () -> store.update("alice", settings -> {
                    if (changes.incrementAndGet() == 1) {
                        anotherDeviceChangesTheLanguage("fr");
                    }
                    settings.setSoundOn(false);
                }));

        assertThatItem(scores.settings("alice"))
                .as(
                        "alice's settings after update raced with another device: the first save fails (stale), so update must"
                                + " load again (language fr, version 2), apply the change again and save version 3")
                .hasString("language", "fr")
                .hasNumber("version", 3)
                .hasBoolean("soundOn", false);
        assertThat(changes.get())
                .as("expected the change to be applied twice: once per attempt")
                .isEqualTo(2);
        assertThat(result)
                .as("expected update to return the settings as stored")
                .isNotNull();
        assertThat(result.getVersion())
                .as("expected update to return version 3")
                .isEqualTo(3L);
    }

    @Graded(points = 1)
    @DisplayName("update gives up with StaleSettingsException after 3 lost races")
    void update_givesUpAfterThreeLostRaces() {
        aliceHasSettings();
        AtomicInteger changes = new AtomicInteger();

        learner.expectThrows(
                StaleSettingsException.class,
                "expected StaleSettingsException when every attempt loses the race",
                () -> store.update("alice", settings -> {
                    if (changes.incrementAndGet() > 2 * SettingsStore.MAX_ATTEMPTS) {
                        throw new AssertionError("expected update to give up after SettingsStore.MAX_ATTEMPTS = "
                                + SettingsStore.MAX_ATTEMPTS + " attempts, but it was still retrying after "
                                + (changes.get() - 1));
                    }
                    anotherDeviceChangesTheLanguage("lang-" + changes.get());
                }));
        assertThat(changes.get())
                .as(
                        "expected exactly 3 attempts (the lesson's SettingsStore.MAX_ATTEMPTS, which is %d in your code),"
                                + " but the change was applied %d times",
                        SettingsStore.MAX_ATTEMPTS, changes.get())
                .isEqualTo(3);
    }

    /** DynamoDB refuses the next write (an UpdateItem or a PutItem, whichever the code uses) as invalid. */
    private static void refuseTheNextWrite(FaultPlan faults) {
        for (String write : List.of("UpdateItem", "PutItem")) {
            faults.fail(
                    write,
                    1,
                    () -> FaultPlan.validationException(
                            "One or more parameter values were invalid: an attribute value exceeds the item size limit"));
        }
    }

    @Graded(points = 1)
    @DisplayName(
            "an error that is not a lost race (a ValidationException) is not reported as StaleSettingsException, and"
                    + " update does not retry it")
    void saveAndUpdate_letOtherErrorsThrough(FaultPlan faults, ApiCalls calls) {
        aliceHasSettings();
        PlayerSettings phone = load("alice");
        phone.setNickname("From the phone");
        refuseTheNextWrite(faults);

        Throwable saved = catchThrowable(() -> store.save(phone));
        if (saved instanceof UnsupportedOperationException todo) {
            throw todo;
        }
        assertThat(saved)
                .as(
                        "expected save to fail when DynamoDB answers ValidationException, and not with StaleSettingsException:"
                                + " only ConditionalCheckFailedException means another device saved first; catch that one alone")
                .isNotNull()
                .isNotInstanceOf(StaleSettingsException.class);

        refuseTheNextWrite(faults);
        int before = calls.count("UpdateItem") + calls.count("PutItem");
        Throwable updated = catchThrowable(() -> store.update("alice", settings -> settings.setSoundOn(false)));
        assertThat(updated)
                .as("expected update to fail on a ValidationException, and not with StaleSettingsException")
                .isNotNull()
                .isNotInstanceOf(StaleSettingsException.class);
        assertThat(calls.count("UpdateItem") + calls.count("PutItem") - before)
                .as(
                        "expected update to try once: a ValidationException is not a lost race, and the same write would be"
                                + " refused again; but your code called: %s",
                        calls.summary())
                .isEqualTo(1);
    }

    @Graded(points = 1)
    @DisplayName("update creates the settings of a player who has none yet")
    void update_createsSettingsForANewPlayer() {
        learner.call("update(\"carol\", ...)", () -> store.update("carol", settings -> settings.setLanguage("de")));

        assertThatItem(scores.settings("carol"))
                .as(
                        "carol's settings after her first update: start from PlayerSettings.forPlayer(\"carol\") when load finds"
                                + " nothing")
                .exists()
                .hasString("language", "de")
                .hasNumber("version", 1);
    }
}
