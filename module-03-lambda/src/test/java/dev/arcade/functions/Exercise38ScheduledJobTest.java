package dev.arcade.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.sdk.AwsClients;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.Triggers.Delivery;
import dev.arcade.lambda.triggers.EventBridgeEvent;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

@AwsTest
@Exercise("3.8")
@DisplayName("3.8 A scheduled job")
class Exercise38ScheduledJobTest {

    private static final String REGION = "us-east-1";
    private static final Instant MONDAY_3AM = Instant.parse("2026-11-30T03:00:00Z");

    private Learner learner;
    private EventBridgeClient forLearnerEvents;
    private LambdaClient forLearnerLambda;
    private EventBridgeClient events;
    private LambdaClient lambda;
    private LambdaRuntime runtime;
    private Functions functions;
    private DynamoDbClient dynamo;
    private ResourceNames names;
    private String account;

    @BeforeEach
    void setUp(
            Learner learner,
            AwsClients clients,
            @CodeUnderTest LambdaClient forLearnerLambda,
            LambdaClient lambda,
            IamClient iam,
            DynamoDbClient dynamo,
            LambdaRuntime runtime,
            Backend backend,
            ResourceNames names) {
        this.learner = learner;
        // the kit makes no EventBridge client: built here with its settings, the learner's one recorded
        this.forLearnerEvents = clients.forCodeUnderTest().configure(EventBridgeClient.builder(), true).build();
        this.events = clients.configure(EventBridgeClient.builder(), false).build();
        this.forLearnerLambda = forLearnerLambda;
        this.events = events;
        this.lambda = lambda;
        this.dynamo = dynamo;
        this.runtime = runtime;
        this.names = names;
        this.functions = new Functions(iam, lambda, names);
        this.account = backend.accountId();
    }

    @AfterEach
    void closeClients() {
        forLearnerEvents.close();
        events.close();
    }

    /** A deployed function to schedule (the given worker: these tests are about the schedule, not the job). */
    private String deployTarget() {
        ScoresTables.Table table = ScoresTables.create(dynamo, names);
        String name = functions.deployScoreWorker(table, functions.roleWithTableAccess(table));
        return lambda.getFunction(b -> b.functionName(name)).configuration().functionArn();
    }

    private String schedule(String ruleName, String functionArn) {
        return learner.call(
                "WeeklySchedule.schedule(events, lambda, \"" + ruleName + "\", \"" + functionArn + "\")",
                () -> WeeklySchedule.schedule(forLearnerEvents, forLearnerLambda, ruleName, functionArn));
    }

    private Delivery deliver(String ruleAccount, String ruleName, String functionArn) {
        return runtime.triggers()
                .deliver(EventBridgeEvent.scheduled(REGION, ruleAccount, ruleName, MONDAY_3AM, new Random(38)),
                        functionArn);
    }

    @Graded(points = 2)
    @DisplayName("the rule runs once a week, is enabled, and its ARN is returned")
    void ruleIsWeekly() {
        String ruleName = names.unique("WeeklyArchive");
        String ruleArn = schedule(ruleName, deployTarget());

        DescribeRuleResponse rule = events.describeRule(b -> b.name(ruleName));
        assertThat(rule.scheduleExpression())
                .as("expected rule %s to have a weekly schedule expression (cron(M H ? * DAY *) with one day of the"
                        + " week, or rate(7 days)), but it has %s", ruleName, rule.scheduleExpression())
                .matches(WeeklyExpressions::isWeekly);
        assertThat(rule.stateAsString())
                .as("expected rule %s to be ENABLED (a disabled rule never fires), but it is %s",
                        ruleName, rule.stateAsString())
                .isEqualTo("ENABLED");
        assertThat(ruleArn)
                .as("expected schedule(...) to return the rule's ARN as PutRule answered it")
                .isEqualTo(rule.arn())
                .isEqualTo(EventBridgeEvent.ruleArn(REGION, account, "default", ruleName));
    }

    @Graded(points = 2)
    @DisplayName("the rule's only target is the function")
    void targetIsTheFunction() {
        String ruleName = names.unique("WeeklyArchive");
        String fn = deployTarget();
        schedule(ruleName, fn);

        List<Target> targets = events.listTargetsByRule(b -> b.rule(ruleName)).targets();
        assertThat(targets)
                .as("expected rule %s to have exactly one target, the function %s, but its targets are %s",
                        ruleName, fn, targets)
                .singleElement()
                .extracting(Target::arn)
                .isEqualTo(fn);
    }

    @Graded(points = 2)
    @DisplayName("the rule's Scheduled Event reaches the function")
    void ruleEventReachesTheFunction() {
        String ruleName = names.unique("WeeklyArchive");
        String fn = deployTarget();
        schedule(ruleName, fn);

        Delivery delivery = deliver(account, ruleName, fn);
        assertThat(delivery.delivered())
                .as("expected EventBridge to be allowed to invoke %s for rule %s, but Lambda refused: %s. Check the"
                        + " function policy: principal events.amazonaws.com, SourceArn the rule's ARN",
                        fn, ruleName, delivery.reason())
                .isTrue();
    }

    @Graded(points = 3)
    @DisplayName("another rule, in this account or another, cannot invoke the function")
    void otherRulesCannotInvoke() {
        String ruleName = names.unique("WeeklyArchive");
        String fn = deployTarget();
        schedule(ruleName, fn);

        String other = ruleName + "-other";
        Delivery sameAccount = deliver(account, other, fn);
        assertThat(sameAccount.delivered())
                .as("expected rule %s (same account, another name) NOT to be allowed to invoke %s, but it was:"
                        + " the permission's SourceArn must be rule %s's ARN exactly, not a wildcard", other, fn,
                        ruleName)
                .isFalse();
        String elsewhere = "111122223333".equals(account) ? "444455556666" : "111122223333";
        Delivery otherAccount = deliver(elsewhere, ruleName, fn);
        assertThat(otherAccount.delivered())
                .as("expected a rule named %s in account %s NOT to be allowed to invoke %s, but it was: the"
                        + " SourceArn must name your account", ruleName, elsewhere, fn)
                .isFalse();
    }

    /** Checks the two documented forms of a weekly schedule expression. */
    static final class WeeklyExpressions {
        private static final String DAY = "(MON|TUE|WED|THU|FRI|SAT|SUN|[1-7])";

        private WeeklyExpressions() {}

        static boolean isWeekly(String expression) {
            if (expression == null) {
                return false;
            }
            if (expression.equals("rate(7 days)")) {
                return true;
            }
            // cron(minutes hours day-of-month month day-of-week year): one fixed minute and hour, any month,
            // '?' for day of month (it is set by the day of the week), one day of the week, every year.
            return expression.matches("cron\\(([0-5]?\\d) (1?\\d|2[0-3]) \\? \\* " + DAY + " \\*\\)");
        }
    }
}
