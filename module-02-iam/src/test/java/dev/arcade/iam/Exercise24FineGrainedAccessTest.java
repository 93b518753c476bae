package dev.arcade.iam;

import static dev.arcade.iam.PolicyAssert.assertThatPolicies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.evaluators.iam.RequestContext;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.backend.Backend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.iam.IamClient;

@AwsTest
@Exercise("2.4")
@DisplayName("2.4 Players reach only their own items")
class Exercise24FineGrainedAccessTest {

    /** The player role: every signed-in player gets a session of it, tagged with their id. */
    private static final String PLAYER_ROLE = "ArcadePlayer";

    /** What a player's game does with the table, all on the player's own partition. */
    private static final List<String> PLAYER_ACTIONS = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem");

    private Learner learner;
    private IamClient forLearner;
    private IamReadBack readBack;
    private String account;
    private String policyName;
    private ScoresTable table;

    @BeforeEach
    void setUp(
            Learner learner, @CodeUnderTest IamClient forLearner, IamClient kit, Backend backend, ResourceNames names) {
        this.learner = learner;
        this.forLearner = forLearner;
        this.readBack = new IamReadBack(kit, "2.4");
        this.account = backend.accountId();
        this.policyName = names.unique("PlayerItems");
        this.table = new ScoresTable(Fixtures.TABLE_REGION, account, names.unique("Scores"));
    }

    private String createPlayerPolicy() {
        return learner.call(
                "createPlayerPolicy(\"" + policyName + "\", " + table + ")",
                () -> new PlayerAccess(forLearner).createPlayerPolicy(policyName, table));
    }

    private String policyArn() {
        return "arn:aws:iam::" + account + ":policy/" + policyName;
    }

    /** The player role's permissions: the learner's policy, read back from IAM. */
    private PolicySet playerRole() {
        createPlayerPolicy();
        PolicySet.Builder set = PolicySet.builder();
        readBack.valid(
                "the managed policy " + policyArn(),
                () -> set.identityPolicy(policyName, readBack.managedPolicy(policyArn())));
        return set.build();
    }

    /** A session of the player role for {@code playerId}, tagged as Cognito tags it. */
    private RequestContext.Builder player(String playerId) {
        return Callers.roleSession(account, PLAYER_ROLE, "CognitoIdentityCredentials")
                .principalTag(PlayerAccess.PLAYER_ID_TAG, playerId);
    }

    /** {@code action} by {@code caller} touching the partitions {@code keys}. */
    private static Access touching(
            String description, RequestContext.Builder caller, String action, String resource, String... keys) {
        return Access.of(
                description,
                caller.action(action).resource(resource).contextValues("dynamodb:LeadingKeys", List.of(keys)));
    }

    /** Every player action by {@code playerId} on the partition {@code key}. */
    private List<Access> everyAction(String who, String playerId, String key) {
        List<Access> out = new ArrayList<>();
        for (String action : PLAYER_ACTIONS) {
            out.add(touching(
                    who + " " + action.substring("dynamodb:".length()) + " on " + key,
                    player(playerId),
                    action,
                    table.arn(),
                    key));
        }
        return out;
    }

    @Graded(points = 1)
    @DisplayName("creates the customer managed policy and returns its ARN")
    void createsTheManagedPolicy() {
        String returned = createPlayerPolicy();

        assertThat(returned)
                .as(
                        "expected createPlayerPolicy to return the new policy's ARN %s (CreatePolicy returns it), but it"
                                + " returned %s",
                        policyArn(), returned)
                .isEqualTo(policyArn());
        readBack.managedPolicy(policyArn());
    }

    @Graded(points = 3)
    @DisplayName("lets a player get, batch-get, query, put and update the items of their own partition")
    void allowsAPlayerTheirOwnItems() {
        PolicySet role = playerRole();

        assertThatPolicies(role)
                .as("alice's session (tag playerId=alice) must reach every item whose partition key is PLAYER#alice")
                .allows(everyAction("alice:", "alice", ScoresTable.playerKey("alice")));
    }

    @Graded(points = 2)
    @DisplayName(
            "works for every player: bob and a newcomer reach their own items too, not only alice (a policy variable, not a hard-coded id)")
    void worksForEveryPlayer(ResourceNames names) {
        PolicySet role = playerRole();
        String newcomer = names.uniqueLowerCase("player");

        assertThatPolicies(role)
                .as(
                        "one policy serves every player: compare the partition key with PLAYER#${aws:PrincipalTag/playerId}")
                .allows(List.of(
                        touching(
                                "bob reading his own best score",
                                player("bob"),
                                "dynamodb:GetItem",
                                table.arn(),
                                ScoresTable.playerKey("bob")),
                        touching(
                                newcomer + " saving their profile",
                                player(newcomer),
                                "dynamodb:PutItem",
                                table.arn(),
                                ScoresTable.playerKey(newcomer))));
    }

    @Graded(points = 3)
    @DisplayName("denies a player every item of another player's partition, including ids that differ only in case")
    void deniesAnotherPlayersItems() {
        PolicySet role = playerRole();

        List<Access> foreign = new ArrayList<>(everyAction("alice:", "alice", ScoresTable.playerKey("bob")));
        foreign.add(touching(
                "alice reading a player whose id starts with hers",
                player("alice"),
                "dynamodb:GetItem",
                table.arn(),
                ScoresTable.playerKey("alice2")));
        // DynamoDB keys are case-sensitive: PLAYER#ALICE is another partition, another player's.
        foreign.add(touching(
                "alice writing the partition of player ALICE",
                player("alice"),
                "dynamodb:PutItem",
                table.arn(),
                ScoresTable.playerKey("ALICE")));
        foreign.add(touching(
                "alice reading the partition of player Alice",
                player("alice"),
                "dynamodb:GetItem",
                table.arn(),
                ScoresTable.playerKey("Alice")));
        foreign.add(touching(
                "alice querying the partition player#alice (another prefix)",
                player("alice"),
                "dynamodb:Query",
                table.arn(),
                "player#alice"));
        foreign.add(touching(
                "ALICE (another player) reading alice's items",
                player("ALICE"),
                "dynamodb:GetItem",
                table.arn(),
                ScoresTable.playerKey("alice")));
        assertThatPolicies(role)
                .as(
                        "alice must not reach bob's items: the condition must compare dynamodb:LeadingKeys with her own key,"
                                + " exactly and case-sensitively (StringEquals, not StringEqualsIgnoreCase or StringLike with *)")
                .denies(foreign);
    }

    @Graded(points = 2)
    @DisplayName("denies a batch that mixes the player's own partition with someone else's")
    void deniesAMixedBatch() {
        PolicySet role = playerRole();

        assertThatPolicies(role)
                .as(
                        "every key a request touches must be the player's own: use ForAllValues:StringEquals (with ForAnyValue,"
                                + " or with no set operator, one key of her own carries someone else's along)")
                .denies(List.of(touching(
                        "alice batch-getting her own and bob's best scores",
                        player("alice"),
                        "dynamodb:BatchGetItem",
                        table.arn(),
                        ScoresTable.playerKey("alice"),
                        ScoresTable.playerKey("bob"))));
    }

    @Graded(points = 2)
    @DisplayName("denies requests that name no partition at all, such as a Scan, and deleting items")
    void deniesRequestsWithoutAPartition() {
        PolicySet role = playerRole();

        assertThatPolicies(role)
                .as("ForAllValues is true when a request has no dynamodb:LeadingKeys at all, so only list actions that"
                        + " always name a partition")
                .denies(List.of(
                        Access.of(
                                "alice scanning the table",
                                player("alice").action("dynamodb:Scan").resource(table.arn())),
                        Access.of(
                                "alice scanning the leaderboard index",
                                player("alice")
                                        .action("dynamodb:Scan")
                                        .resource(table.arn() + "/index/" + ScoresTable.LEADERBOARD_INDEX)),
                        Access.of(
                                "alice deleting the table",
                                player("alice").action("dynamodb:DeleteTable").resource(table.arn()))));
        assertThatPolicies(role)
                .as("players never delete items, not even their own: list only the actions the game uses")
                .denies(Access.of(
                        "alice deleting her own item",
                        player("alice")
                                .action("dynamodb:DeleteItem")
                                .resource(table.arn())
                                .contextValues("dynamodb:LeadingKeys", List.of(ScoresTable.playerKey("alice")))));
    }

    @Graded(points = 1)
    @DisplayName("denies a session without a playerId tag, and every other table, the same name in another region or"
            + " account included")
    void deniesUntaggedSessionsAndOtherTables() {
        createPlayerPolicy();
        Fixtures.SharedTable shared = Fixtures.sharedByAnotherAccount(table, account, PLAYER_ROLE);
        String otherAccount = shared.arn();
        PolicySet.Builder set = PolicySet.builder().resourcePolicy(shared.label(), shared.policy());
        readBack.valid(
                "the managed policy " + policyArn(),
                () -> set.identityPolicy(policyName, readBack.managedPolicy(policyArn())));
        PolicySet role = set.build();
        String players = "arn:aws:dynamodb:" + table.region() + ":" + account + ":table/Players";

        assertThatPolicies(role)
                .as("without the tag the policy variable has no value and must match nothing; and the policy names only"
                        + " the scores table's exact ARN (its region and account, not *)")
                .denies(List.of(
                        touching(
                                "an untagged session reading alice's items",
                                Callers.roleSession(account, PLAYER_ROLE, "untagged"),
                                "dynamodb:GetItem",
                                table.arn(),
                                ScoresTable.playerKey("alice")),
                        touching(
                                "alice reading her key in another table",
                                player("alice"),
                                "dynamodb:GetItem",
                                players,
                                ScoresTable.playerKey("alice")),
                        touching(
                                "alice writing her key in the same table name in another region",
                                player("alice"),
                                "dynamodb:PutItem",
                                table.arn().replace(":" + table.region() + ":", ":eu-west-1:"),
                                ScoresTable.playerKey("alice")),
                        touching(
                                "alice writing her key in the same table name in another account that shares it",
                                player("alice"),
                                "dynamodb:PutItem",
                                otherAccount,
                                ScoresTable.playerKey("alice"))));
    }
}
