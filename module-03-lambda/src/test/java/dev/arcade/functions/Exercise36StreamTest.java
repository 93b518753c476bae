package dev.arcade.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.arcade.evaluators.iam.PolicyEvaluator;
import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.evaluators.iam.RequestContext;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Hint;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.FunctionPackage;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.streams.DeliveryRecord;
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
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;

/**
 * Graded in-process with stream batches (a sample event file and batches built here), and through
 * the kit's runtime: the learner's handler deployed, the learner's event source mapping polled by the
 * kit as Lambda polls a stream (filters, batch size, starting position, the role's stream permissions).
 */
@AwsTest
@Exercise("3.6")
@DisplayName("3.6 React to the stream")
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // the deployed tests start a function
class Exercise36StreamTest {
    private static final String HANDLER = TopTenHandler.class.getName() + "::handleRequest";

    private Learner learner;
    private DynamoDbClient dynamo;
    private DynamoDbClient forLearnerDynamo;
    private LambdaClient forLearnerLambda;
    private IamClient forLearnerIam;
    private IamClient iam;
    private LambdaClient lambda;
    private LambdaRuntime runtime;
    private Functions functions;
    private ResourceNames names;
    private ScoresTables.Table table;
    /** The mappings a test made: deleted after it, so that later drains do not poll them again. */
    private final List<String> mappings = new ArrayList<>();

    @AfterEach
    void deleteMappings() {
        for (String uuid : mappings) {
            try {
                lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
            } catch (RuntimeException e) {
                // gone already
            }
        }
    }

    @BeforeEach
    void setUp(
            Learner learner,
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
        this.runtime = runtime;
        this.names = names;
        this.functions = new Functions(iam, lambda, names);
        this.table = ScoresTables.create(dynamo, names);
    }

    // ---- in-process: the handler on batches ----

    private TopTenStore store() {
        return new TopTenStore(dynamo, table.name());
    }

    private void handle(DynamodbEvent batch) {
        learner.run(
                "new TopTenHandler(store).handleRequest(batch of "
                        + batch.getRecords().size() + " records)",
                () -> new TopTenHandler(new TopTenStore(forLearnerDynamo, table.name()))
                        .handleRequest(batch, new TestContext("top-ten")));
    }

    private List<LeaderboardEntry> topTen(String game) {
        return store().load(game).entries();
    }

    /** A best-score record, as BestScores' UpdateItem makes it appear on the stream. */
    private static DynamodbEvent.DynamodbStreamRecord best(
            String eventName, String player, String game, long score, int sequence) {
        return StreamRecords.best(
                eventName, player, game, score, String.format("2222%020d", sequence), "event-" + sequence);
    }

    private static DynamodbEvent batch(List<DynamodbEvent.DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(new ArrayList<>(records));
        return event;
    }

    private static List<LeaderboardEntry> entries(Object... playerAndScore) {
        List<LeaderboardEntry> entries = new ArrayList<>();
        for (int i = 0; i < playerAndScore.length; i += 2) {
            entries.add(new LeaderboardEntry((String) playerAndScore[i], ((Number) playerAndScore[i + 1]).longValue()));
        }
        return entries;
    }

    @Graded(points = 2)
    @DisplayName("puts the batch's new best scores into each game's top 10, best first")
    void putsNewBestsIntoTheTopTen() {
        handle(Functions.sampleEvent("events/3.6-stream-batch.json", DynamodbEvent.class));

        assertThat(topTen("tetris"))
                .as("expected the tetris top 10 to be grace 5100 then ada 4200 (the INSERT and the MODIFY of"
                        + " events/3.6-stream-batch.json), but it is")
                .containsExactlyElementsOf(entries("grace", 5100, "ada", 4200));
        assertThat(topTen("snake"))
                .as("expected the snake top 10 to hold linus 900 (a game of its own), but it is")
                .containsExactlyElementsOf(entries("linus", 900));
    }

    @Graded(points = 2)
    @DisplayName("leaves alone what is not a new best: a REMOVE, a top-10 item, an item that is not a best score")
    void ignoresRecordsThatAreNotNewBests() {
        handle(Functions.sampleEvent("events/3.6-stream-batch.json", DynamodbEvent.class));

        assertThat(topTen("tetris"))
                .as("expected bob (a REMOVE record: only its OldImage holds a score) to stay out of the tetris top"
                        + " 10, but it is")
                .isNotEmpty()
                .extracting(LeaderboardEntry::playerId)
                .doesNotContain("bob");
        assertThat(store().load("chess").version())
                .as("expected no chess top 10: the batch's chess records are a top-10 item's MODIFY (your function's"
                        + " own write) and a PROFILE item, not best scores; but one was written")
                .isZero();
    }

    @Graded(points = 2)
    @DisplayName("keeps ten entries at most, each player once with their highest score")
    void keepsTheTenBestOnce() {
        List<DynamodbEvent.DynamodbStreamRecord> first = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            first.add(best("INSERT", String.format("p%02d", i), "tetris", 1100 - i * 100L, i));
        }
        handle(batch(first));
        handle(batch(List.of(
                best("MODIFY", "p05", "tetris", 2000, 11), // already in the top 10: moves up, once
                best("INSERT", "zed", "tetris", 150, 12), // enters in tenth place: p10 (100) leaves
                best("INSERT", "amy", "tetris", 50, 13)))); // too low

        assertThat(topTen("tetris"))
                .as("expected p05 once at the top, zed tenth, p10 and amy out, but the top 10 is")
                .containsExactlyElementsOf(entries(
                        "p05", 2000, "p01", 1000, "p02", 900, "p03", 800, "p04", 700, "p06", 500, "p07", 400, "p08",
                        300, "p09", 200, "zed", 150));
    }

    @Graded(points = 1)
    @DisplayName("orders equal scores by player id, as merge's Javadoc says")
    void ordersEqualScoresByPlayerId() {
        handle(batch(List.of(
                best("INSERT", "mia", "snake", 700, 1),
                best("INSERT", "eve", "snake", 700, 2),
                best("INSERT", "kai", "snake", 900, 3))));

        assertThat(topTen("snake"))
                .as("expected kai 900, then eve and mia (both 700) in player id order, but the top 10 is")
                .containsExactlyElementsOf(entries("kai", 900, "eve", 700, "mia", 700));
    }

    @Graded(points = 2)
    @DisplayName("a batch delivered twice, or an older batch after a newer one, changes nothing")
    void redeliveryChangesNothing() {
        DynamodbEvent older =
                batch(List.of(best("INSERT", "ada", "tetris", 4200, 1), best("INSERT", "bo", "tetris", 800, 2)));
        DynamodbEvent newer = batch(List.of(best("MODIFY", "ada", "tetris", 6000, 3)));
        handle(older);
        handle(older);
        handle(newer);
        handle(older);

        assertThat(topTen("tetris"))
                .as("expected ada once with 6000 and bo 800 (Lambda delivers a batch at least once, so the same"
                        + " records can come again, even after newer ones), but the top 10 is")
                .containsExactlyElementsOf(entries("ada", 6000, "bo", 800));
    }

    @Graded(points = 1)
    @DisplayName("batches for one game handled at the same time lose no score (load again when save returns false)")
    void concurrentBatchesLoseNothing() throws Exception {
        int writers = 6;
        for (int round = 0; round < 3; round++) {
            String game = "race" + round;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    DynamodbEvent one = batch(List.of(best("INSERT", "player" + w, game, 100 + w, w + 1)));
                    done.add(pool.submit(() -> {
                        start.await();
                        handle(one);
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) {
                    try {
                        f.get(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof Error error) {
                            throw error;
                        }
                        throw (Exception) e.getCause();
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(topTen(game))
                    .as(
                            "expected all %d players of %s in its top 10 after %d batches were handled at the same time:"
                                    + " two handlers that load the same version and both save lose one update unless the"
                                    + " one whose save returns false loads, merges and saves again; the top 10 is",
                            writers, game, writers)
                    .hasSize(writers);
        }
    }

    // ---- through the runtime: the mapping, the filter, the role ----

    private static byte[] handlerPackage() {
        return FunctionPackage.builder()
                .packageOf(TopTenHandler.class)
                .lambdaEvents()
                .awsSdkFor(DynamoDbClient.class)
                .zip();
    }

    private String deployHandler(String roleArn) {
        return functions.deploy(handlerPackage(), HANDLER, roleArn, Map.of("TABLE_NAME", table.name()), b -> {});
    }

    private String connect(String function) {
        String uuid = learner.call(
                "StreamTrigger.connect(lambda, \"" + function + "\", \"" + table.streamArn() + "\")",
                () -> StreamTrigger.connect(forLearnerLambda, function, table.streamArn()));
        lambda.listEventSourceMappingsPaginator(b -> b.functionName(function))
                .eventSourceMappings()
                .forEach(m -> mappings.add(m.uuid()));
        return uuid;
    }

    private static String roleName(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    /** Submits through the data layer, as the score service does: each new best is one UpdateItem. */
    private void submitScores(BestScores scores) {
        scores.submit("tetris", "grace", 5100);
        scores.submit("tetris", "ada", 4200);
        scores.submit("tetris", "ada", 4300); // a MODIFY
        scores.submit("tetris", "grace", 100); // not a best: no write, nothing on the stream
    }

    @Graded(points = 3)
    @DisplayName(
            "deployed and connected, the function keeps the top 10 from the table's stream, from its oldest record")
    void keepsTheTopTenFromTheStream() {
        String function = deployHandler(functions.roleWithTableAccess(table));
        BestScores scores = new BestScores(dynamo, table.name());
        scores.submit("snake", "linus", 900); // before the mapping: TRIM_HORIZON reads it, LATEST would not

        String uuid = connect(function);
        submitScores(scores);
        Map<String, List<DeliveryRecord>> drained = runtime.drainStreams();

        assertThat(topTen("tetris"))
                .as(
                        "expected the tetris top 10 to be grace 5100, ada 4300 once the stream was read; what the mapping"
                                + " delivered: %s\n  and the top 10 is",
                        Functions.describe(drained.get(uuid)))
                .containsExactlyElementsOf(entries("grace", 5100, "ada", 4300));
        assertThat(topTen("snake"))
                .as("expected linus 900, written before the mapping existed, in the snake top 10: start from the oldest"
                        + " record the stream keeps (TRIM_HORIZON), not LATEST; but the top 10 is")
                .containsExactlyElementsOf(entries("linus", 900));
    }

    @Graded(points = 2)
    @DisplayName(
            "the mapping's filter passes only new bests: not the function's own top-10 writes, removals or other items")
    void theFilterPassesOnlyNewBests() {
        String function = deployHandler(functions.roleWithTableAccess(table));
        BestScores scores = new BestScores(dynamo, table.name());

        String uuid = connect(function);
        submitScores(scores); // 3 new bests
        dynamo.putItem(b -> b.tableName(table.name())
                .item(Map.of(
                        ScoreTable.PK,
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PLAYER#ada"),
                        ScoreTable.SK,
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PROFILE"))));
        List<DeliveryRecord> first = runtime.drainStreams().getOrDefault(uuid, List.of());
        dynamo.deleteItem(b -> b.tableName(table.name())
                .key(Map.of(
                        ScoreTable.PK,
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                        ScoreTable.playerKey("ada")),
                        ScoreTable.SK,
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                        ScoreTable.bestScoreKey("tetris")))));
        List<DeliveryRecord> deliveries = new ArrayList<>(first);
        deliveries.addAll(runtime.drainStreams().getOrDefault(uuid, List.of()));

        long delivered = deliveries.stream()
                .filter(d -> d.kind() != DeliveryRecord.Kind.FILTERED_OUT)
                .mapToLong(d -> d.sequenceNumbers().size())
                .sum();
        assertThat(delivered)
                .as(
                        "expected the function to be given exactly the 3 new best scores (INSERT or MODIFY of a BEST#"
                                + " item); the others (its own TOP10 writes, a PROFILE item, a REMOVE) should be filtered"
                                + " out by the mapping's FilterCriteria, before they cost an invocation. What the mapping"
                                + " did: %s\n  records given to the function",
                        Functions.describe(deliveries))
                .isEqualTo(3);
    }

    @Graded(points = 1)
    @DisplayName("the mapping reads the table's stream for the function, in batches of at most 25 records")
    void theMappingIsConfigured() {
        String function = deployHandler(functions.roleWithTableAccess(table));

        String uuid = connect(function);

        GetEventSourceMappingResponse mapping = lambda.getEventSourceMapping(b -> b.uuid(uuid));
        assertThat(mapping.eventSourceArn())
                .as(
                        "expected the mapping to read the stream %s, but it reads %s",
                        table.streamArn(), mapping.eventSourceArn())
                .isEqualTo(table.streamArn());
        assertThat(mapping.functionArn())
                .as("expected the mapping to invoke %s, but it invokes %s", function, mapping.functionArn())
                .endsWith(":function:" + function);
        assertThat(mapping.batchSize())
                .as(
                        "expected a batch size of %d, but the mapping has %s",
                        StreamTrigger.BATCH_SIZE, mapping.batchSize())
                .isEqualTo(StreamTrigger.BATCH_SIZE);
        assertThat(mapping.startingPosition())
                .as(
                        "expected the starting position TRIM_HORIZON, but the mapping has %s",
                        mapping.startingPositionAsString())
                .isEqualTo(EventSourcePosition.TRIM_HORIZON);
    }

    @Graded(points = 2)
    @DisplayName("grantStreamRead lets the mapping read the stream with the role, and grants nothing more")
    void grantsStreamReadOnly() {
        String roleArn = Stream36Fixtures.roleWithItemAccessOnly(functions, table);
        String role = roleName(roleArn);
        learner.run(
                "StreamTrigger.grantStreamRead(iam, \"" + role + "\", \"" + table.streamArn() + "\")",
                () -> StreamTrigger.grantStreamRead(forLearnerIam, role, table.streamArn()));
        String function = deployHandler(roleArn);
        String uuid;
        try {
            uuid = lambda.createEventSourceMapping(b -> b.functionName(function)
                            .eventSourceArn(table.streamArn())
                            .startingPosition(EventSourcePosition.TRIM_HORIZON))
                    .uuid();
        } catch (software.amazon.awssdk.services.lambda.model.InvalidParameterValueException e) {
            throw new AssertionError(
                    "expected Lambda to accept a mapping of the stream for a function with your role, but it refused:"
                            + " " + e.awsErrorDetails().errorMessage() + Hint.of("3.6"),
                    e);
        }
        mappings.add(uuid);
        new BestScores(dynamo, table.name()).submit("tetris", "ada", 4200);

        List<DeliveryRecord> deliveries = runtime.drainStreams().getOrDefault(uuid, List.of());
        assertThat(deliveries)
                .as(
                        "expected the mapping to read the stream with the role (DescribeStream, GetShardIterator,"
                                + " GetRecords, ListStreams on the stream ARN), but: %s",
                        Functions.describe(deliveries))
                .isNotEmpty()
                .noneMatch(d -> d.kind() == DeliveryRecord.Kind.ACCESS_DENIED);

        PolicySet granted = Functions.learnersPolicies(iam, role, Stream36Fixtures.ITEM_ACCESS);
        String otherStream = table.streamArn().replace("table/" + table.name() + "/", "table/Players/");
        Map<String, String[]> denied = new LinkedHashMap<>();
        denied.put("reading another table's stream", new String[] {"dynamodb:GetRecords", otherStream});
        denied.put(
                "reading another stream of the same table (a stream the table had before: table/NAME/stream/*)",
                new String[] {"dynamodb:GetRecords", table.arn() + "/stream/2020-01-01T00:00:00.000"});
        denied.put("writing an item", new String[] {"dynamodb:PutItem", table.arn()});
        denied.put("scanning the table", new String[] {"dynamodb:Scan", table.arn()});
        denied.put("changing the table (its stream settings)", new String[] {"dynamodb:UpdateTable", table.arn()});
        denied.put("deleting the table", new String[] {"dynamodb:DeleteTable", table.arn()});
        denied.forEach((what, request) -> {
            var decision = PolicyEvaluator.evaluate(
                    RequestContext.builder()
                            .principalArn(Functions.session(roleArn, function))
                            .action(request[0])
                            .resource(request[1])
                            .build(),
                    granted);
            assertThat(decision.allowed())
                    .as(
                            "expected grantStreamRead's policy to allow reading this stream only, but it allows %s (%s on"
                                    + " %s): %s",
                            what, request[0], request[1], decision.explanation())
                    .isFalse();
        });
    }
}
