package dev.arcade.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Exercise 3.2: the handler of {@code GET /games/{game}/players/{playerId}/best}, deployed as a
 * function whose expensive set-up (the DynamoDB client, the configuration) happens once per
 * execution environment, in the Init phase, and never per request.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/java-handler.html#java-best-practices">Best practices for Java handlers</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html">Lambda environment variables</a>
 */
public final class PersonalBestHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    /** The environment variable that names the scores table. */
    public static final String TABLE_NAME = "TABLE_NAME";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BestScores scores;

    /**
     * Runs once per execution environment, in the Init phase (the cold start): builds the DynamoDB
     * client, with the region and credentials Lambda's environment gives it (nothing hard-coded), and
     * reads the table's name from the {@value #TABLE_NAME} environment variable.
     *
     * @throws IllegalStateException when {@value #TABLE_NAME} is missing or empty: the function then
     *     fails at Init, on every invocation, and says why, instead of failing each request
     */
    public PersonalBestHandler() {
        String table = System.getenv(TABLE_NAME);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("the environment variable " + TABLE_NAME
                    + " is not set: set it to the scores table's name in the function's configuration");
        }
        this.scores = new BestScores(DynamoDbClient.create(), table);
    }

    /**
     * Given: answers the player's best in the game of the path.
     *
     * @param request the request: {@code pathParameters.game} and {@code pathParameters.playerId}
     * @param context the invocation's context
     * @return 200 with {@code {"game", "playerId", "best"}}, or 404 with {@code {"error"}} when the
     *     player has no score in that game
     */
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        Map<String, String> path = request.getPathParameters() == null ? Map.of() : request.getPathParameters();
        String game = path.getOrDefault("game", "");
        String player = path.getOrDefault("playerId", "");
        OptionalLong best = scores.best(game, player);
        return best.isPresent()
                ? answer(200, Map.of("game", game, "playerId", player, "best", best.getAsLong()))
                : answer(404, Map.of("error", player + " has no score in " + game));
    }

    private static APIGatewayProxyResponseEvent answer(int status, Map<String, Object> body) {
        try {
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }
}
