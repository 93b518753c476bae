package dev.arcade.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.evaluators.iam.Decision;
import dev.arcade.evaluators.iam.PolicyEvaluator;
import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.evaluators.iam.RequestContext;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.FunctionPackage;
import dev.arcade.kit.sdk.AwsClients;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.streams.DeliveryRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Graded in-process with batches that hold poison records (the handler's response), and through the
 * kit's stream poller, which retries, bisects and sets batches aside as the mapping's settings say:
 * the awards each record earned (the given {@link Awards} counts them), what the poller delivered, and
 * the on-failure queue's messages.
 */
@AwsTest
@Exercise("3.7")
@DisplayName("3.7 Partial batch failures")
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a poison record costs a few invocations
class Exercise37PartialBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLER = AwardsHandler.class.getName() + "::handleRequest";

    private Learner learner;
    private DynamoDbClient dynamo;
    private DynamoDbClient forLearnerDynamo;
    private LambdaClient forLearnerLambda;
    private IamClient forLearnerIam;
    private IamClient iam;
    private LambdaClient lambda;
    private SqsClient sqs;
    private LambdaRuntime runtime;
    private Functions functions;
    private ResourceNames names;
    private ScoresTables.Table table;
    private final List<String> mappings = new ArrayList<>();

    @BeforeEach
    void setUp(
            Learner learner,
            AwsClients clients,
            DynamoDbClient dynamo,
            @CodeUnderTest DynamoDbClient forLearnerDynamo,
            @CodeUnderTest LambdaClient forLearnerLambda,
            @CodeUnderTest IamClient forLearnerIam,
            IamClient iam,
            LambdaClient lambda,
            LambdaRuntime runtime,
            ResourceNames names) {
        this.learner = learner;
        this.dynamo = dynamo;
        this.forLearnerDynamo = forLearnerDynamo;
        this.forLearnerLambda = forLearnerLambda;
        this.forLearnerIam = forLearnerIam;
        this.iam = iam;
        this.lambda = lambda;
        this.sqs = clients.configure(SqsClient.builder(), false).build(); // the kit makes no SQS client
        this.runtime = runtime;
        this.names = names;
        this.functions = new Functions(iam, lambda, names);
        this.table = ScoresTables.create(dynamo, names);
    }

    @AfterEach
    void cleanUp() {
        for (String uuid : mappings) {
            try {
                lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
            } catch (RuntimeException e) {
                // gone already
            }
        }
        sqs.close();
    }

    // ---- in-process: the handler's response ----

    private static DynamodbEvent.DynamodbStreamRecord best(String player, String game, long score, int sequence) {
        return StreamRecords.best("INSERT", player, game, score, sequence(sequence), "e" + sequence);
    }

    private static String sequence(int n) {
        return String.format("3333%020d", n);
    }

    /** A batch of best scores of {@code players} in order; a player named "poison..." scores -1. */
    private static DynamodbEvent batch(String... players) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (int i = 0; i < players.length; i++) {
            long score = players[i].startsWith("poison") ? -1 : 1000 + i;
            records.add(best(players[i], "tetris", score, i + 1));
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    private Awards awards() {
        return new Awards(dynamo, table.name());
    }

    private StreamsEventResponse handle(DynamodbEvent batch) {
        return learner.call(
                "new AwardsHandler(awards).handleRequest(a batch of "
                        + batch.getRecords().size() + " records)",
                () -> new AwardsHandler(new Awards(forLearnerDynamo, table.name()))
                        .handleRequest(batch, new TestContext("awards")));
    }

    private static List<String> identifiers(StreamsEventResponse response) {
        if (response == null || response.getBatchItemFailures() == null) {
            return List.of();
        }
        return response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Graded(points = 2)
    @DisplayName("a poison record in the middle is reported by its sequence number; the records before it are awarded")
    void reportsThePoisonRecordBySequenceNumber() {
        StreamsEventResponse response = handle(batch("ada", "grace", "poison-pete", "linus", "mia"));

        List<String> failed = identifiers(response);
        assertThat(failed)
                .as(
                        "expected batchItemFailures to name the poison record (the third) by its SequenceNumber %s"
                                + " (for a stream, the itemIdentifier is dynamodb.SequenceNumber, not the eventID), but"
                                + " it names %s",
                        sequence(3), failed)
                .isNotEmpty()
                .first()
                .isEqualTo(sequence(3));
        assertThat(awards().count("ada", "tetris", 1000) + awards().count("grace", "tetris", 1001))
                .as("expected ada and grace, before the poison record, to be awarded once each")
                .isEqualTo(2);
    }

    @Graded(points = 1)
    @DisplayName("never reports a record that was processed before the failure")
    void reportsNoRecordBeforeTheFailure() {
        StreamsEventResponse response = handle(batch("ada", "grace", "poison-pete", "linus"));

        assertThat(identifiers(response))
                .as(
                        "expected no batch item failure for ada or grace (done: Lambda must not retry them), but"
                                + " batchItemFailures is %s",
                        identifiers(response))
                .doesNotContain(sequence(1), sequence(2));
    }

    @Graded(points = 1)
    @DisplayName("with two poison records, the first one is the lowest failure reported")
    void reportsTheFirstOfTwoPoisonRecords() {
        StreamsEventResponse response = handle(batch("ada", "poison-pia", "grace", "poison-pete", "linus"));

        List<String> failed = identifiers(response);
        assertThat(failed.stream().sorted().findFirst().orElse("none"))
                .as(
                        "expected the lowest reported failure to be the first poison record %s (Lambda retries from the"
                                + " lowest), but batchItemFailures is %s",
                        sequence(2), failed)
                .isEqualTo(sequence(2));
    }

    @Graded(points = 1)
    @DisplayName("stops at the first failure: the records after it are left for Lambda's retry, not awarded now")
    void stopsAtTheFirstFailure() {
        handle(batch("ada", "poison-pete", "grace", "linus"));

        assertThat(awards().count("grace", "tetris", 1002) + awards().count("linus", "tetris", 1003))
                .as("expected grace and linus, after the poison record, not to be awarded in this invocation: a stream"
                        + " is retried from the lowest failed record onwards, so Lambda delivers them again and an"
                        + " award given now would be given twice. Report the failed record and return")
                .isZero();
    }

    @Graded(points = 1)
    @DisplayName("a batch without a poison record reports no failure")
    void reportsNothingWhenAllSucceed() {
        StreamsEventResponse response = handle(batch("ada", "grace", "linus"));

        assertThat(identifiers(response))
                .as("expected an empty batchItemFailures (every record processed), but it is %s", identifiers(response))
                .isEmpty();
        assertThat(awards().count("linus", "tetris", 1002))
                .as("expected linus, the last record, to be awarded once")
                .isEqualTo(1);
    }

    // ---- through the runtime: retries, bisection, the destination ----

    private record Setup(String function, String queueUrl, String queueArn, String roleArn, String uuid) {}

    private Setup connectLearnersMapping() {
        String roleArn = functions.roleWithTableAccess(table);
        String role = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String queueUrl = sqs.createQueue(b -> b.queueName(names.unique("award-failures")))
                .queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        learner.run(
                "FailureHandling.grantDestination(iam, \"" + role + "\", \"" + queueArn + "\")",
                () -> FailureHandling.grantDestination(forLearnerIam, role, queueArn));
        String function = functions.deploy(
                FunctionPackage.builder()
                        .packageOf(AwardsHandler.class)
                        .lambdaEvents()
                        .awsSdkFor(DynamoDbClient.class)
                        .zip(),
                HANDLER,
                roleArn,
                Map.of("TABLE_NAME", table.name()),
                b -> {});
        String uuid = learner.call(
                "FailureHandling.connect(lambda, \"" + function + "\", \"" + table.streamArn() + "\", \"" + queueArn
                        + "\")",
                () -> FailureHandling.connect(forLearnerLambda, function, table.streamArn(), queueArn));
        mappings.add(uuid);
        return new Setup(function, queueUrl, queueArn, roleArn, uuid);
    }

    /** Writes best-score items as an import does, one PutItem each; "poison..." players score -1. */
    private void write(String... players) {
        for (int i = 0; i < players.length; i++) {
            long score = players[i].startsWith("poison") ? -1 : 2000 + i;
            String player = players[i];
            dynamo.putItem(b -> b.tableName(table.name())
                    .item(Map.of(
                            ScoreTable.PK,
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                    ScoreTable.playerKey(player)),
                            ScoreTable.SK,
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                    ScoreTable.bestScoreKey("tetris")),
                            ScoreTable.PLAYER_ID,
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(player),
                            ScoreTable.GAME,
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("tetris"),
                            ScoreTable.SCORE,
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(
                                    Long.toString(score)))));
        }
    }

    @Graded(points = 3)
    @DisplayName("deployed: with a poison record in the middle, the records before it are awarded exactly once")
    void recordsBeforeThePoisonAreProcessedOnce() {
        write("ada", "grace", "linus", "poison-pete", "mia", "kai");
        Setup setup = connectLearnersMapping();

        List<DeliveryRecord> deliveries = runtime.drainStreams().getOrDefault(setup.uuid(), List.of());

        Awards awards = awards();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("ada", awards.count("ada", "tetris", 2000));
        counts.put("grace", awards.count("grace", "tetris", 2001));
        counts.put("linus", awards.count("linus", "tetris", 2002));
        assertThat(counts)
                .as(
                        "expected ada, grace and linus (before the poison record) to be awarded exactly once: report the"
                                + " failed record instead of failing the whole batch, so Lambda retries only from it."
                                + " What the mapping did:%s\n  the awards given",
                        Functions.describe(deliveries))
                .containsExactlyInAnyOrderEntriesOf(Map.of("ada", 1L, "grace", 1L, "linus", 1L));
    }

    @Graded(points = 2)
    @DisplayName("deployed: the poison record is retried twice, then set aside in the on-failure queue")
    void thePoisonRecordGoesToTheQueue() {
        write("ada", "poison-pete", "grace");
        Setup setup = connectLearnersMapping();

        List<DeliveryRecord> deliveries = runtime.drainStreams().getOrDefault(setup.uuid(), List.of());

        List<Message> messages = sqs.receiveMessage(
                        b -> b.queueUrl(setup.queueUrl()).maxNumberOfMessages(10))
                .messages();
        assertThat(messages)
                .as(
                        "expected one message in the on-failure queue once the poison record's retries were used up;"
                                + " what the mapping did:%s\n  the queue holds",
                        Functions.describe(deliveries))
                .hasSize(1);
        JsonNode record;
        try {
            record = JSON.readTree(messages.get(0).body());
        } catch (IOException e) {
            throw new AssertionError(
                    "the queue's message is not JSON: " + messages.get(0).body(), e);
        }
        assertThat(record.path("requestContext").path("approximateInvokeCount").asInt())
                .as(
                        "expected the batch to have been tried 1 + %d times (MaximumRetryAttempts %d), but the invocation"
                                + " record says %s. If the attempts are fewer, the batch may have failed whole each time"
                                + " (a batchItemFailures identifier that is not a SequenceNumber of the batch fails it, and"
                                + " bisection then splits it). What the mapping did:%s",
                        FailureHandling.MAXIMUM_RETRY_ATTEMPTS,
                        FailureHandling.MAXIMUM_RETRY_ATTEMPTS,
                        record,
                        Functions.describe(deliveries))
                .isEqualTo(1 + FailureHandling.MAXIMUM_RETRY_ATTEMPTS);
        assertThat(awards().count("ada", "tetris", 2000))
                .as("expected ada, before the poison record, to be awarded once")
                .isEqualTo(1);
    }

    @Graded(points = 1)
    @DisplayName("deployed: after a poison record is set aside, new records are processed again")
    void theShardMovesOn() {
        write("poison-pete");
        Setup setup = connectLearnersMapping();
        List<DeliveryRecord> first = runtime.drainStreams().getOrDefault(setup.uuid(), List.of());

        write("zoe");
        List<DeliveryRecord> second = runtime.drainStreams().getOrDefault(setup.uuid(), List.of());

        assertThat(awards().count("zoe", "tetris", 2000))
                .as(
                        "expected zoe, written after the poison record, to be awarded once: without a retry limit a"
                                + " poison record blocks its shard until it expires (24 hours). What the mapping did:%s%s"
                                + "\n  zoe's awards",
                        Functions.describe(first), Functions.describe(second))
                .isEqualTo(1);
    }

    @Graded(points = 1)
    @DisplayName("the mapping reports batch item failures, bisects failed batches, retries twice and has the queue")
    void theMappingIsConfigured() {
        Setup setup = connectLearnersMapping();

        GetEventSourceMappingResponse mapping = lambda.getEventSourceMapping(b -> b.uuid(setup.uuid()));
        assertThat(mapping.functionResponseTypes())
                .as(
                        "expected FunctionResponseTypes [ReportBatchItemFailures], but the mapping has %s",
                        mapping.functionResponseTypesAsStrings())
                .containsExactly(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        assertThat(mapping.bisectBatchOnFunctionError())
                .as(
                        "expected BisectBatchOnFunctionError true, but the mapping has %s",
                        mapping.bisectBatchOnFunctionError())
                .isTrue();
        assertThat(mapping.maximumRetryAttempts())
                .as(
                        "expected MaximumRetryAttempts %d, but the mapping has %s",
                        FailureHandling.MAXIMUM_RETRY_ATTEMPTS, mapping.maximumRetryAttempts())
                .isEqualTo(FailureHandling.MAXIMUM_RETRY_ATTEMPTS);
        String destination = mapping.destinationConfig() == null
                        || mapping.destinationConfig().onFailure() == null
                ? null
                : mapping.destinationConfig().onFailure().destination();
        assertThat(destination)
                .as("expected the on-failure destination %s, but the mapping has %s", setup.queueArn(), destination)
                .isEqualTo(setup.queueArn());
        assertThat(mapping.batchSize())
                .as(
                        "expected a batch size of %d, but the mapping has %s",
                        FailureHandling.BATCH_SIZE, mapping.batchSize())
                .isEqualTo(FailureHandling.BATCH_SIZE);
        assertThat(mapping.startingPosition())
                .as(
                        "expected the starting position TRIM_HORIZON, but the mapping has %s",
                        mapping.startingPositionAsString())
                .isEqualTo(EventSourcePosition.TRIM_HORIZON);
    }

    @Graded(points = 2)
    @DisplayName("grantDestination lets the role send to this queue and do nothing else with it or other queues")
    void grantsSendMessageOnTheQueueOnly() {
        Setup setup = connectLearnersMapping(); // Lambda refuses a mapping whose role cannot send to the queue
        String role = setup.roleArn().substring(setup.roleArn().lastIndexOf('/') + 1);

        PolicySet granted = Functions.learnersPolicies(iam, role, Functions.TABLE_ACCESS);
        String otherQueue = setup.queueArn().substring(0, setup.queueArn().lastIndexOf(':') + 1) + "payments";
        Map<String, String[]> denied = new LinkedHashMap<>();
        denied.put("sending to another queue", new String[] {"sqs:SendMessage", otherQueue});
        denied.put("reading the queue's messages", new String[] {"sqs:ReceiveMessage", setup.queueArn()});
        denied.put("deleting its messages", new String[] {"sqs:DeleteMessage", setup.queueArn()});
        denied.put("purging the queue", new String[] {"sqs:PurgeQueue", setup.queueArn()});
        denied.put("changing its policy", new String[] {"sqs:SetQueueAttributes", setup.queueArn()});
        denied.put("reading its attributes", new String[] {"sqs:GetQueueAttributes", setup.queueArn()});
        denied.put("hiding its messages", new String[] {"sqs:ChangeMessageVisibility", setup.queueArn()});
        denied.put("tagging it", new String[] {"sqs:TagQueue", setup.queueArn()});
        denied.put("deleting it", new String[] {"sqs:DeleteQueue", setup.queueArn()});
        RequestContext.Builder session =
                RequestContext.builder().principalArn(Functions.session(setup.roleArn(), setup.function()));
        Decision send = PolicyEvaluator.evaluate(
                session.action("sqs:SendMessage").resource(setup.queueArn()).build(), granted);
        assertThat(send.allowed())
                .as("expected the role to be allowed sqs:SendMessage on %s: %s", setup.queueArn(), send.explanation())
                .isTrue();
        denied.forEach((what, request) -> {
            Decision decision = PolicyEvaluator.evaluate(
                    session.action(request[0]).resource(request[1]).build(), granted);
            assertThat(decision.allowed())
                    .as(
                            "expected grantDestination's policy to allow sending to %s only, but it allows %s (%s on %s): %s",
                            setup.queueArn(), what, request[0], request[1], decision.explanation())
                    .isFalse();
        });
    }
}
