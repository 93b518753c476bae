package dev.arcade.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.sdk.ApiCalls;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@AwsTest
@Exercise("3.1")
@DisplayName("3.1 The submit-score handler")
class Exercise31SubmitScoreHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Learner learner;
    private SubmitScoreHandler handler;
    private BestScores readBack;
    private ApiCalls calls;
    private int requests;

    @BeforeEach
    void setUp(
            Learner learner,
            @CodeUnderTest DynamoDbClient forLearner,
            DynamoDbClient kit,
            ResourceNames names,
            ApiCalls calls) {
        this.learner = learner;
        this.calls = calls;
        ScoresTables.Table table = ScoresTables.create(kit, names);
        this.handler = new SubmitScoreHandler(new BestScores(forLearner, table.name()));
        this.readBack = new BestScores(kit, table.name());
    }

    /** The sample event: POST /games/tetris/scores with {"playerId": "ada", "score": 4200}. */
    private static APIGatewayProxyRequestEvent sample() {
        return EventLoader.loadApiGatewayRestEvent("events/3.1-post-score.json");
    }

    private static APIGatewayProxyRequestEvent post(String game, String body) {
        APIGatewayProxyRequestEvent event = sample();
        event.setPath("/games/" + game + "/scores");
        event.setPathParameters(Map.of("game", game));
        event.setBody(body);
        return event;
    }

    private static String body(String playerId, long score) {
        return "{\"playerId\": \"" + playerId + "\", \"score\": " + score + "}";
    }

    /** What the handler answered, as API Gateway would read it. */
    private record Answer(String request, int status, Map<String, String> headers, String body) {
        String header(String name) {
            // HTTP header names are case-insensitive: Content-Type and content-type are the same header
            return headers == null
                    ? null
                    : headers.entrySet().stream()
                            .filter(h -> h.getKey().equalsIgnoreCase(name))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse(null);
        }

        JsonNode json() {
            try {
                return body == null ? null : JSON.readTree(body);
            } catch (Exception e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    private Answer send(String what, APIGatewayProxyRequestEvent request) {
        TestContext context = new TestContext("req-" + ++requests);
        APIGatewayProxyResponseEvent response;
        try {
            response = learner.call("handleRequest(" + what + ")", () -> handler.handleRequest(request, context));
        } catch (AssertionError e) {
            throw new AssertionError(
                    "expected an answer to " + what + " (a status and a body), but handleRequest threw: behind API"
                            + " Gateway an exception from the handler becomes 502 Bad Gateway with no useful body. "
                            + e.getMessage(),
                    e);
        }
        assertThat(response)
                .as("expected a response to %s, but handleRequest returned null", what)
                .isNotNull();
        assertThat(response.getStatusCode())
                .as("expected a status code in the response to %s, but it had none", what)
                .isNotNull();
        return new Answer(what, response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    private void assertAnswer(Answer answer, int status) {
        assertThat(answer.status())
                .as("expected %d for %s, but the handler answered %s", status, answer.request(), answer)
                .isEqualTo(status);
    }

    private void assertScore(Answer answer, String game, String playerId, long score, long best, boolean newBest) {
        JsonNode json = answer.json();
        assertThat(json != null && json.isObject())
                .as(
                        "expected a JSON object in the body of the answer to %s, but it was: %s",
                        answer.request(), answer.body())
                .isTrue();
        assertThat(List.of(
                        json.path("game").asText(),
                        json.path("playerId").asText(),
                        json.path("score").asText(),
                        json.path("best").asText(),
                        json.path("newBest").asText()))
                .as(
                        "expected the body of the answer to %s to be {\"game\": \"%s\", \"playerId\": \"%s\", \"score\": %d,"
                                + " \"best\": %d, \"newBest\": %s}, but it was: %s",
                        answer.request(), game, playerId, score, best, newBest, answer.body())
                .containsExactly(game, playerId, Long.toString(score), Long.toString(best), Boolean.toString(newBest));
        assertThat(json.path("score").isIntegralNumber()
                        && json.path("best").isIntegralNumber()
                        && json.path("newBest").isBoolean())
                .as(
                        "expected score and best as JSON numbers and newBest as a JSON boolean (not strings) in: %s",
                        answer.body())
                .isTrue();
    }

    private void assertRefused(Answer answer) {
        assertAnswer(answer, 400);
        JsonNode json = answer.json();
        assertThat(json != null
                        && json.isObject()
                        && json.path("error").isTextual()
                        && !json.path("error").asText().isBlank())
                .as(
                        "expected a JSON error body such as {\"error\": \"score must be a whole number\"} with the 400 for %s,"
                                + " but the body was: %s",
                        answer.request(), answer.body())
                .isTrue();
        assertThat(answer.header("Content-Type"))
                .as(
                        "expected Content-Type: application/json with the 400 for %s, but the headers were %s",
                        answer.request(), answer.headers())
                .startsWith("application/json");
    }

    private void assertNothingStored(String situation) {
        assertThat(calls.count("UpdateItem") + calls.count("PutItem"))
                .as(
                        "expected nothing stored for %s (no UpdateItem or PutItem), but your code called: %s",
                        situation, calls.summary())
                .isZero();
    }

    private OptionalLong stored(String game, String playerId) {
        return readBack.best(game, playerId);
    }

    @Graded(points = 2)
    @DisplayName("answers 201 with the stored best for a player's first score, and stores it")
    void answers201ForANewBest() {
        Answer answer = send("the sample event: POST /games/tetris/scores, ada scores 4200", sample());

        assertAnswer(answer, 201);
        assertScore(answer, "tetris", "ada", 4200, 4200, true);
        assertThat(stored("tetris", "ada"))
                .as(
                        "expected ada's best in tetris stored as 4200 (through BestScores.submit), but the table holds %s",
                        stored("tetris", "ada"))
                .hasValue(4200);
    }

    @Graded(points = 2)
    @DisplayName(
            "answers 200 with the best that stands for a score that is not better, equal included, and 201 for a better one")
    void answers200WhenTheScoreIsNotABest() {
        readBack.submit("tetris", "ada", 5000);

        Answer lower = send("ada scores 4200 after 5000", post("tetris", body("ada", 4200)));
        assertAnswer(lower, 200);
        assertScore(lower, "tetris", "ada", 4200, 5000, false);

        Answer equal = send("ada scores 5000 again", post("tetris", body("ada", 5000)));
        assertAnswer(equal, 200);
        assertScore(equal, "tetris", "ada", 5000, 5000, false);

        Answer higher = send("ada scores 5001 after 5000", post("tetris", body("ada", 5001)));
        assertAnswer(higher, 201);
        assertScore(higher, "tetris", "ada", 5001, 5001, true);
        assertThat(stored("tetris", "ada"))
                .as("expected ada's best in tetris to be 5001, but the table holds %s", stored("tetris", "ada"))
                .hasValue(5001);
    }

    @Graded(points = 1)
    @DisplayName("takes the game from the request's path (pathParameters), not from the sample or the body")
    void takesTheGameFromThePath() {
        Answer answer = send("POST /games/tetris-2/scores, grace scores 300", post("tetris-2", body("grace", 300)));

        assertAnswer(answer, 201);
        assertScore(answer, "tetris-2", "grace", 300, 300, true);
        assertThat(List.of(stored("tetris-2", "grace"), stored("tetris", "grace")))
                .as(
                        "expected grace's 300 stored for the game tetris-2 of the path (getPathParameters().get(\"game\")) and"
                                + " nothing for tetris, but the table holds %s for tetris-2 and %s for tetris",
                        stored("tetris-2", "grace"), stored("tetris", "grace"))
                .containsExactly(OptionalLong.of(300), OptionalLong.empty());
    }

    @Graded(points = 2)
    @DisplayName(
            "answers 400 with a JSON error for a missing body, a body that is not a JSON object, or a missing field, and stores nothing")
    void refusesMissingOrMalformedFields() {
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("no body at all (null)", null);
        bodies.put("an empty body", "");
        bodies.put("a body that is not JSON: playerId=ada&score=10", "playerId=ada&score=10");
        bodies.put("a JSON array: [\"ada\", 10]", "[\"ada\", 10]");
        bodies.put("an empty object: {}", "{}");
        bodies.put("no playerId: {\"score\": 10}", "{\"score\": 10}");
        bodies.put("an empty playerId: {\"playerId\": \"\", \"score\": 10}", "{\"playerId\": \"\", \"score\": 10}");
        bodies.put("no score: {\"playerId\": \"ada\"}", "{\"playerId\": \"ada\"}");
        bodies.put(
                "a null score: {\"playerId\": \"ada\", \"score\": null}", "{\"playerId\": \"ada\", \"score\": null}");
        bodies.forEach((what, body) -> assertRefused(send(what, post("tetris", body))));

        assertNothingStored("requests that were refused");
    }

    @Graded(points = 2)
    @DisplayName("answers 400 for a score that is not a whole number from 0 to the largest long, and stores nothing")
    void refusesScoresThatAreNotWholeNumbers() {
        for (String score :
                List.of("\"4200\"", "4.5", "-1", "true", "9223372036854775808", "18446744073709551658", "[4200]")) {
            assertRefused(
                    send("a score of " + score, post("tetris", "{\"playerId\": \"ada\", \"score\": " + score + "}")));
        }

        assertNothingStored("scores that are not whole numbers of 0 or more");
    }

    @Graded(points = 1)
    @DisplayName("accepts the boundary scores 0, 2^53 + 1 and the largest long, exactly")
    void acceptsBoundaryScores() {
        Map<String, Long> scores = Map.of("zero", 0L, "beyond-double", 9_007_199_254_740_993L, "max", Long.MAX_VALUE);
        scores.forEach((player, score) -> {
            Answer answer = send(player + " scores " + score, post("pinball", body(player, score)));
            assertAnswer(answer, 201);
            assertScore(answer, "pinball", player, score, score, true);
            assertThat(stored("pinball", player))
                    .as(
                            "expected %s stored exactly (read as a long, not an int or a double, which would round it),"
                                    + " but the table holds %s",
                            score, stored("pinball", player))
                    .hasValue(score);
        });
    }

    @Graded(points = 1)
    @DisplayName("answers 405 with an Allow: POST header for another method, and stores nothing")
    void answers405ForAnotherMethod() {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            APIGatewayProxyRequestEvent event = sample();
            event.setHttpMethod(method);
            event.getRequestContext().setHttpMethod(method);
            Answer answer = send(method + " /games/tetris/scores", event);

            assertAnswer(answer, 405);
            assertThat(answer.header("Allow"))
                    .as(
                            "expected an Allow: POST header with the 405 for %s (RFC 9110 asks for it), but the headers were %s",
                            method, answer.headers())
                    .isEqualTo("POST");
        }
        assertNothingStored("methods other than POST");
    }

    @Graded(points = 1)
    @DisplayName("decodes a base64 body, as API Gateway sends it when isBase64Encoded is true")
    void decodesABase64Body() {
        APIGatewayProxyRequestEvent event = post("tetris", null);
        event.setBody(Base64.getEncoder().encodeToString(body("linus", 1234).getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        Answer answer = send("a base64 body (isBase64Encoded: true), linus scores 1234", event);

        assertAnswer(answer, 201);
        assertScore(answer, "tetris", "linus", 1234, 1234, true);
    }

    @Graded(points = 1)
    @DisplayName("says Content-Type: application/json on every answer")
    void saysTheBodyIsJson() {
        Answer created = send("the sample event", sample());
        Answer refused = send("a body that is not JSON", post("tetris", "score=10"));
        APIGatewayProxyRequestEvent get = sample();
        get.setHttpMethod("GET");
        get.getRequestContext().setHttpMethod("GET");
        Answer notAllowed = send("GET /games/tetris/scores", get);

        for (Answer answer : List.of(created, refused, notAllowed)) {
            assertThat(answer.header("Content-Type"))
                    .as(
                            "expected Content-Type: application/json on the answer to %s (clients parse the body by it), but"
                                    + " the headers were %s",
                            answer.request(), answer.headers())
                    .isNotNull()
                    .startsWith("application/json");
        }
    }
}
