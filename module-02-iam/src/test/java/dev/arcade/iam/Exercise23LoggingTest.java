package dev.arcade.iam;

import static dev.arcade.iam.PolicyAssert.assertThatPolicies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.evaluators.iam.PolicyDocument;
import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.evaluators.iam.PolicyStatement;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.sdk.ApiCalls;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;

@AwsTest
@Exercise("2.3")
@DisplayName("2.3 Logging with an AWS managed policy")
class Exercise23LoggingTest {

    /** AWS keeps the managed policies for service roles under the path /service-role/. */
    private static final String BASIC_EXECUTION_ROLE =
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    /** A newer version of the policy, as AWS might publish it: one more action, statements split by resource. */
    private static final String NEWER_BASIC_EXECUTION_ROLE = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "LogGroups", "Effect": "Allow", "Action": ["logs:CreateLogGroup"], "Resource": "arn:aws:logs:*:*:*"},
                {"Sid": "LogStreams", "Effect": "Allow",
                 "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                 "Resource": "arn:aws:logs:*:*:log-group:/aws/lambda/*:*",
                 "Condition": {"StringNotEquals": {"aws:ResourceTag/note": "100% temporary, 50+50"}}}
              ]
            }""";

    /** A newer version that is not the default: a draft, which grants nothing until it is made the default. */
    private static final String DRAFT_BASIC_EXECUTION_ROLE = """
            {
              "Version": "2012-10-17",
              "Statement": [{"Sid": "Draft", "Effect": "Allow", "Action": ["logs:CreateLogGroup"], "Resource": "*"}]
            }""";

    private static final List<String> NEWER_ACTIONS =
            List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams");

    private Learner learner;
    private IamClient forLearner;
    private IamClient kit;
    private IamReadBack readBack;
    private String account;
    private String roleName;

    @BeforeEach
    void setUp(
            Learner learner, @CodeUnderTest IamClient forLearner, IamClient kit, Backend backend, ResourceNames names) {
        this.learner = learner;
        this.forLearner = forLearner;
        this.kit = kit;
        this.readBack = new IamReadBack(kit, "2.3");
        this.account = backend.accountId();
        this.roleName = names.unique("ScoreFunctionRole");
        Fixtures.executionRole(kit, roleName);
    }

    private void attachLogging() {
        learner.run(
                "attachLogging(\"" + roleName + "\")",
                () -> new ScoreServiceIdentity(forLearner).attachLogging(roleName));
    }

    private List<String> loggingActions() {
        try {
            return learner.call("loggingActions()", () -> new ScoreServiceIdentity(forLearner).loggingActions());
        } catch (AssertionError e) {
            // A JSON parser that meets '%' first was handed the document as IAM returns it: URL-encoded.
            if (String.valueOf(e.getMessage()).contains("'%'")) {
                throw new AssertionError(
                        "expected loggingActions to URL-decode the document GetPolicyVersion returns"
                                + " (IAM returns documents URL-encoded, %7B%22Version%22..., as AWS does) before parsing it,"
                                + " but parsing failed at the '%': " + e.getMessage(),
                        e);
            }
            throw e;
        }
    }

    private List<String> attachedArns() {
        return kit.listAttachedRolePolicies(r -> r.roleName(roleName)).attachedPolicies().stream()
                .map(AttachedPolicy::policyArn)
                .toList();
    }

    private String logGroup() {
        return "arn:aws:logs:" + Fixtures.REGION + ":" + account + ":log-group:/aws/lambda/" + Fixtures.FUNCTION;
    }

    private Access call(String description, String action, String resource) {
        return Access.of(
                description,
                Callers.roleSession(account, roleName, Fixtures.FUNCTION)
                        .action(action)
                        .resource(resource));
    }

    @Graded(points = 2)
    @DisplayName("attaches the AWS managed policy by its ARN, service-role/ path included")
    void attachesTheManagedPolicyByItsArn() {
        attachLogging();

        assertThat(attachedArns())
                .as(
                        "expected %s attached to %s (AttachRolePolicy with the AWS managed policy's ARN; a copy would not get"
                                + " AWS's updates), but ListAttachedRolePolicies found %s",
                        BASIC_EXECUTION_ROLE, roleName, attachedArns())
                .contains(BASIC_EXECUTION_ROLE);
    }

    @Graded(points = 1)
    @DisplayName("adds nothing else to the role: no other managed policy and no inline copy")
    void addsNothingElse() {
        attachLogging();

        assertThat(attachedArns())
                .as("expected exactly one managed policy on %s, AWSLambdaBasicExecutionRole", roleName)
                .containsExactly(BASIC_EXECUTION_ROLE);
        assertThat(kit.listRolePolicies(r -> r.roleName(roleName)).policyNames())
                .as(
                        "expected no inline policy on %s: attach the managed policy rather than copying its statements",
                        roleName)
                .isEmpty();
    }

    @Graded(points = 2)
    @DisplayName("lets the function create its log group and stream and write log events")
    void letsTheFunctionWriteItsLogs() {
        attachLogging();
        PolicySet role = readBack.permissions(roleName).build();
        String stream = logGroup() + ":log-stream:2026/11/26/[$LATEST]4f1c2a";

        assertThatPolicies(role)
                .as("the score function must be able to write its logs")
                .allows(List.of(
                        call("creating its log group", "logs:CreateLogGroup", logGroup()),
                        call("creating a log stream", "logs:CreateLogStream", stream),
                        call("writing log events", "logs:PutLogEvents", stream)));
    }

    @Graded(points = 2)
    @DisplayName("grants nothing beyond writing logs: no deleting or reading logs, no other service")
    void grantsNothingBeyondWritingLogs() {
        attachLogging();
        PolicySet role = readBack.permissions(roleName).build();

        assertThatPolicies(role)
                .as("AWSLambdaBasicExecutionRole grants log writing only; AWSLambdaExecute or AdministratorAccess grant"
                        + " far more")
                .denies(List.of(
                        call("deleting its log group", "logs:DeleteLogGroup", logGroup()),
                        call("changing the retention", "logs:PutRetentionPolicy", logGroup()),
                        call("reading log events", "logs:GetLogEvents", logGroup() + ":log-stream:any"),
                        call("reading an S3 object", "s3:GetObject", "arn:aws:s3:::arcade-private/keys.txt"),
                        call(
                                "reading the scores table",
                                "dynamodb:GetItem",
                                "arn:aws:dynamodb:" + Fixtures.REGION + ":" + account + ":table/Scores"),
                        call("creating an IAM user", "iam:CreateUser", "arn:aws:iam::" + account + ":user/backdoor")));
    }

    @Graded(points = 2)
    @DisplayName("loggingActions returns the actions the policy's default version grants")
    void loggingActionsReturnsTheGrantedActions() {
        List<String> actions = loggingActions();

        PolicyDocument current = readBack.managedPolicy(BASIC_EXECUTION_ROLE);
        List<String> expected = current.statements().stream()
                .filter(s -> s.effect() == PolicyStatement.Effect.ALLOW)
                .flatMap(s -> s.actions().stream())
                .toList();
        assertThat(actions)
                .as(
                        "expected the actions of the default version of %s, %s, but loggingActions returned %s",
                        BASIC_EXECUTION_ROLE, expected, actions)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Graded(points = 1)
    @DisplayName("loggingActions follows the default version when AWS publishes a new one, not a newer draft")
    void loggingActionsFollowsANewDefaultVersion(ApiCalls calls) {
        // AWS updates its managed policies by publishing a new default version. The kit stands in for AWS here
        // and sets the previous version back as default afterwards.
        String previous =
                kit.getPolicy(r -> r.policyArn(BASIC_EXECUTION_ROLE)).policy().defaultVersionId();
        String published = kit.createPolicyVersion(r ->
                        r.policyArn(BASIC_EXECUTION_ROLE).setAsDefault(true).policyDocument(NEWER_BASIC_EXECUTION_ROLE))
                .policyVersion()
                .versionId();
        // and, newer still, a draft that is not the default: the newest version is not the one that applies
        String draft = kit.createPolicyVersion(r -> r.policyArn(BASIC_EXECUTION_ROLE)
                        .setAsDefault(false)
                        .policyDocument(DRAFT_BASIC_EXECUTION_ROLE))
                .policyVersion()
                .versionId();
        try {
            List<String> actions = loggingActions();

            assertThat(actions)
                    .as(
                            "expected the actions of the new default version %s of %s, %s, but loggingActions returned %s"
                                    + " (read the DefaultVersionId from GetPolicy and that version's document, rather than a"
                                    + " version id, the newest version or a list of actions written into your code; the"
                                    + " document holds a '%%' and a '+', so URL-decode it exactly once)",
                            published, BASIC_EXECUTION_ROLE, NEWER_ACTIONS, actions)
                    .containsExactlyInAnyOrderElementsOf(NEWER_ACTIONS);
        } finally {
            kit.setDefaultPolicyVersion(r -> r.policyArn(BASIC_EXECUTION_ROLE).versionId(previous));
            kit.deletePolicyVersion(r -> r.policyArn(BASIC_EXECUTION_ROLE).versionId(draft));
            kit.deletePolicyVersion(r -> r.policyArn(BASIC_EXECUTION_ROLE).versionId(published));
        }
    }

    @Graded(points = 1)
    @DisplayName(
            "loggingActions reads the default version from IAM (its id from GetPolicy or ListPolicyVersions, its document from GetPolicyVersion)")
    void loggingActionsReadsTheDefaultVersion(ApiCalls calls) {
        loggingActions();

        String defaultVersion =
                kit.getPolicy(r -> r.policyArn(BASIC_EXECUTION_ROLE)).policy().defaultVersionId();
        assertThat(calls.requests(GetPolicyVersionRequest.class))
                .as(
                        "expected a GetPolicyVersion of %s version %s (the default version, the one that applies), but your"
                                + " code called: %s",
                        BASIC_EXECUTION_ROLE, defaultVersion, calls.summary())
                .anySatisfy(r -> {
                    assertThat(r.policyArn()).isEqualTo(BASIC_EXECUTION_ROLE);
                    assertThat(r.versionId()).isEqualTo(defaultVersion);
                });
        assertThat(calls.count("GetPolicy") + calls.count("ListPolicyVersions"))
                .as(
                        "expected your code to find the default version's id with GetPolicy (DefaultVersionId) or"
                                + " ListPolicyVersions (IsDefaultVersion) rather than assume it, but it called: %s",
                        calls.summary())
                .isPositive();
    }
}
