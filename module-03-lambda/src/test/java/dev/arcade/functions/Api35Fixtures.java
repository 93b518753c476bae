package dev.arcade.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcade.evaluators.iam.Decision;
import dev.arcade.evaluators.iam.PolicyDocument;
import dev.arcade.evaluators.iam.PolicyEvaluator;
import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.evaluators.iam.RequestContext;
import dev.arcade.lambda.triggers.ApiGatewayRestEvent;
import dev.arcade.lambda.triggers.TriggerEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The fixtures of exercise 3.5: the API requests the kit's triggers deliver, and the function policy
 * decided by the course's IAM evaluator for callers that are not API Gateway.
 */
final class Api35Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The function policy's name in the evaluator's explanations. */
    private static final String POLICY = "function policy";

    private Api35Fixtures() {}

    /**
     * A request to a REST API method with a Lambda integration, as it reaches the function: principal {@code
     * apigateway.amazonaws.com}, {@code aws:SourceArn} the execute-api ARN of the stage, method and path it
     * was called with, {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH}, and {@code
     * aws:SourceAccount} the API's account.
     *
     * <p>PATH is the requested path without its leading slash: {@code POST /games/tetris/scores} on the
     * resource {@code /games/{game}/scores} presents {@code .../POST/games/tetris/scores}. That is why a
     * permission for a resource with path parameters has {@code *} in their place: AWS SAM writes its
     * permissions so since v1.14.0 (aws/serverless-application-model#110: a permission with a literal
     * {@code {userId}} got "Invalid permissions on Lambda function"). The kit's {@link ApiGatewayRestEvent}
     * presents the resource template instead, so these requests build their source ARN themselves.
     *
     * <p>The payload is what a Lambda (custom, non-proxy) integration's mapping template makes of the
     * request for the given {@link dev.arcade.functions.given.ScoreWorker}, for example {@code {"op":
     * "submit", "game": "$input.params('game')", ...}}: the function policy decides it as it decides a proxy
     * integration's, and the function answers with what the data layer said.
     *
     * @param principal the service that invokes: {@code apigateway.amazonaws.com}, or another one
     * @param region the API's Region
     * @param account the API's account
     * @param apiId the REST API's id
     * @param stage the stage
     * @param method the HTTP method
     * @param path the requested path, starting with {@code /}, path parameters filled in
     * @param payload the integration's request to the function
     */
    record Request(
            String principal,
            String region,
            String account,
            String apiId,
            String stage,
            String method,
            String path,
            ObjectNode payload)
            implements TriggerEvent {

        Request {
            Objects.requireNonNull(principal, "principal");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a path starts with /: " + path);
            }
        }

        Request withApiId(String other) {
            return new Request(principal, region, account, other, stage, method, path, payload);
        }

        Request withAccount(String other) {
            return new Request(principal, region, other, apiId, stage, method, path, payload);
        }

        Request withStage(String other) {
            return new Request(principal, region, account, apiId, other, method, path, payload);
        }

        Request withMethod(String other) {
            return new Request(principal, region, account, apiId, stage, other, path, payload);
        }

        Request withPath(String other) {
            return new Request(principal, region, account, apiId, stage, method, other, payload);
        }

        Request withPrincipal(String other) {
            return new Request(other, region, account, apiId, stage, method, path, payload);
        }

        /** {@code METHOD /path on API API_ID, stage STAGE, of account ACCOUNT}, for messages. */
        String describe() {
            return method + " " + path + " on API " + apiId + ", stage " + stage + ", of account " + account
                    + (principal.equals(ApiGatewayRestEvent.PRINCIPAL) ? "" : ", sent by " + principal);
        }

        @Override
        public String servicePrincipal() {
            return principal;
        }

        @Override
        public String sourceArn() {
            return "arn:aws:execute-api:" + region + ":" + account + ":" + apiId + "/" + stage + "/" + method + path;
        }

        @Override
        public String sourceAccount() {
            return account;
        }

        @Override
        public ObjectNode toJson() {
            return payload.deepCopy();
        }
    }

    /** A request from API Gateway. */
    static Request request(
            String region, String account, String apiId, String stage, String method, String path, ObjectNode payload) {
        return new Request(ApiGatewayRestEvent.PRINCIPAL, region, account, apiId, stage, method, path, payload);
    }

    /** The integration's request for ScoreWorker's {@code submit}. */
    static ObjectNode submit(String game, String player, long score) {
        ObjectNode n = JSON.createObjectNode();
        n.put("op", "submit");
        n.put("game", game);
        n.put("player", player);
        n.put("score", score);
        return n;
    }

    /** The integration's request for ScoreWorker's {@code best}. */
    static ObjectNode best(String game, String player) {
        ObjectNode n = JSON.createObjectNode();
        n.put("op", "best");
        n.put("game", game);
        n.put("player", player);
        return n;
    }

    /** Reads a JSON text: a function's answer, a statement. */
    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decides a request against the function policy alone, as Lambda does for a service principal, which
     * has no identity policies of its own.
     */
    static Decision decide(String functionPolicy, RequestContext request) {
        return PolicyEvaluator.evaluate(
                request,
                PolicySet.builder()
                        .resourcePolicy(POLICY, PolicyDocument.parse(functionPolicy))
                        .build());
    }

    /**
     * Decides a request of an IAM identity whose own policy allows {@code identityAction} on every
     * function, against the function policy: a user of another account gets in only if the function
     * policy lets it (by naming it, or anyone).
     */
    static Decision decideWithIdentity(String functionPolicy, RequestContext request, String identityAction) {
        String identity = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\""
                + identityAction + "\",\"Resource\":\"*\"}]}";
        return PolicyEvaluator.evaluate(
                request,
                PolicySet.builder()
                        .identityPolicy("caller's own policy", identity)
                        .resourcePolicy(POLICY, PolicyDocument.parse(functionPolicy))
                        .build());
    }
}
