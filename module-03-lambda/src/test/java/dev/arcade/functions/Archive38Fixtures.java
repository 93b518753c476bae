package dev.arcade.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.FunctionPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The weekly archive job of exercise 3.8 as the tests deploy it (the kit's clients): a scores table of
 * {@value #PLAYERS} best scores among TOP10 and game items, an empty archive table, a role with access to
 * both, and the function with a {@value #TIMEOUT_S} s timeout and pages {@value #PAGE_DELAY_MS} ms slow, so
 * that the whole week ({@value #PAGES} pages) takes longer than one run may.
 */
final class Archive38Fixtures {
    static final int PLAYERS = 30;
    static final int PAGES = PLAYERS / WeeklyArchiveHandler.PAGE_SIZE + 1;
    static final int TIMEOUT_S = 2;
    static final long PAGE_DELAY_MS = 400;
    static final int MAX_RUNS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The deployed job.
     *
     * @param functionArn the function's ARN
     * @param store the store over the same tables, for read-back
     * @param bestKeys the archive sort keys the best scores must get
     */
    record Job(
            String functionArn,
            ArchiveStore store,
            List<String> bestKeys,
            DynamoDbClient dynamo,
            String archive,
            String scores) {
        /** The archive items of a week: sort key to copies. */
        Map<String, Integer> archived(String week) {
            Map<String, Integer> copies = new HashMap<>();
            dynamo.queryPaginator(b -> b.tableName(archive)
                            .consistentRead(true)
                            .keyConditionExpression("PK = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ARCHIVE#" + week))))
                    .items()
                    .forEach(item -> copies.put(
                            item.get(ScoreTable.SK).s(),
                            item.containsKey("copies")
                                    ? Integer.parseInt(item.get("copies").n())
                                    : 0));
            return copies;
        }
    }

    private Archive38Fixtures() {}

    static byte[] jobPackage() {
        return FunctionPackage.builder()
                .classes(WeeklyArchiveHandler.class, ArchiveStore.class, ArchiveReport.class, ScoreTable.class)
                .lambdaEvents()
                .awsSdkFor(DynamoDbClient.class)
                .zip();
    }

    static Job deploy(DynamoDbClient dynamo, Functions functions, ResourceNames names) {
        ScoresTables.Table scores = ScoresTables.create(dynamo, names);
        ScoresTables.Table archive = ScoresTables.create(dynamo, names);
        List<String> bestKeys = fill(dynamo, scores.name());

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\","
                + "\"Resource\":[\"" + scores.arn() + "\",\"" + archive.arn() + "\"]}]}";
        String roleArn = functions.role("ArchiveJobRole", "ArchiveTables", policy);

        String name = functions.deploy(
                jobPackage(),
                WeeklyArchiveHandler.class.getName() + "::handleRequest",
                roleArn,
                Map.of(
                        "TABLE_NAME",
                        scores.name(),
                        "ARCHIVE_TABLE",
                        archive.name(),
                        "PAGE_DELAY_MS",
                        Long.toString(PAGE_DELAY_MS)),
                b -> b.timeout(TIMEOUT_S));
        return new Job(
                "arn:aws:lambda:us-east-1:" + roleArn.split(":")[4] + ":function:" + name,
                new ArchiveStore(dynamo, scores.name(), archive.name(), 0),
                bestKeys,
                dynamo,
                archive.name(),
                scores.name());
    }

    /** Writes the best scores (players sharing prefixes, two games) and a few items that are not best scores. */
    private static List<String> fill(DynamoDbClient dynamo, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<String> bestKeys = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            String player = "p" + i;
            String game = i % 3 == 0 ? "tetris-2" : "tetris";
            String pk = ScoreTable.playerKey(player);
            String sk = ScoreTable.bestScoreKey(game);
            items.add(Map.of(
                    ScoreTable.PK, AttributeValue.fromS(pk),
                    ScoreTable.SK, AttributeValue.fromS(sk),
                    ScoreTable.PLAYER_ID, AttributeValue.fromS(player),
                    ScoreTable.GAME, AttributeValue.fromS(game),
                    ScoreTable.SCORE, AttributeValue.fromN(Integer.toString(1000 + 7 * i))));
            bestKeys.add(pk + "|" + sk);
        }
        for (String game : List.of("tetris", "tetris-2")) {
            items.add(Map.of(
                    ScoreTable.PK, AttributeValue.fromS(ScoreTable.gameKey(game)),
                    ScoreTable.SK, AttributeValue.fromS(ScoreTable.TOP10),
                    ScoreTable.ENTRIES, AttributeValue.fromL(List.of())));
        }
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item ->
                            WriteRequest.builder().putRequest(p -> p.item(item)).build())
                    .toList();
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        }
        return bestKeys;
    }

    /** Reads the job's answer. */
    static ArchiveReport report(String payload) {
        try {
            JsonNode json = JSON.readTree(payload);
            if (json == null || !json.isObject() || !json.has("done") || !json.has("archived")) {
                throw new AssertionError(
                        "expected the job to answer {\"week\":..., \"archived\":N, \"done\":true|false},"
                                + " but it answered " + payload);
            }
            return new ArchiveReport(
                    json.path("week").asText(null),
                    json.get("archived").asInt(),
                    json.get("done").asBoolean());
        } catch (java.io.IOException e) {
            throw new AssertionError("expected the job to answer a JSON report, but it answered " + payload, e);
        }
    }

    /**
     * A client that fails the {@code failAt}-th UpdateItem (an archive write) with a 500, as DynamoDB
     * sometimes does, and passes every other call to {@code real}: a run that breaks in the middle of a
     * page.
     */
    static DynamoDbClient failingOnWrite(DynamoDbClient real, int failAt) {
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        return new DynamoDbClient() {
            @Override
            public String serviceName() {
                return real.serviceName();
            }

            @Override
            public void close() {}

            @Override
            public software.amazon.awssdk.services.dynamodb.model.ScanResponse scan(
                    software.amazon.awssdk.services.dynamodb.model.ScanRequest request) {
                return real.scan(request);
            }

            @Override
            public software.amazon.awssdk.services.dynamodb.model.QueryResponse query(
                    software.amazon.awssdk.services.dynamodb.model.QueryRequest request) {
                return real.query(request);
            }

            @Override
            public software.amazon.awssdk.services.dynamodb.model.GetItemResponse getItem(
                    software.amazon.awssdk.services.dynamodb.model.GetItemRequest request) {
                return real.getItem(request);
            }

            @Override
            public software.amazon.awssdk.services.dynamodb.model.PutItemResponse putItem(
                    software.amazon.awssdk.services.dynamodb.model.PutItemRequest request) {
                return real.putItem(request);
            }

            @Override
            public software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse updateItem(
                    software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest request) {
                if (writes.incrementAndGet() == failAt) {
                    throw software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException.builder()
                            .message("Internal server error (injected by the test: the run breaks here)")
                            .statusCode(500)
                            .build();
                }
                return real.updateItem(request);
            }
        };
    }
}
