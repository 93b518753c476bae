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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.iam.IamClient;

@AwsTest
@Exercise("2.6")
@DisplayName("2.6 A permissions boundary for developers")
class Exercise26PermissionsBoundaryTest {

    private static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

    private Learner learner;
    private IamClient forLearner;
    private IamClient kit;
    private IamReadBack readBack;
    private String account;
    private String roleName;
    private String boundaryName;
    private ScoresTable table;

    @BeforeEach
    void setUp(
            Learner learner, @CodeUnderTest IamClient forLearner, IamClient kit, Backend backend, ResourceNames names) {
        this.learner = learner;
        this.forLearner = forLearner;
        this.kit = kit;
        this.readBack = new IamReadBack(kit, "2.6");
        this.account = backend.accountId();
        this.roleName = names.unique("DeveloperRole");
        this.boundaryName = names.unique("DeveloperBoundary");
        this.table = new ScoresTable(Fixtures.TABLE_REGION, account, names.unique("Scores"));
    }

    private String createDeveloperRole() {
        return learner.call(
                "createDeveloperRole(\"" + roleName + "\", \"" + boundaryName + "\", " + table + ")",
                () -> new DeveloperAccess(forLearner).createDeveloperRole(roleName, boundaryName, table));
    }

    private String boundaryArn() {
        return "arn:aws:iam::" + account + ":policy/" + boundaryName;
    }

    private String roleArn() {
        return "arn:aws:iam::" + account + ":role/" + roleName;
    }

    private void assertBoundaryIsSet() {
        Optional<String> boundary = readBack.boundaryArn(roleName);
        assertThat(boundary)
                .as(
                        "expected %s to have the permissions boundary %s (CreateRole with PermissionsBoundary, or"
                                + " PutRolePermissionsBoundary; AttachRolePolicy would make the policy a permission, not a"
                                + " boundary), but GetRole shows %s",
                        roleName,
                        boundaryArn(),
                        boundary.map(b -> "the boundary " + b).orElse("no boundary"))
                .contains(boundaryArn());
    }

    /**
     * The developer role after a developer attached AdministratorAccess to it: its permissions and its
     * boundary, read back from IAM.
     */
    private PolicySet developerWithAdministratorAccess() {
        createDeveloperRole();
        assertBoundaryIsSet();
        kit.attachRolePolicy(r -> r.roleName(roleName).policyArn(ADMINISTRATOR_ACCESS));
        return readBack.permissions(roleName).build();
    }

    private Access call(String description, String action, String resource) {
        return Access.of(description, developer().action(action).resource(resource));
    }

    private RequestContext.Builder developer() {
        return Callers.roleSession(account, roleName, "dev-alice");
    }

    private Access createRole(String description, String newBoundaryOrNull) {
        RequestContext.Builder request =
                developer().action("iam:CreateRole").resource("arn:aws:iam::" + account + ":role/leaderboard-export");
        if (newBoundaryOrNull != null) {
            request.context("iam:PermissionsBoundary", newBoundaryOrNull);
        }
        return Access.of(description, request);
    }

    @Graded(points = 2)
    @DisplayName("creates the role with the boundary policy set as its permissions boundary")
    void setsTheBoundaryOnTheRole() {
        String returned = createDeveloperRole();

        assertThat(returned)
                .as("expected createDeveloperRole to return the role's ARN %s, but it returned %s", roleArn(), returned)
                .isEqualTo(roleArn());
        readBack.managedPolicy(boundaryArn());
        assertBoundaryIsSet();
    }

    @Graded(points = 1)
    @DisplayName("gives the role no permissions of its own: the boundary only caps, it grants nothing")
    void grantsNoPermissionsOfItsOwn() {
        createDeveloperRole();

        assertThat(kit.listAttachedRolePolicies(r -> r.roleName(roleName)).attachedPolicies())
                .as(
                        "expected no managed policy attached to %s: the boundary is set as a boundary, and the team lead"
                                + " grants permissions later",
                        roleName)
                .isEmpty();
        assertThat(kit.listRolePolicies(r -> r.roleName(roleName)).policyNames())
                .as("expected no inline policy on %s", roleName)
                .isEmpty();
    }

    @Graded(points = 1)
    @DisplayName("uses the given trust policy: this account's IAM users may assume the role, other accounts' may not")
    void usesTheGivenTrustPolicy() {
        createDeveloperRole();
        String mayAssumeAnyRole = """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}""";
        PolicySet trust = PolicySet.builder()
                .resourcePolicy("trust policy of " + roleName, readBack.trustPolicy(roleName))
                .identityPolicy("caller's own MayAssumeAnyRole", mayAssumeAnyRole)
                .build();

        assertThatPolicies(trust)
                .as(
                        "create the role with DeveloperAccess.developerTrustPolicy(%s) as its trust policy, which names"
                                + " this account",
                        account)
                .allows(Access.of(
                        "a developer of this account",
                        Callers.user(account, "dev-alice")
                                .action("sts:AssumeRole")
                                .resource(roleArn())));
        assertThatPolicies(trust)
                .as(
                        "the trust policy of %s must not let anyone of another account assume it: use the given"
                                + " developerTrustPolicy(%s), not a Principal of \"*\"",
                        roleName, account)
                .denies(List.of(
                        Access.of(
                                "an IAM user of another account",
                                Callers.user(Callers.OTHER_ACCOUNT, "dev-alice")
                                        .action("sts:AssumeRole")
                                        .resource(roleArn())),
                        Access.of(
                                "a Lambda function",
                                Callers.service("lambda.amazonaws.com")
                                        .action("sts:AssumeRole")
                                        .resource(roleArn()))));
    }

    @Graded(points = 2)
    @DisplayName("lets a developer with AdministratorAccess work with the score table's items and indexes")
    void letsTheDeveloperWorkOnTheScoreTable() {
        PolicySet developer = developerWithAdministratorAccess();
        String index = table.arn() + "/index/" + ScoresTable.LEADERBOARD_INDEX;

        assertThatPolicies(developer)
                .as("the boundary must allow the item actions on %s and its indexes", table.name())
                .allows(List.of(
                        call("reading an item", "dynamodb:GetItem", table.arn()),
                        call("writing an item", "dynamodb:PutItem", table.arn()),
                        call("updating an item", "dynamodb:UpdateItem", table.arn()),
                        call("deleting an item", "dynamodb:DeleteItem", table.arn()),
                        call("querying the table", "dynamodb:Query", table.arn()),
                        call("scanning the table", "dynamodb:Scan", table.arn()),
                        call("querying the leaderboard index", "dynamodb:Query", index),
                        call("scanning the leaderboard index", "dynamodb:Scan", index)));
    }

    @Graded(points = 2)
    @DisplayName("caps AdministratorAccess in DynamoDB: no table administration, no other table, the same name in"
            + " another region or account included")
    void capsDynamoDb() {
        createDeveloperRole();
        assertBoundaryIsSet();
        kit.attachRolePolicy(r -> r.roleName(roleName).policyArn(ADMINISTRATOR_ACCESS));
        String players = "arn:aws:dynamodb:" + table.region() + ":" + account + ":table/Players";
        String otherRegion = table.arn().replace(":" + table.region() + ":", ":eu-west-1:");
        Fixtures.SharedTable shared = Fixtures.sharedByAnotherAccount(table, account, roleName);
        PolicySet developer = readBack.permissions(roleName)
                .resourcePolicy(shared.label(), shared.policy())
                .build();

        assertThatPolicies(developer)
                .as("AdministratorAccess allows everything, so the boundary decides: it must allow the item actions on"
                        + " the scores table only")
                .denies(List.of(
                        call("deleting the table", "dynamodb:DeleteTable", table.arn()),
                        call("changing the table", "dynamodb:UpdateTable", table.arn()),
                        call("creating a table", "dynamodb:CreateTable", players),
                        call("writing another table", "dynamodb:PutItem", players),
                        call("reading a table whose name starts the same", "dynamodb:GetItem", table.arn() + "-backup"),
                        call("writing the same table name in another region", "dynamodb:PutItem", otherRegion),
                        call(
                                "writing the same table name in another account that shares it with this role",
                                "dynamodb:PutItem",
                                shared.arn())));
    }

    @Graded(points = 3)
    @DisplayName(
            "denies every way to escalate through IAM: removing or editing the boundary, attaching policies, new users")
    void deniesIamEscalation() {
        PolicySet developer = developerWithAdministratorAccess();

        assertThatPolicies(developer)
                .as("a boundary that allowed these would let the developer remove their own cap")
                .denies(List.of(
                        call(
                                "removing the boundary from their own role",
                                "iam:DeleteRolePermissionsBoundary",
                                roleArn()),
                        Access.of(
                                "replacing their own boundary with AdministratorAccess",
                                developer()
                                        .action("iam:PutRolePermissionsBoundary")
                                        .resource(roleArn())
                                        .context("iam:PermissionsBoundary", ADMINISTRATOR_ACCESS)),
                        call("writing a new version of the boundary policy", "iam:CreatePolicyVersion", boundaryArn()),
                        call("deleting the boundary policy", "iam:DeletePolicy", boundaryArn()),
                        Access.of(
                                "attaching AdministratorAccess to a role",
                                developer()
                                        .action("iam:AttachRolePolicy")
                                        .resource(roleArn())
                                        .context("iam:PolicyARN", ADMINISTRATOR_ACCESS)),
                        call("putting an inline policy on their role", "iam:PutRolePolicy", roleArn()),
                        call("creating an IAM user", "iam:CreateUser", "arn:aws:iam::" + account + ":user/backdoor"),
                        call("creating access keys", "iam:CreateAccessKey", "arn:aws:iam::" + account + ":user/ops")));
    }

    @Graded(points = 3)
    @DisplayName("lets a developer create roles only with this same boundary")
    void createsRolesOnlyWithTheSameBoundary() {
        PolicySet developer = developerWithAdministratorAccess();

        assertThatPolicies(developer)
                .as(
                        "the boundary must allow iam:CreateRole when the new role gets this boundary"
                                + " (condition key iam:PermissionsBoundary = %s)",
                        boundaryArn())
                .allows(createRole("creating a role with the same boundary", boundaryArn()));
        assertThatPolicies(developer)
                .as(
                        "a role created without this boundary would escape it: compare iam:PermissionsBoundary with %s"
                                + " exactly",
                        boundaryArn())
                .denies(List.of(
                        createRole("creating a role without a boundary", null),
                        createRole("creating a role with AdministratorAccess as its boundary", ADMINISTRATOR_ACCESS),
                        createRole(
                                "creating a role with another policy of the account as its boundary",
                                boundaryArn() + "-relaxed")));
    }

    @Graded(points = 1)
    @DisplayName("denies every other service, even with AdministratorAccess")
    void deniesOtherServices() {
        PolicySet developer = developerWithAdministratorAccess();

        assertThatPolicies(developer)
                .as("the boundary names DynamoDB item actions and iam:CreateRole, nothing else")
                .denies(List.of(
                        call("reading an S3 object", "s3:GetObject", "arn:aws:s3:::arcade-private/keys.txt"),
                        call(
                                "replacing a function's code",
                                "lambda:UpdateFunctionCode",
                                "arn:aws:lambda:" + Fixtures.REGION + ":" + account + ":function:" + Fixtures.FUNCTION),
                        call(
                                "deleting a log group",
                                "logs:DeleteLogGroup",
                                "arn:aws:logs:" + Fixtures.REGION + ":" + account + ":log-group:/aws/lambda/"
                                        + Fixtures.FUNCTION),
                        call("assuming another role", "sts:AssumeRole", "arn:aws:iam::" + account + ":role/Admin")));
    }
}
