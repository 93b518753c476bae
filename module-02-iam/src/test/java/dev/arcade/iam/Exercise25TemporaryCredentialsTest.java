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
import dev.arcade.kit.sdk.ApiCalls;
import dev.arcade.kit.sdk.AwsClients;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

@AwsTest
@Exercise("2.5")
@DisplayName("2.5 Temporary credentials for the support vendor")
class Exercise25TemporaryCredentialsTest {

    /** The support vendor's account. */
    private static final String VENDOR = Callers.OTHER_ACCOUNT;

    private Learner learner;
    private IamClient forLearner;
    private StsClient stsForLearner;
    private IamClient kit;
    private IamReadBack readBack;
    private String account;
    private String roleName;
    private String operatorName;
    private String externalId;

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
        this.kit = kit;
        this.readBack = new IamReadBack(kit, "2.5");
        this.account = backend.accountId();
        this.roleName = names.unique("OperatorRole");
        this.operatorName = names.unique("arcade-support");
        this.externalId = names.unique("ArcadeSupport");
    }

    private OperatorAccess operatorAccess() {
        return new OperatorAccess(forLearner, stsForLearner);
    }

    private String operatorArn() {
        return Callers.userArn(VENDOR, operatorName);
    }

    private String roleArn() {
        return "arn:aws:iam::" + account + ":role/" + roleName;
    }

    private String createOperatorRole() {
        return learner.call(
                "createOperatorRole(\"" + roleName + "\", \"" + operatorArn() + "\", \"" + externalId + "\")",
                () -> operatorAccess().createOperatorRole(roleName, operatorArn(), externalId));
    }

    /**
     * The role's trust policy as IAM stores it, and the caller's own policy, which lets them assume the
     * role: a request from another account needs both.
     */
    private PolicySet trustAndCallerPolicy() {
        String mayAssume = """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "%s"}]}""".formatted(roleArn());
        return PolicySet.builder()
                .resourcePolicy("trust policy of " + roleName, readBack.trustPolicy(roleName))
                .identityPolicy("caller's own MayAssumeOperatorRole", mayAssume)
                .build();
    }

    private Access assume(String who, RequestContext.Builder caller, String externalIdOrNull) {
        RequestContext.Builder request = caller.action("sts:AssumeRole").resource(roleArn());
        if (externalIdOrNull != null) {
            request.context("sts:ExternalId", externalIdOrNull);
        }
        return Access.of(who, request);
    }

    /** The operator role made by the kit, with the trust policy the lesson writes. */
    private void operatorRoleFixture() {
        String trust = """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "sts:AssumeRole",
                                "Condition": {"StringEquals": {"sts:ExternalId": "%s"}}}]}""".formatted(operatorArn(), externalId);
        kit.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trust));
    }

    private OperatorSession assumeOperatorRole(String sessionName) {
        return learner.call(
                "assumeOperatorRole(\"" + roleArn() + "\", \"" + sessionName + "\", \"" + externalId + "\")",
                () -> operatorAccess().assumeOperatorRole(roleArn(), sessionName, externalId));
    }

    @Graded(points = 2)
    @DisplayName("creates the operator role, which the vendor's operator may assume with the agreed external id")
    void theOperatorMayAssumeTheRole() {
        String returned = createOperatorRole();

        assertThat(returned)
                .as(
                        "expected createOperatorRole to return the new role's ARN %s, but it returned %s",
                        roleArn(), returned)
                .isEqualTo(roleArn());
        assertThatPolicies(trustAndCallerPolicy())
                .as(
                        "the trust policy of %s must name %s in Principal {\"AWS\": ...} and accept sts:ExternalId %s",
                        roleName, operatorArn(), externalId)
                .allows(assume(
                        "the operator with the right external id", Callers.user(VENDOR, operatorName), externalId));
    }

    @Graded(points = 3)
    @DisplayName("lets no one else assume it, even with the right external id")
    void noOneElseMayAssumeIt() {
        createOperatorRole();

        assertThatPolicies(trustAndCallerPolicy())
                .as(
                        "name the operator's own user ARN, not \"*\" or the vendor's account: then every user the vendor"
                                + " allows (or anyone at all) could assume %s",
                        roleName)
                .denies(List.of(
                        assume("another user of the vendor's account", Callers.user(VENDOR, "intern"), externalId),
                        assume(
                                "the root user of the vendor's account",
                                RequestContext.builder().principalAccount(VENDOR),
                                externalId),
                        assume(
                                "a user of the same name in Arcade's account",
                                Callers.user(account, operatorName),
                                externalId),
                        assume("a user of a third account", Callers.user("777788889999", operatorName), externalId)));
    }

    @Graded(points = 3)
    @DisplayName("requires the agreed external id: none, a wrong one or a longer one is denied")
    void requiresTheExternalId() {
        createOperatorRole();

        assertThatPolicies(trustAndCallerPolicy())
                .as(
                        "the trust policy of %s needs \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"%s\"}}"
                                + " (not ...IfExists, not StringLike with a wildcard)",
                        roleName, externalId)
                .denies(List.of(
                        assume("the operator without an external id", Callers.user(VENDOR, operatorName), null),
                        assume(
                                "the operator with another customer's external id",
                                Callers.user(VENDOR, operatorName),
                                "SomeOtherCustomer-4711"),
                        assume(
                                "the operator with the external id and more",
                                Callers.user(VENDOR, operatorName),
                                externalId + "-x")));
    }

    @Graded(points = 2)
    @DisplayName("assumes the role through STS with AssumeRole, the session name and the external id")
    void assumesTheRoleWithSessionNameAndExternalId(ApiCalls calls) {
        operatorRoleFixture();

        assumeOperatorRole("ticket-4711");

        assertThat(calls.requests(AssumeRoleRequest.class))
                .as(
                        "expected one AssumeRole of %s with RoleSessionName ticket-4711 and ExternalId %s, but your code"
                                + " called: %s",
                        roleArn(), externalId, calls.summary())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.roleArn()).as("RoleArn").isEqualTo(roleArn());
                    assertThat(r.roleSessionName()).as("RoleSessionName").isEqualTo("ticket-4711");
                    assertThat(r.externalId()).as("ExternalId").isEqualTo(externalId);
                });
    }

    @Graded(points = 2)
    @DisplayName("returns the assumed-role identity that GetCallerIdentity reports for the temporary credentials")
    void returnsTheAssumedRoleIdentity(ApiCalls calls) {
        operatorRoleFixture();

        OperatorSession session = assumeOperatorRole("ticket-4712");

        String expected = "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/ticket-4712";
        assertThat(calls.operations())
                .as(
                        "expected AssumeRole and then GetCallerIdentity (with a client built on the temporary"
                                + " credentials), but your code called: %s",
                        calls.summary())
                .containsSubsequence("AssumeRole", "GetCallerIdentity");
        // What STS itself answered, not a string built from the role's name: only a GetCallerIdentity signed with
        // the temporary credentials answers with the role session.
        List<String> answered = calls.of("GetCallerIdentity").stream()
                .flatMap(c -> c.response().stream())
                .map(r -> ((GetCallerIdentityResponse) r).arn())
                .toList();
        assertThat(answered)
                .as(
                        "expected a GetCallerIdentity made with the temporary credentials, which STS answers with %s, but"
                                + " STS answered your code's GetCallerIdentity calls with %s: build an StsClient on the"
                                + " credentials AssumeRole returned (session token included) and ask it",
                        expected, answered)
                .contains(expected);
        assertThat(session.callerArn())
                .as(
                        "expected the caller ARN of the role session, %s: GetCallerIdentity must be signed with the"
                                + " temporary credentials, not with your own, but it was %s",
                        expected, session.callerArn())
                .isEqualTo(expected);
    }

    @Graded(points = 1)
    @DisplayName("returns temporary credentials: an ASIA key, a session token and an expiry, and they work")
    void returnsWorkingTemporaryCredentials(AwsClients clients, ApiCalls calls) {
        operatorRoleFixture();

        OperatorSession session = assumeOperatorRole("ticket-4713");

        assertThat(session.credentials().accessKeyId())
                .as("expected a temporary access key id, which starts with ASIA (long-lived ones start with AKIA)")
                .startsWith("ASIA");
        software.amazon.awssdk.services.sts.model.Credentials issued = calls.of("AssumeRole").stream()
                .flatMap(c -> c.response().stream())
                .map(r -> ((AssumeRoleResponse) r).credentials())
                .reduce((first, second) -> second)
                .orElse(null);
        String issuedToken = issued == null ? null : issued.sessionToken();
        assertThat(session.credentials().sessionToken())
                .as(
                        "expected the session token AssumeRole issued (without it, or with another value, every request"
                                + " with these credentials is refused), but it was %s",
                        session.credentials().sessionToken())
                .isNotBlank()
                .isEqualTo(issuedToken);
        assertThat(session.credentials().expirationTime())
                .as(
                        "expected the expiration AssumeRole returned (%s), which says when these credentials stop"
                                + " working, not a time of your own",
                        issued == null ? "no AssumeRole call succeeded" : issued.expiration())
                .hasValueSatisfying(t ->
                        assertThat(t).isAfter(Instant.now()).isEqualTo(issued == null ? null : issued.expiration()));
        try (StsClient asOperator = clients.configure(StsClient.builder(), false)
                .credentialsProvider(StaticCredentialsProvider.create(session.credentials()))
                .build()) {
            String arn;
            try {
                arn = asOperator.getCallerIdentity().arn();
            } catch (StsException e) {
                throw new AssertionError(
                        "expected the returned credentials to work, but STS refused a GetCallerIdentity"
                                + " made with them: " + e.awsErrorDetails().errorMessage(),
                        e);
            }
            assertThat(arn)
                    .as(
                            "expected the returned credentials to belong to the role session ticket-4713 of %s, but STS"
                                    + " says they are %s",
                            roleName, arn)
                    .endsWith(":assumed-role/" + roleName + "/ticket-4713");
        }
    }
}
