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
import dev.arcade.kit.sdk.ApiCalls;
import dev.arcade.kit.sdk.AwsClients;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.StsException;

@AwsTest
@Exercise("2.8")
@DisplayName("2.8 A read-only session with a session policy")
class Exercise28SessionPolicyTest {
    private static final String SESSION = "ticket-5150";

    private Learner learner;
    private IamClient forLearner;
    private StsClient stsForLearner;
    private IamReadBack readBack;
    private String account;
    private String roleName;
    private String externalId;
    private ScoresTable table;

    @BeforeEach
    void setUp(
            Learner learner,
            @CodeUnderTest IamClient forLearner,
            @CodeUnderTest StsClient stsForLearner,
            IamClient kit,
            Backend backend,
            ResourceNames names) {
        this.learner = learner;
        this.forLearner = forLearner;
        this.stsForLearner = stsForLearner;
        this.readBack = new IamReadBack(kit, "2.8");
        this.account = backend.accountId();
        this.roleName = names.unique("OperatorRole");
        this.externalId = names.unique("ArcadeSupport");
        this.table = new ScoresTable(Fixtures.TABLE_REGION, account, names.unique("Scores"));
        operatorRoleFixture(kit, names.unique("arcade-support"));
    }

    /** The operator role of 2.5, which may do anything with the scores table. */
    private void operatorRoleFixture(IamClient kit, String operatorName) {
        String trust = """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "sts:AssumeRole",
                                "Condition": {"StringEquals": {"sts:ExternalId": "%s"}}}]}""".formatted(Callers.userArn(Callers.OTHER_ACCOUNT, operatorName), externalId);
        String everythingOnTheTable = """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": ["%1$s", "%1$s/index/*"]}]}""".formatted(table.arn());
        kit.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trust));
        kit.putRolePolicy(
                r -> r.roleName(roleName).policyName("OperatorPermissions").policyDocument(everythingOnTheTable));
    }

    private String roleArn() {
        return "arn:aws:iam::" + account + ":role/" + roleName;
    }

    private AwsSessionCredentials assumeReadOnly() {
        return learner.call(
                "assumeReadOnly(\"" + roleArn() + "\", \"" + SESSION + "\", \"" + externalId + "\", " + table + ")",
                () -> new OperatorAccess(forLearner, stsForLearner)
                        .assumeReadOnly(roleArn(), SESSION, externalId, table));
    }

    /** The learner's one AssumeRole call. */
    private AssumeRoleRequest assumeRoleCall(ApiCalls calls) {
        List<AssumeRoleRequest> requests = calls.requests(AssumeRoleRequest.class);
        assertThat(requests)
                .as("expected one AssumeRole call, but your code called: %s", calls.summary())
                .hasSize(1);
        return requests.get(0);
    }

    /** The session's policies: the role's own, read back from IAM, and the session policies AssumeRole passed. */
    private PolicySet sessionPolicies(AssumeRoleRequest request) {
        PolicySet.Builder set = readBack.permissions(roleName);
        if (request.policy() != null) {
            readBack.valid(
                    "the session policy (AssumeRole's Policy)",
                    () -> set.sessionPolicy(
                            "session policy",
                            readBack.parse("the session policy (AssumeRole's Policy)", request::policy)));
        }
        for (PolicyDescriptorType managed : request.policyArns()) {
            readBack.valid(
                    "the session policy " + managed.arn(),
                    () -> set.sessionPolicy(managed.arn(), readBack.managedPolicy(managed.arn())));
        }
        return set.build();
    }

    private Access call(String description, String action, String resource) {
        return Access.of(
                description,
                Callers.roleSession(account, roleName, SESSION).action(action).resource(resource));
    }

    private String index() {
        return table.arn() + "/index/" + ScoresTable.LEADERBOARD_INDEX;
    }

    @Graded(points = 1)
    @DisplayName("passes a session policy to AssumeRole, with the session name and the external id")
    void passesASessionPolicy(ApiCalls calls) {
        assumeReadOnly();

        AssumeRoleRequest request = assumeRoleCall(calls);
        assertThat(request.policy() != null || !request.policyArns().isEmpty())
                .as("expected AssumeRole with a session policy (Policy, or PolicyArns), but it had none")
                .isTrue();
        assertThat(request.roleSessionName())
                .as("the RoleSessionName of the AssumeRole call")
                .isEqualTo(SESSION);
        assertThat(request.externalId())
                .as("the ExternalId of the AssumeRole call")
                .isEqualTo(externalId);
    }

    @Graded(points = 2)
    @DisplayName("lets the session read: GetItem and Query on the table, Query on the leaderboard index")
    void letsTheSessionRead(ApiCalls calls) {
        assumeReadOnly();
        PolicySet session = sessionPolicies(assumeRoleCall(calls));

        assertThatPolicies(session)
                .as("the session policy must allow the reads the support ticket needs")
                .allows(List.of(
                        call("reading an item", "dynamodb:GetItem", table.arn()),
                        call("querying a player's items", "dynamodb:Query", table.arn()),
                        call("querying a leaderboard", "dynamodb:Query", index())));
    }

    @Graded(points = 3)
    @DisplayName("denies the session every write (by any name: transactions, PartiQL, table changes), delete, scan and"
            + " read beyond GetItem and Query, although the role itself may do them")
    void deniesTheSessionEverythingElse(ApiCalls calls) {
        assumeReadOnly();
        PolicySet session = sessionPolicies(assumeRoleCall(calls));

        assertThatPolicies(session)
                .as("the role may do anything with the table; only the session policy can keep this session read-only"
                        + " (allow GetItem and Query, nothing else)")
                .denies(List.of(
                        call("writing an item", "dynamodb:PutItem", table.arn()),
                        call("updating an item", "dynamodb:UpdateItem", table.arn()),
                        call("deleting an item", "dynamodb:DeleteItem", table.arn()),
                        call("a BatchWriteItem", "dynamodb:BatchWriteItem", table.arn()),
                        call("scanning the table", "dynamodb:Scan", table.arn()),
                        call("deleting the table", "dynamodb:DeleteTable", table.arn()),
                        // writes by other names: a session policy that allows dynamodb:* and denies a list misses these
                        call("a TransactWriteItems", "dynamodb:TransactWriteItems", table.arn()),
                        call("a PartiQL INSERT", "dynamodb:PartiQLInsert", table.arn()),
                        call("a PartiQL UPDATE", "dynamodb:PartiQLUpdate", table.arn()),
                        call("a PartiQL DELETE", "dynamodb:PartiQLDelete", table.arn()),
                        call("changing the table's settings", "dynamodb:UpdateTable", table.arn()),
                        call("replacing the table's resource policy", "dynamodb:PutResourcePolicy", table.arn()),
                        // and reads the ticket does not need
                        call("a BatchGetItem", "dynamodb:BatchGetItem", table.arn()),
                        call("describing the table", "dynamodb:DescribeTable", table.arn()),
                        call("a TransactGetItems", "dynamodb:TransactGetItems", table.arn()),
                        call("reading items with PartiQL", "dynamodb:PartiQLSelect", table.arn()),
                        call("reading the table's resource policy", "dynamodb:GetResourcePolicy", table.arn()),
                        call("deleting the table's resource policy", "dynamodb:DeleteResourcePolicy", table.arn()),
                        call("changing the table's time to live", "dynamodb:UpdateTimeToLive", table.arn()),
                        call("scanning the leaderboard index", "dynamodb:Scan", index())));
    }

    @Graded(points = 1)
    @DisplayName(
            "returns the session's temporary credentials, session token included, which STS knows as the role session")
    void returnsTheSessionCredentials(AwsClients clients, ApiCalls calls) {
        AwsSessionCredentials credentials = assumeReadOnly();

        assertThat(credentials.accessKeyId())
                .as("expected temporary credentials (an ASIA access key id) from AssumeRole")
                .startsWith("ASIA");
        Credentials issued = issuedCredentials(calls);
        assertThat(credentials.sessionToken())
                .as(
                        "expected the session token AssumeRole issued with access key %s (without it, or with another"
                                + " value, every request with these credentials is refused), but it was %s",
                        issued.accessKeyId(),
                        credentials.sessionToken().isEmpty() ? "empty" : credentials.sessionToken())
                .isEqualTo(issued.sessionToken());
        assertThat(credentials.secretAccessKey())
                .as("expected the secret access key AssumeRole issued")
                .isEqualTo(issued.secretAccessKey());
        try (StsClient asSession = clients.configure(StsClient.builder(), false)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .build()) {
            String arn;
            try {
                arn = asSession.getCallerIdentity().arn();
            } catch (StsException e) {
                throw new AssertionError(
                        "expected the returned credentials to work, but STS refused a GetCallerIdentity"
                                + " made with them: " + e.awsErrorDetails().errorMessage(),
                        e);
            }
            assertThat(arn)
                    .as(
                            "expected the credentials of role session %s of %s, but STS says they are %s",
                            SESSION, roleName, arn)
                    .endsWith(":assumed-role/" + roleName + "/" + SESSION);
        }
    }

    /** The credentials STS issued to the learner's AssumeRole call. */
    private static Credentials issuedCredentials(ApiCalls calls) {
        return calls.of("AssumeRole").stream()
                .flatMap(c -> c.response().stream())
                .map(r -> ((AssumeRoleResponse) r).credentials())
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(
                        "expected an AssumeRole call that succeeded, but your code called: " + calls.summary()));
    }
}
