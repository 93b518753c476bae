package dev.arcade.iam;

import static dev.arcade.iam.PolicyAssert.assertThatPolicies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.evaluators.iam.PolicyDocument;
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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

@AwsTest
@Exercise("2.7")
@DisplayName("2.7 Fix a broken policy")
class Exercise27PolicyRepairTest {

    /**
     * The policy the security review found, as the lesson shows it ({@link PolicyRepair#incidentPolicy}
     * shows the learner the same text; the test keeps its own copy, so that the broken policy cannot change).
     * Placeholders: 1 region, 2 account, 3 table name, 4 function name.
     */
    private static final String INCIDENT_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "ScoreItems", "Effect": "Allow", "Action": "dynamodb:*Item",
                 "Resource": "arn:aws:dynamodb:*:*:table/%3$s*"},
                {"Sid": "Leaderboards", "Effect": "Allow", "Action": "dynamodb:Query",
                 "Resource": ["arn:aws:dynamodb:%1$s:%2$s:table/%3$s",
                              "arn:aws:dynamodb:%1$s:%2$s:table/%3$s/index/Leaderboard"]},
                {"Sid": "OwnLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                 "Resource": "arn:aws:logs:%1$s:%2$s:log-group:/aws/lambda/%4$s:*"},
                {"Sid": "NeverTouchTheTableDefinition", "Effect": "Allow",
                 "NotAction": ["dynamodb:DeleteTable", "dynamodb:UpdateTable"], "Resource": "*"}
              ]
            }""";

    private Learner learner;
    private IamClient forLearner;
    private IamClient kit;
    private IamReadBack readBack;
    private String account;
    private String roleName;
    private ScoresTable table;
    private String broken;

    @BeforeEach
    void setUp(
            Learner learner, @CodeUnderTest IamClient forLearner, IamClient kit, Backend backend, ResourceNames names) {
        this.learner = learner;
        this.forLearner = forLearner;
        this.kit = kit;
        this.readBack = new IamReadBack(kit, "2.7");
        this.account = backend.accountId();
        this.roleName = names.unique("ScoreFunctionRole");
        this.table = new ScoresTable(Fixtures.TABLE_REGION, account, names.unique("Scores"));
        Fixtures.executionRole(kit, roleName);
        broken = INCIDENT_POLICY.formatted(table.region(), account, table.name(), PolicyRepair.FUNCTION_NAME);
        kit.putRolePolicy(
                r -> r.roleName(roleName).policyName(PolicyRepair.POLICY_NAME).policyDocument(broken));
    }

    /** Runs the learner's repair, checks that it changed the policy, and reads back what the role may do now. */
    private PolicySet repaired() {
        learner.run(
                "repair(\"" + roleName + "\", " + table + ")",
                () -> new PolicyRepair(forLearner).repair(roleName, table));
        PolicyDocument stored = readBack.inlinePolicies(roleName).get(PolicyRepair.POLICY_NAME);
        assertThat(stored)
                .as(
                        "expected repair to replace the inline policy %s of %s with a repaired one (PutRolePolicy with the"
                                + " same name), but it is still the incident policy",
                        PolicyRepair.POLICY_NAME, roleName)
                .isNotEqualTo(PolicyDocument.parse(broken));
        return readBack.permissions(roleName).build();
    }

    private Access call(String description, String action, String resource) {
        return Access.of(
                description,
                Callers.roleSession(account, roleName, PolicyRepair.FUNCTION_NAME)
                        .action(action)
                        .resource(resource));
    }

    private String index() {
        return table.arn() + "/index/" + ScoresTable.LEADERBOARD_INDEX;
    }

    private String logGroup(String function) {
        return "arn:aws:logs:" + table.region() + ":" + account + ":log-group:/aws/lambda/" + function;
    }

    @Test
    @DisplayName("the incident policy PolicyRepair shows is the one these tests put on the role (not graded)")
    void theIncidentPolicyShownIsTheOneTested() {
        assertThat(PolicyDocument.parse(PolicyRepair.incidentPolicy(table)))
                .as("PolicyRepair.incidentPolicy is given code: it must stay as the lesson shows it")
                .isEqualTo(PolicyDocument.parse(broken));
    }

    @Graded(points = 2)
    @DisplayName("keeps everything the score function does working")
    void keepsEverythingTheFunctionNeeds() {
        PolicySet role = repaired();
        String stream = logGroup(PolicyRepair.FUNCTION_NAME) + ":log-stream:2026/11/26/[$LATEST]4f1c2a";

        assertThatPolicies(role)
                .as("the repaired policy must keep every call of the score function allowed (mind that a Deny with"
                        + " NotAction denies everything it does not list)")
                .allows(List.of(
                        call("reading a best score", "dynamodb:GetItem", table.arn()),
                        call("writing a first best score", "dynamodb:PutItem", table.arn()),
                        call("raising a best score", "dynamodb:UpdateItem", table.arn()),
                        call("reading a player's history", "dynamodb:Query", table.arn()),
                        call("reading a leaderboard", "dynamodb:Query", index()),
                        call("creating a log stream", "logs:CreateLogStream", stream),
                        call("writing log events", "logs:PutLogEvents", stream)));
    }

    @Graded(points = 3)
    @DisplayName("closes the NotAction hole: nothing outside the score function's own work is allowed")
    void closesTheNotActionHole() {
        PolicySet role = repaired();

        assertThatPolicies(role)
                .as("\"Effect\": \"Allow\" with NotAction allows every action of every service except the listed ones")
                .denies(List.of(
                        call("creating an IAM user", "iam:CreateUser", "arn:aws:iam::" + account + ":user/backdoor"),
                        call(
                                "attaching a policy to a role",
                                "iam:AttachRolePolicy",
                                "arn:aws:iam::" + account + ":role/" + roleName),
                        call("passing a role", "iam:PassRole", "arn:aws:iam::" + account + ":role/Admin"),
                        call("assuming another role", "sts:AssumeRole", "arn:aws:iam::" + account + ":role/Admin"),
                        call("reading an S3 object", "s3:GetObject", "arn:aws:s3:::arcade-private/keys.txt"),
                        call(
                                "replacing its own code",
                                "lambda:UpdateFunctionCode",
                                "arn:aws:lambda:" + table.region() + ":" + account + ":function:"
                                        + PolicyRepair.FUNCTION_NAME),
                        call("scanning the table", "dynamodb:Scan", table.arn())));
    }

    @Graded(points = 2)
    @DisplayName("closes the dynamodb:*Item hole: no deleting items, no batch reads or writes, no condition checks")
    void closesTheItemWildcardHole() {
        PolicySet role = repaired();

        assertThatPolicies(role)
                .as("dynamodb:*Item matches every action whose name ends in Item; list GetItem, PutItem and UpdateItem")
                .denies(List.of(
                        call("deleting an item", "dynamodb:DeleteItem", table.arn()),
                        call("a BatchWriteItem", "dynamodb:BatchWriteItem", table.arn()),
                        call("a BatchGetItem", "dynamodb:BatchGetItem", table.arn()),
                        call("a condition check in a transaction", "dynamodb:ConditionCheckItem", table.arn())));
    }

    @Graded(points = 2)
    @DisplayName("closes the table/Scores* hole: tables whose names start the same, other regions and accounts")
    void closesTheTableWildcardHole() {
        repaired();
        Fixtures.SharedTable shared = Fixtures.sharedByAnotherAccount(table, account, roleName);
        String otherAccount = shared.arn();
        PolicySet role = readBack.permissions(roleName)
                .resourcePolicy(shared.label(), shared.policy())
                .build();

        assertThatPolicies(role)
                .as(
                        "arn:aws:dynamodb:*:*:table/%s* matches every table whose name starts with %s, in every region;"
                                + " name the table's own ARN (its region and account, not *)",
                        table.name(), table.name())
                .denies(List.of(
                        call("writing the backup table", "dynamodb:PutItem", table.arn() + "-backup"),
                        call("reading a table whose name starts the same", "dynamodb:GetItem", table.arn() + "2"),
                        call(
                                "writing the same table name in another region",
                                "dynamodb:PutItem",
                                table.arn().replace(":" + table.region() + ":", ":eu-west-1:")),
                        call(
                                "writing the same table name in another account that shares it with this role",
                                "dynamodb:PutItem",
                                otherAccount),
                        call(
                                "querying the same index in another account that shares it with this role",
                                "dynamodb:Query",
                                otherAccount + "/index/" + ScoresTable.LEADERBOARD_INDEX)));
    }

    @Graded(points = 1)
    @DisplayName("keeps the table definition out of reach, as the broken statement meant to")
    void keepsTheTableDefinitionSafe() {
        PolicySet role = repaired();

        assertThatPolicies(role)
                .as("the function must never delete or change its table: leave those actions out (or Deny them with"
                        + " Action, not NotAction)")
                .denies(List.of(
                        call("deleting the table", "dynamodb:DeleteTable", table.arn()),
                        call("changing the table", "dynamodb:UpdateTable", table.arn())));
    }

    @Graded(points = 2)
    @DisplayName("allows nothing else: the whole matrix of what the function must not do is denied, old holes and new")
    void opensNoNewHole() {
        PolicySet role = repaired();
        String players = "arn:aws:dynamodb:" + table.region() + ":" + account + ":table/Players";

        assertThatPolicies(role)
                .as("the repaired policy must allow only what the score function does")
                .denies(List.of(
                        call("scanning the leaderboard index", "dynamodb:Scan", index()),
                        call("creating a table", "dynamodb:CreateTable", players),
                        call("describing the table", "dynamodb:DescribeTable", table.arn()),
                        call("putting a resource-based policy on the table", "dynamodb:PutResourcePolicy", table.arn()),
                        call("changing the table's time to live", "dynamodb:UpdateTimeToLive", table.arn()),
                        call("writing another table", "dynamodb:PutItem", players),
                        call("querying another table's index", "dynamodb:Query", players + "/index/Leaderboard"),
                        call(
                                "writing another function's logs",
                                "logs:PutLogEvents",
                                logGroup("payments") + ":log-stream:2026/11/26/[$LATEST]0000"),
                        call("deleting its own log group", "logs:DeleteLogGroup", logGroup(PolicyRepair.FUNCTION_NAME)),
                        call(
                                "reading its own logs",
                                "logs:GetLogEvents",
                                logGroup(PolicyRepair.FUNCTION_NAME) + ":log-stream:any")));
    }

    @Graded(points = 1)
    @DisplayName("repairs the policy in place: the role keeps one inline policy, ScoreServiceAccess")
    void repairsThePolicyInPlace() {
        repaired();

        assertThat(kit.listRolePolicies(r -> r.roleName(roleName)).policyNames())
                .as(
                        "expected the role's only inline policy to be %s (PutRolePolicy with the same name replaces it)",
                        PolicyRepair.POLICY_NAME)
                .containsExactly(PolicyRepair.POLICY_NAME);
    }
}
