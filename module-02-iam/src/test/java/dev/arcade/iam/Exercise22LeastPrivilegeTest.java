package dev.arcade.iam;

import static dev.arcade.iam.PolicyAssert.assertThatPolicies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.backend.Backend;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.iam.IamClient;

@AwsTest
@Exercise("2.2")
@DisplayName("2.2 Least privilege for the score function")
class Exercise22LeastPrivilegeTest {

    private Learner learner;
    private IamClient forLearner;
    private IamClient kit;
    private IamReadBack readBack;
    private String account;
    private String roleName;
    private ScoresTable table;

    @BeforeEach
    void setUp(
            Learner learner, @CodeUnderTest IamClient forLearner, IamClient kit, Backend backend, ResourceNames names) {
        this.learner = learner;
        this.forLearner = forLearner;
        this.kit = kit;
        this.readBack = new IamReadBack(kit, "2.2");
        this.account = backend.accountId();
        this.roleName = names.unique("ScoreFunctionRole");
        this.table = new ScoresTable(Fixtures.TABLE_REGION, account, names.unique("Scores"));
        Fixtures.executionRole(kit, roleName);
    }

    /** Runs the learner's grantTableAccess and reads back what the role may do. */
    private PolicySet grantAndReadBack() {
        learner.run(
                "grantTableAccess(\"" + roleName + "\", " + table + ")",
                () -> new ScoreServiceIdentity(forLearner).grantTableAccess(roleName, table));
        return readBack.permissions(roleName).build();
    }

    /** The score function calling {@code action} on {@code resource}, as Lambda runs it. */
    private Access call(String description, String action, String resource) {
        return Access.of(
                description,
                Callers.roleSession(account, roleName, Fixtures.FUNCTION)
                        .action(action)
                        .resource(resource));
    }

    private String index() {
        return table.arn() + "/index/" + ScoresTable.LEADERBOARD_INDEX;
    }

    @Graded(points = 3)
    @DisplayName("allows every call the score service makes on the table: GetItem, PutItem, UpdateItem and Query")
    void allowsEveryCallOnTheTable() {
        PolicySet role = grantAndReadBack();

        assertThatPolicies(role)
                .as("the score function's role must allow what the score service does with %s", table.name())
                .allows(List.of(
                        call("reading a best score", "dynamodb:GetItem", table.arn()),
                        call("writing a first best score", "dynamodb:PutItem", table.arn()),
                        call("raising a best score", "dynamodb:UpdateItem", table.arn()),
                        call("reading a player's history", "dynamodb:Query", table.arn())));
    }

    @Graded(points = 2)
    @DisplayName("allows the leaderboard Query on the Leaderboard index, which has an ARN of its own")
    void allowsTheLeaderboardQuery() {
        PolicySet role = grantAndReadBack();

        assertThatPolicies(role)
                .as(
                        "the leaderboard is a Query on the index %s; a policy that names only the table ARN does not cover"
                                + " it",
                        index())
                .allows(call("reading a game's leaderboard", "dynamodb:Query", index()));
    }

    @Graded(points = 2)
    @DisplayName("denies Scan, on the table and on its index")
    void deniesScans() {
        PolicySet role = grantAndReadBack();

        assertThatPolicies(role)
                .as("the score service never scans; a Scan reads every player's items")
                .denies(List.of(
                        call("a Scan of the table", "dynamodb:Scan", table.arn()),
                        call("a Scan of the index", "dynamodb:Scan", index())));
    }

    @Graded(points = 2)
    @DisplayName("denies the item actions the service does not use and every table administration action")
    void deniesUnusedItemActionsAndTableAdministration() {
        PolicySet role = grantAndReadBack();

        assertThatPolicies(role)
                .as(
                        "list the four actions the service uses rather than dynamodb:* or a wildcard such as dynamodb:*Item")
                .denies(List.of(
                        call("deleting an item", "dynamodb:DeleteItem", table.arn()),
                        call("a BatchWriteItem", "dynamodb:BatchWriteItem", table.arn()),
                        call("a BatchGetItem", "dynamodb:BatchGetItem", table.arn()),
                        call("deleting the table", "dynamodb:DeleteTable", table.arn()),
                        call("changing the table", "dynamodb:UpdateTable", table.arn()),
                        call("creating a table", "dynamodb:CreateTable", table.arn()),
                        call("putting a resource-based policy on the table", "dynamodb:PutResourcePolicy", table.arn()),
                        call("changing the table's time to live", "dynamodb:UpdateTimeToLive", table.arn()),
                        call("a condition check in a transaction", "dynamodb:ConditionCheckItem", table.arn()),
                        // reads the service never makes: Get* or an extra Describe* would allow them
                        call("reading the table's resource-based policy", "dynamodb:GetResourcePolicy", table.arn()),
                        call("describing the table", "dynamodb:DescribeTable", table.arn()),
                        call("reading items with PartiQL", "dynamodb:PartiQLSelect", table.arn()),
                        call(
                                "deleting the table's resource-based policy",
                                "dynamodb:DeleteResourcePolicy",
                                table.arn()),
                        call("backing the table up", "dynamodb:CreateBackup", table.arn()),
                        call("restoring the table from a backup", "dynamodb:RestoreTableFromBackup", table.arn()),
                        call("changing point-in-time recovery", "dynamodb:UpdateContinuousBackups", table.arn()),
                        call("tagging the table", "dynamodb:TagResource", table.arn())));
    }

    @Graded(points = 2)
    @DisplayName(
            "denies every other table: other names, a name that starts the same, the same name in another region or"
                    + " another account")
    void deniesOtherTables() {
        learner.run(
                "grantTableAccess(\"" + roleName + "\", " + table + ")",
                () -> new ScoreServiceIdentity(forLearner).grantTableAccess(roleName, table));
        String players = "arn:aws:dynamodb:" + table.region() + ":" + account + ":table/Players";
        String otherRegion = table.arn().replace(":" + table.region() + ":", ":eu-west-1:");
        Fixtures.SharedTable shared = Fixtures.sharedByAnotherAccount(table, account, roleName);
        String otherAccount = shared.arn();
        PolicySet role = readBack.permissions(roleName)
                .resourcePolicy(shared.label(), shared.policy())
                .build();

        assertThatPolicies(role)
                .as(
                        "name the scores table's exact ARN, region and account included, not \"*\", table/*, table/Scores*,"
                                + " arn:aws:dynamodb:*:*:... or arn:aws:dynamodb:%s:*:...",
                        table.region())
                .denies(List.of(
                        call("reading another table", "dynamodb:GetItem", players),
                        call("writing another table", "dynamodb:PutItem", players),
                        call("querying another table's index", "dynamodb:Query", players + "/index/Leaderboard"),
                        call("writing a table whose name starts the same", "dynamodb:PutItem", table.arn() + "-backup"),
                        call("writing the same table name in another region", "dynamodb:PutItem", otherRegion),
                        call(
                                "querying the same index name in another region",
                                "dynamodb:Query",
                                otherRegion + "/index/" + ScoresTable.LEADERBOARD_INDEX),
                        call(
                                "writing the same table name in another account that shares it with this role",
                                "dynamodb:PutItem",
                                otherAccount),
                        call(
                                "querying the same index name in another account that shares it with this role",
                                "dynamodb:Query",
                                otherAccount + "/index/" + ScoresTable.LEADERBOARD_INDEX)));
    }

    @Graded(points = 1)
    @DisplayName("denies everything outside DynamoDB")
    void deniesEverythingOutsideDynamoDb() {
        PolicySet role = grantAndReadBack();

        assertThatPolicies(role)
                .as("every action must be a dynamodb: action the service uses, not \"*\"")
                .denies(List.of(
                        call("creating an IAM user", "iam:CreateUser", "arn:aws:iam::" + account + ":user/backdoor"),
                        call("passing a role", "iam:PassRole", "arn:aws:iam::" + account + ":role/Admin"),
                        call("assuming another role", "sts:AssumeRole", "arn:aws:iam::" + account + ":role/Admin"),
                        call("reading an S3 object", "s3:GetObject", "arn:aws:s3:::arcade-private/keys.txt"),
                        call(
                                "replacing a function's code",
                                "lambda:UpdateFunctionCode",
                                "arn:aws:lambda:" + Fixtures.REGION + ":" + account + ":function:"
                                        + Fixtures.FUNCTION)));
    }

    @Graded(points = 1)
    @DisplayName("puts the permissions on the role as an inline policy (PutRolePolicy), not a managed one")
    void isAnInlinePolicy() {
        grantAndReadBack();

        assertThat(kit.listRolePolicies(r -> r.roleName(roleName)).policyNames())
                .as("expected an inline policy on %s (PutRolePolicy), but ListRolePolicies found none", roleName)
                .isNotEmpty();
        assertThat(kit.listAttachedRolePolicies(r -> r.roleName(roleName)).attachedPolicies())
                .as(
                        "expected no managed policy attached to %s: this policy belongs to this one role, so it is inline",
                        roleName)
                .isEmpty();
    }
}
