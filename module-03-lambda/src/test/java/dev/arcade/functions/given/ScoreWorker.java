package dev.arcade.functions.given;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.arcade.functions.BestScores;
import dev.arcade.functions.LeaderboardEntry;
import dev.arcade.functions.Submission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A working function over the given data layer, deployed by the tests of the exercises that are not
 * about the handler itself (the execution role, the function policy, versions): it does what the
 * score service does, so only the exercise's subject can make it fail.
 *
 * <p>In: {@code {"op": "submit", "game": "tetris", "player": "ada", "score": 4200}}, {@code {"op":
 * "best", ...}} or {@code {"op": "top", "game": "tetris"}}. Out: a map with what the data layer said,
 * plus {@code "version"} (the function version that ran). An AWS error is thrown on, so the invocation
 * fails with its type and message, as a real function's would.
 *
 * <p>For the execution role's tests, {@code {"op": "probe", "call": "scan", "table": NAME}} makes one call
 * the score service never makes (see {@link #probe}) and answers {@code {"errorCode": ...}}: the AWS
 * error code it got ({@code AccessDeniedException} when the role does not allow it), or {@code "none"}.
 */
public final class ScoreWorker implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final DynamoDbClient dynamo;
    private final BestScores scores;

    /** Builds the client once, in the Init phase, from the environment Lambda sets. */
    public ScoreWorker() {
        this.dynamo = DynamoDbClient.create();
        this.scores = new BestScores(dynamo, System.getenv("TABLE_NAME"));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        String op = String.valueOf(input.getOrDefault("op", "submit"));
        String game = String.valueOf(input.get("game"));
        String player = String.valueOf(input.get("player"));
        switch (op) {
            case "submit" -> {
                Submission s = scores.submit(game, player, ((Number) input.get("score")).longValue());
                out.put("newBest", s.newBest());
                out.put("best", s.best());
            }
            case "best" -> out.put("best", scores.best(game, player).orElse(-1));
            case "top" -> {
                List<LeaderboardEntry> top = scores.top(game, 10);
                out.put(
                        "top",
                        top.stream().map(e -> e.playerId() + "=" + e.score()).toList());
            }
            case "probe" ->
                out.put("errorCode", probe(String.valueOf(input.get("call")), String.valueOf(input.get("table"))));
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
        out.put("version", context.getFunctionVersion());
        return out;
    }

    /**
     * Makes one call the score service does not make, on {@code table}, and returns the AWS error code
     * it got, or {@code "none"} when DynamoDB took it (whatever it answered).
     *
     * @param call {@code scan}, {@code scanIndex}, {@code put}, {@code delete}, {@code batchWrite},
     *     {@code describe}, {@code get} or {@code queryIndex}
     */
    private String probe(String call, String table) {
        Map<String, AttributeValue> key =
                Map.of("PK", AttributeValue.fromS("PLAYER#probe"), "SK", AttributeValue.fromS("GAME#probe"));
        try {
            switch (call) {
                case "scan" -> dynamo.scan(b -> b.tableName(table).limit(1));
                case "scanIndex" ->
                    dynamo.scan(b -> b.tableName(table).indexName("Leaderboard").limit(1));
                case "put" -> dynamo.putItem(b -> b.tableName(table).item(key));
                case "delete" -> dynamo.deleteItem(b -> b.tableName(table).key(key));
                case "batchWrite" ->
                    dynamo.batchWriteItem(b -> b.requestItems(Map.of(
                            table,
                            List.of(WriteRequest.builder()
                                    .deleteRequest(d -> d.key(key))
                                    .build()))));
                case "describe" -> dynamo.describeTable(b -> b.tableName(table));
                case "get" -> dynamo.getItem(b -> b.tableName(table).key(key));
                case "queryIndex" ->
                    dynamo.query(b -> b.tableName(table)
                            .indexName("Leaderboard")
                            .keyConditionExpression("#g = :g")
                            .expressionAttributeNames(Map.of("#g", "game"))
                            .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("probe"))));
                default -> throw new IllegalArgumentException("unknown call " + call);
            }
            return "none";
        } catch (DynamoDbException e) {
            return e.awsErrorDetails() == null ? "unknown" : e.awsErrorDetails().errorCode();
        }
    }
}
