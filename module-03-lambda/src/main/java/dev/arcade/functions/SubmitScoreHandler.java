package dev.arcade.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * Exercise 3.1: the handler of {@code POST /games/{game}/scores}, behind an API Gateway REST API with
 * a Lambda proxy integration. It reads {@code {"playerId": "ada", "score": 4200}} from the body, stores
 * the score through the given data layer, and answers every request, bad ones included, with a status
 * and a JSON body.
 *
 * <p>Jackson ({@code com.fasterxml.jackson.databind.ObjectMapper}) is on the class path for the JSON.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html">Using Lambda with API Gateway</a>
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html">Lambda proxy integrations</a>
 */
public final class SubmitScoreHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
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
        throw new UnsupportedOperationException("TODO 3.1: read playerId and score from the JSON body and the game"
                + " from the path, store the score with BestScores.submit, and answer 201 (new best) or 200;"
                + " 400 with a JSON error for bad input, 405 for another method");
    }
}
