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
import dev.arcade.lambda.runtime.Invocation;
import dev.arcade.lambda.triggers.EventBridgeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

@AwsTest
@Exercise("3.8")
@DisplayName("3.8 A scheduled job")
// deploys a function and runs it up to six times, 2 s each: more than the default 10 s
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Exercise38ScheduledJobTest {

    private static final String REGION = "us-east-1";
    private static final Instant MONDAY_3AM = Instant.parse("2026-11-30T03:00:00Z");
    /** A delivery for a week that is not the clock's: Sunday 23:59:59 UTC at the end of ISO week 47 of 2026. */
    private static final Instant LAST_WEEK = Instant.parse("2026-11-22T23:59:59Z");

    private static final String LAST_WEEK_NAME = "2026-W47";

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
    private Archive38Fixtures.Job job;

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
        this.forLearnerEvents = clients.forCodeUnderTest()
                .configure(EventBridgeClient.builder(), true)
                .build();
        this.events = clients.configure(EventBridgeClient.builder(), false).build();
        this.forLearnerLambda = forLearnerLambda;
        this.lambda = lambda;
        this.dynamo = dynamo;
        this.runtime = runtime;
        this.names = names;
        this.functions = new Functions(iam, lambda, names);
        this.account = backend.accountId();
        this.job = Archive38Fixtures.deploy(dynamo, functions, names);
    }

    @AfterEach
    void closeClients() {
        forLearnerEvents.close();
        events.close();
    }

    /** The deployed job's ARN, to schedule. */
    private String deployTarget() {
        return job.functionArn();
    }

    private String schedule(String ruleName, String functionArn) {
        return learner.call(
                "WeeklySchedule.schedule(events, lambda, \"" + ruleName + "\", \"" + functionArn + "\")",
                () -> WeeklySchedule.schedule(forLearnerEvents, forLearnerLambda, ruleName, functionArn));
    }

    private Delivery deliver(String ruleAccount, String ruleName, String functionArn) {
        return runtime.triggers()
                .deliver(
                        EventBridgeEvent.scheduled(REGION, ruleAccount, ruleName, MONDAY_3AM, new Random(38)),
                        functionArn);
    }

    @Graded(points = 1)
    @DisplayName("the rule runs once a week, is enabled, and its ARN is returned")
    void ruleIsWeekly() {
        String ruleName = names.unique("WeeklyArchive");
        String ruleArn = schedule(ruleName, deployTarget());

        DescribeRuleResponse rule = events.describeRule(b -> b.name(ruleName));
        assertThat(rule.scheduleExpression() != null && WeeklyExpressions.isWeekly(rule.scheduleExpression()))
                .as(
                        "expected rule %s to have a weekly schedule expression (cron(M H ? * DAY *) with one day of the"
                                + " week, or rate(7 days)), but it has %s",
                        ruleName, rule.scheduleExpression())
                .isTrue();
        assertThat(rule.stateAsString())
                .as(
                        "expected rule %s to be ENABLED (a disabled rule never fires), but it is %s",
                        ruleName, rule.stateAsString())
                .isEqualTo("ENABLED");
        assertThat(ruleArn)
                .as("expected schedule(...) to return the rule's ARN as PutRule answered it")
                .isEqualTo(rule.arn())
                .isEqualTo(EventBridgeEvent.ruleArn(REGION, account, "default", ruleName));
    }

    @Graded(points = 1)
    @DisplayName("the rule's only target is the function")
    void targetIsTheFunction() {
        String ruleName = names.unique("WeeklyArchive");
        String fn = deployTarget();
        schedule(ruleName, fn);

        List<Target> targets = events.listTargetsByRule(b -> b.rule(ruleName)).targets();
        assertThat(targets)
                .as(
                        "expected rule %s to have exactly one target, the function %s, but its targets are %s",
                        ruleName, fn, targets)
                .singleElement()
                .extracting(Target::arn)
                .isEqualTo(fn);
    }

    @Graded(points = 1)
    @DisplayName("the rule's Scheduled Event reaches the function")
    void ruleEventReachesTheFunction() {
        String ruleName = names.unique("WeeklyArchive");
        String fn = deployTarget();
        schedule(ruleName, fn);

        Delivery delivery = deliver(account, ruleName, fn);
        assertThat(delivery.delivered())
                .as(
                        "expected EventBridge to be allowed to invoke %s for rule %s, but Lambda refused: %s. Check the"
                                + " function policy: principal events.amazonaws.com, SourceArn the rule's ARN",
                        fn, ruleName, delivery.reason())
                .isTrue();
    }

    @Graded(points = 2)
    @DisplayName("another rule, in this account or another, cannot invoke the function")
    void otherRulesCannotInvoke() {
        String ruleName = names.unique("WeeklyArchive");
        String fn = deployTarget();
        schedule(ruleName, fn);

        String other = ruleName + "-other";
        Delivery sameAccount = deliver(account, other, fn);
        assertThat(sameAccount.delivered())
                .as(
                        "expected rule %s (same account, another name) NOT to be allowed to invoke %s, but it was:"
                                + " the permission's SourceArn must be rule %s's ARN exactly, not a wildcard",
                        other, fn, ruleName)
                .isFalse();
        String elsewhere = "111122223333".equals(account) ? "444455556666" : "111122223333";
        Delivery otherAccount = deliver(elsewhere, ruleName, fn);
        assertThat(otherAccount.delivered())
                .as(
                        "expected a rule named %s in account %s NOT to be allowed to invoke %s, but it was: the"
                                + " SourceArn must name your account",
                        ruleName, elsewhere, fn)
                .isFalse();
    }

    /** One run of the job, as the schedule fires it for the week of {@code time}. */
    private ArchiveReport run(Instant time, int number) {
        EventBridgeEvent event = EventBridgeEvent.scheduled(REGION, account, "WeeklyArchive", time, new Random(number));
        Invocation run = runtime.invoke(job.functionArn(), event.toJsonString(), EventBridgeEvent.PRINCIPAL);
        Functions.failIfSkeleton(run, "3.8");
        String log = String.join("\n", run.log());
        assertThat(run.failed() && "Sandbox.Timedout".equals(run.errorType()))
                .as(
                        "expected run %d of the job to stop by itself before its %d s timeout (check"
                                + " context.getRemainingTimeInMillis() before every page, and stop when less than"
                                + " SAFETY_MARGIN_MS is left), but Lambda killed it: %s",
                        number, Archive38Fixtures.TIMEOUT_S, run.payloadText())
                .isFalse();
        assertThat(run.failed())
                .as(
                        "expected run %d of the job to succeed, but it failed with %s: %s%nlog:%n%s",
                        number, run.errorType(), run.payloadText(), log)
                .isFalse();
        assertThat(log)
                .as("expected run %d not to time out, but its log says so", number)
                .doesNotContain("Task timed out");
        return Archive38Fixtures.report(run.payloadText());
    }

    /** Runs the job until it reports done, at most {@value Archive38Fixtures#MAX_RUNS} times. */
    private List<ArchiveReport> runUntilDone(Instant time) {
        List<ArchiveReport> reports = new ArrayList<>();
        for (int i = 1; i <= Archive38Fixtures.MAX_RUNS; i++) {
            ArchiveReport report = run(time, i);
            reports.add(report);
            if (report.done()) {
                return reports;
            }
        }
        throw new AssertionError(String.format(
                "expected the job to finish the week within %d runs (the %d best scores need about %d pages, a run"
                        + " has time for several), but it reported %s: does each run resume from the saved"
                        + " checkpoint's lastKey instead of starting over?",
                Archive38Fixtures.MAX_RUNS, Archive38Fixtures.PLAYERS, Archive38Fixtures.PAGES, reports));
    }

    @Graded(points = 2)
    @DisplayName("a run that cannot finish stops before its timeout, reports not done, and saves a checkpoint")
    void firstRunStopsInTime() {
        ArchiveReport first = run(LAST_WEEK, 1);

        assertThat(first.done())
                .as(
                        "expected the first run not to be done (the week needs more pages than a %d s run has time for),"
                                + " but it reported %s",
                        Archive38Fixtures.TIMEOUT_S, first)
                .isFalse();
        assertThat(first.archived())
                .as("expected the first run to archive some best scores before it stopped, but it reported %s", first)
                .isBetween(1, Archive38Fixtures.PLAYERS - 1);
        Optional<ArchiveStore.Checkpoint> checkpoint = job.store().checkpoint(LAST_WEEK_NAME);
        assertThat(checkpoint)
                .as(
                        "expected a checkpoint for week %s (PK CHECKPOINT, SK %s) after the first run stopped, but there"
                                + " is none: call store.saveCheckpoint before returning",
                        LAST_WEEK_NAME, LAST_WEEK_NAME)
                .isPresent();
        assertThat(checkpoint.get().lastKey())
                .as(
                        "expected the checkpoint to hold the scan's last evaluated key and done=false, but it is %s",
                        checkpoint.get())
                .isNotEmpty();
        assertThat(checkpoint.get().done())
                .as("expected the checkpoint not to be done yet")
                .isFalse();
    }

    @Graded(points = 1)
    @DisplayName("a run that breaks in the middle of a page loses no best score: the next runs archive every one")
    void aBrokenRunLosesNothing() {
        com.amazonaws.services.lambda.runtime.events.ScheduledEvent event =
                new com.amazonaws.services.lambda.runtime.events.ScheduledEvent();
        event.setTime(new org.joda.time.DateTime(LAST_WEEK.toEpochMilli(), org.joda.time.DateTimeZone.UTC));
        event.setDetailType("Scheduled Event");
        event.setSource("aws.events");
        DynamoDbClient failing = Archive38Fixtures.failingOnWrite(dynamo, 3);
        try {
            new WeeklyArchiveHandler(new ArchiveStore(failing, job.scores(), job.archive(), 0))
                    .handleRequest(event, new TestContext("broken-run"));
        } catch (UnsupportedOperationException todo) {
            throw todo;
        } catch (RuntimeException expected) {
            // the injected failure of the third archive write
        }
        List<ArchiveReport> reports = new ArrayList<>();
        for (int run = 0; run < Archive38Fixtures.PAGES + 2; run++) {
            ArchiveReport report = learner.call(
                    "new WeeklyArchiveHandler(store).handleRequest(event, context)",
                    () -> new WeeklyArchiveHandler(new ArchiveStore(dynamo, job.scores(), job.archive(), 0))
                            .handleRequest(event, new TestContext("next-run")));
            reports.add(report);
            if (report.done()) {
                break;
            }
        }

        Set<String> archived = job.archived(LAST_WEEK_NAME).keySet();
        List<String> missing =
                job.bestKeys().stream().filter(k -> !archived.contains(k)).toList();
        assertThat(missing)
                .as(
                        "expected every best score archived once the runs after a broken one were done (%s), but %d"
                                + " never were: save the checkpoint only after its page is copied, or a run that breaks"
                                + " in the middle of a page skips the rest of it",
                        reports, missing.size())
                .isEmpty();
    }

    @Graded(points = 3)
    @DisplayName("the next runs resume where the last stopped and finish: every best score archived exactly once")
    void runsResumeAndFinish() {
        List<ArchiveReport> reports = runUntilDone(LAST_WEEK);

        assertThat(reports)
                .as("expected the week to need more than one run, but the first run reported %s", reports)
                .hasSizeGreaterThan(1);
        Map<String, Integer> copies = job.archived(LAST_WEEK_NAME);
        assertThat(copies.keySet())
                .as(
                        "expected every player's best score (and nothing else: no TOP10 or game items) in the archive of"
                                + " week %s",
                        LAST_WEEK_NAME)
                .containsExactlyInAnyOrderElementsOf(job.bestKeys());
        assertThat(copies)
                .as("expected each best score to be copied exactly once (copies = 1), but some were copied again:"
                        + " a run must start from the checkpoint's lastKey, and save it only after its page is copied")
                .allSatisfy((key, n) -> assertThat(n).as("copies of %s", key).isEqualTo(1));
        assertThat(reports.stream().mapToInt(ArchiveReport::archived).sum())
                .as(
                        "expected the runs' archived counts to add up to the %d best scores, but the runs reported %s",
                        Archive38Fixtures.PLAYERS, reports)
                .isEqualTo(Archive38Fixtures.PLAYERS);
    }

    @Graded(points = 1)
    @DisplayName("the archive is filed under the week of the event's time, not the clock's")
    void weekComesFromTheEvent() {
        ArchiveReport first = run(LAST_WEEK, 1);

        assertThat(first.week())
                .as(
                        "expected the run for an event of %s to archive week %s (read event.getTime(), not the clock),"
                                + " but it reported %s",
                        LAST_WEEK, LAST_WEEK_NAME, first)
                .isEqualTo(LAST_WEEK_NAME);
        assertThat(job.archived(LAST_WEEK_NAME))
                .as("expected the archive items under ARCHIVE#%s", LAST_WEEK_NAME)
                .hasSize(first.archived());
        String thisWeek = ArchiveStore.weekOf(Instant.now());
        assertThat(job.archived(thisWeek))
                .as(
                        "expected nothing archived under this week %s, the clock's: the event was for %s",
                        thisWeek, LAST_WEEK_NAME)
                .isEmpty();
    }

    @Graded(points = 1)
    @DisplayName("a run after the week is done copies nothing more")
    void runAfterDoneDoesNothing() {
        List<ArchiveReport> reports = runUntilDone(LAST_WEEK);
        ArchiveReport again = run(LAST_WEEK, reports.size() + 1);

        assertThat(again)
                .as(
                        "expected a run of week %s after it was done to report {archived: 0, done: true}, but it"
                                + " reported %s",
                        LAST_WEEK_NAME, again)
                .isEqualTo(new ArchiveReport(LAST_WEEK_NAME, 0, true));
        assertThat(job.archived(LAST_WEEK_NAME).values())
                .as("expected no best score copied again by the run after done")
                .containsOnly(1);
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
