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

/**
 * A working function over the given data layer, deployed by the tests of the exercises that are not
 * about the handler itself (the execution role, the function policy, versions): it does what the
 * score service does, so only the exercise's subject can make it fail.
 *
 * <p>In: {@code {"op": "submit", "game": "tetris", "player": "ada", "score": 4200}}, {@code {"op":
 * "best", ...}} or {@code {"op": "top", "game": "tetris"}}. Out: a map with what the data layer said,
 * plus {@code "version"} (the function version that ran). An AWS error is thrown on, so the invocation
 * fails with its type and message, as a real function's would.
 */
public final class ScoreWorker implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final BestScores scores;

    /** Builds the client once, in the Init phase, from the environment Lambda sets. */
    public ScoreWorker() {
        this.scores = new BestScores(DynamoDbClient.create(), System.getenv("TABLE_NAME"));
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
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
        out.put("version", context.getFunctionVersion());
        return out;
    }
}
