package dev.arcade.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exercise 3.1: the handler of {@code POST /games/{game}/scores}, behind an API Gateway REST API with
 * a Lambda proxy integration. It reads {@code {"playerId": "ada", "score": 4200}} from the body, stores
 * the score through the given data layer, and answers every request, bad ones included, with a status
 * and a JSON body.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html">Using Lambda with API Gateway</a>
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html">Lambda proxy integrations</a>
 */
public final class SubmitScoreHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BestScores scores;

    /**
     * Given.
     *
     * @param scores the data layer to store scores with
     */
    public SubmitScoreHandler(BestScores scores) {
        this.scores = scores;
    }

    /**
     * Stores the score of the request's body for the game of its path.
     *
     * @param request the request as API Gateway sends it: {@code httpMethod}, {@code pathParameters.game},
     *     {@code body} (base64 when {@code isBase64Encoded})
     * @param context the invocation's context
     * @return 201 with {@code {"game", "playerId", "score", "best", "newBest": true}} for a new best, 200
     *     with the same fields otherwise; 400 with {@code {"error": "..."}} for a missing body, a body
     *     that is not a JSON object, a missing or empty {@code playerId}, a {@code score} that is missing,
     *     not a whole number, negative or beyond a long; 405 with {@code Allow: POST} for another method.
     *     Every answer has {@code Content-Type: application/json}.
     */
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        if (!"POST".equals(request.getHttpMethod())) {
            return answer(405, error("method " + request.getHttpMethod() + " is not allowed here: use POST"))
                    .withHeaders(Map.of("Content-Type", "application/json", "Allow", "POST"));
        }
        String game = request.getPathParameters() == null
                ? null
                : request.getPathParameters().get("game");
        if (game == null || game.isBlank()) {
            return answer(400, error("the path must name the game: /games/{game}/scores"));
        }
        JsonNode body;
        try {
            body = request.getBody() == null ? null : JSON.readTree(text(request));
        } catch (JsonProcessingException e) {
            return answer(400, error("the body is not JSON: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            return answer(400, error("the body is not valid base64: " + e.getMessage()));
        }
        if (body == null || !body.isObject()) {
            return answer(400, error("the body must be a JSON object: {\"playerId\": \"ada\", \"score\": 4200}"));
        }
        JsonNode player = body.path("playerId");
        if (!player.isTextual() || player.asText().isBlank()) {
            return answer(400, error("playerId is missing or empty: it must be a non-empty string"));
        }
        JsonNode score = body.path("score");
        if (!score.isIntegralNumber() || !score.canConvertToLong() || score.longValue() < 0) {
            return answer(400, error("score must be a whole number from 0 to " + Long.MAX_VALUE + ", not " + score));
        }
        Submission result = scores.submit(game, player.asText(), score.longValue());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("game", game);
        out.put("playerId", player.asText());
        out.put("score", score.longValue());
        out.put("best", result.best());
        out.put("newBest", result.newBest());
        return answer(result.newBest() ? 201 : 200, out);
    }

    private static String text(APIGatewayProxyRequestEvent request) {
        return Boolean.TRUE.equals(request.getIsBase64Encoded())
                ? new String(Base64.getDecoder().decode(request.getBody()), StandardCharsets.UTF_8)
                : request.getBody();
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", message);
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
