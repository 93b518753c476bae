package dev.arcade.lambda.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From a function's result to the HTTP response the client of API Gateway sees.
 *
 * <p>REST API, Lambda proxy integration ({@link #restProxy}): follows the API Gateway Developer
 * Guide, "Set up Lambda proxy integrations in API Gateway" ("Output format of a Lambda function for
 * proxy integration": {@code isBase64Encoded}, {@code statusCode}, {@code headers}, {@code
 * multiValueHeaders}, {@code body}; headers and multiValueHeaders are merged, and for a key in both
 * only the multiValueHeaders values appear), and the AWS Lambda Developer Guide, "Handling Lambda
 * errors with an API Gateway API": a result in the wrong format or a function error is a 502, an
 * invocation the Lambda API rejects (a permission the function policy lacks) a 500, both with body
 * {@code {"message": "Internal server error"}}. The kit's reading where the pages are silent: a
 * result without {@code statusCode}, with a key outside the five, or with a {@code body} that is not
 * a string is malformed ("API Gateway doesn't make assumptions of the response" for 1.0, AWS
 * Knowledge Center, "How do I map the status codes returned by HTTP APIs"); a {@code statusCode}
 * written as a string of digits is accepted.
 *
 * <p>HTTP API, payload format 2.0 ({@link #httpApi}): follows "Create AWS Lambda proxy integrations
 * for HTTP APIs in API Gateway" ("Lambda function response format"): a result that is valid JSON
 * without a {@code statusCode} is a 200 with {@code content-type: application/json} and the result
 * as the body (a JSON string gives its text); with a {@code statusCode} the result's {@code
 * statusCode}, {@code headers}, {@code cookies} (each a {@code set-cookie} header), {@code body} and
 * {@code isBase64Encoded} are used. A result that is not JSON, a function error and a rejected
 * invocation are a 500 {@code {"message":"Internal Server Error"}}, as HTTP APIs answer them.
 */
public final class ApiGatewayResponses {

    /** The body of REST API's errors ("Handling Lambda errors with an API Gateway API"). */
    public static final String REST_ERROR_BODY = "{\"message\": \"Internal server error\"}";

    /** The body of HTTP API's errors. */
    public static final String HTTP_ERROR_BODY = "{\"message\":\"Internal Server Error\"}";

    private static final Set<String> REST_KEYS =
            Set.of("isBase64Encoded", "statusCode", "headers", "multiValueHeaders", "body");

    private ApiGatewayResponses() {}

    /**
     * The response of a REST API with a Lambda proxy integration.
     *
     * @param result what became of the invocation
     * @return the client's response
     */
    public static GatewayResponse restProxy(FunctionResult result) {
        switch (result.kind()) {
            case INVOKE_REJECTED:
                return restError(
                        500,
                        "API Gateway could not invoke the function (" + result.detail()
                                + "), so it answers 500 Internal server error");
            case FUNCTION_ERROR:
                return restError(
                        502,
                        "the function failed (" + result.detail()
                                + "), so API Gateway answers 502 Internal server error");
            default:
                break;
        }
        JsonNode json = parse(result.payload());
        String problem = restProblem(json);
        if (problem != null) {
            return restError(
                    502,
                    "Malformed Lambda proxy response: " + problem
                            + ", so API Gateway answers 502 Internal server error");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode multi = json.path("multiValueHeaders");
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (!multi.has(h.getKey()) && !h.getValue().isNull()) {
                headers.put(h.getKey(), List.of(h.getValue().asText()));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            List<String> values = new ArrayList<>();
            h.getValue().forEach(v -> values.add(v.asText()));
            headers.put(h.getKey(), values);
        }
        int status = statusCode(json);
        byte[] body = body(json);
        return new GatewayResponse(status, headers, body, "the function's result gives status " + status);
    }

    /** Why a REST proxy result is malformed, or null when it is not. */
    private static String restProblem(JsonNode json) {
        if (json == null) {
            return "the result is not JSON";
        }
        if (!json.isObject()) {
            return "the result is " + kind(json) + ", not an object with statusCode, headers and body";
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!REST_KEYS.contains(key)) {
                return "the result has the key \"" + key
                        + "\"; only isBase64Encoded, statusCode, headers, multiValueHeaders and body are allowed";
            }
        }
        String status = statusProblem(json.get("statusCode"));
        if (status != null) {
            return status;
        }
        JsonNode headers = json.get("headers");
        if (headers != null && !headers.isNull() && (!headers.isObject() || !allScalars(headers))) {
            return "headers must be an object of strings";
        }
        JsonNode multi = json.get("multiValueHeaders");
        if (multi != null && !multi.isNull()) {
            if (!multi.isObject()) {
                return "multiValueHeaders must be an object of arrays of strings";
            }
            for (JsonNode values : multi) {
                if (!values.isArray() || !allScalars(values)) {
                    return "multiValueHeaders must be an object of arrays of strings";
                }
            }
        }
        return bodyProblem(json);
    }

    private static String statusProblem(JsonNode status) {
        if (status == null || status.isNull()) {
            return "the result has no statusCode";
        }
        int code;
        if (status.isInt()) {
            code = status.asInt();
        } else if (status.isTextual() && status.asText().matches("\\d{3}")) {
            code = Integer.parseInt(status.asText());
        } else {
            return "statusCode must be an integer, not " + status;
        }
        // HTTP status codes are three digits, 100 to 599 (RFC 9110, section 15)
        if (code < 100 || code > 599) {
            return "statusCode " + code + " is not an HTTP status";
        }
        return null;
    }

    private static String bodyProblem(JsonNode json) {
        JsonNode body = json.get("body");
        if (body != null && !body.isNull() && !body.isTextual()) {
            return "body must be a string (serialize it, for example with JSON.stringify), not " + kind(body);
        }
        JsonNode base64 = json.get("isBase64Encoded");
        if (base64 != null && !base64.isNull() && !base64.isBoolean()) {
            return "isBase64Encoded must be true or false";
        }
        if (base64 != null && base64.asBoolean() && body != null && body.isTextual()) {
            try {
                Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                return "isBase64Encoded is true but body is not base64";
            }
        }
        return null;
    }

    /**
     * The response of an HTTP API with payload format 2.0.
     *
     * @param result what became of the invocation
     * @return the client's response
     */
    public static GatewayResponse httpApi(FunctionResult result) {
        switch (result.kind()) {
            case INVOKE_REJECTED:
                return httpError("API Gateway could not invoke the function (" + result.detail()
                        + "), so it answers 500 Internal Server Error");
            case FUNCTION_ERROR:
                return httpError("the function failed (" + result.detail()
                        + "), so API Gateway answers 500 Internal Server Error");
            default:
                break;
        }
        byte[] payload = result.payload();
        JsonNode json = parse(payload);
        if (json == null) {
            return httpError(
                    "the function's result is not valid JSON, so API Gateway answers 500 Internal Server Error");
        }
        if (!json.isObject() || !json.has("statusCode")) {
            byte[] body = json.isTextual() ? json.asText().getBytes(StandardCharsets.UTF_8) : payload;
            return new GatewayResponse(
                    200,
                    Map.of("content-type", List.of("application/json")),
                    body,
                    "the function's result has no statusCode, so API Gateway answers 200 with the result as a JSON body");
        }
        String problem = statusProblem(json.get("statusCode"));
        if (problem == null) {
            problem = bodyProblem(json);
        }
        JsonNode headersNode = json.get("headers");
        if (problem == null
                && headersNode != null
                && !headersNode.isNull()
                && (!headersNode.isObject() || !allScalars(headersNode))) {
            problem = "headers must be an object of strings";
        }
        JsonNode cookies = json.get("cookies");
        if (problem == null && cookies != null && !cookies.isNull() && (!cookies.isArray() || !allScalars(cookies))) {
            problem = "cookies must be an array of strings";
        }
        if (problem != null) {
            return httpError("the function's result is malformed: " + problem
                    + ", so API Gateway answers 500 Internal Server Error");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (headersNode != null) {
            headersNode
                    .fields()
                    .forEachRemaining(
                            h -> headers.put(h.getKey(), List.of(h.getValue().asText())));
        }
        if (cookies != null && cookies.isArray() && !cookies.isEmpty()) {
            List<String> setCookie = new ArrayList<>();
            cookies.forEach(c -> setCookie.add(c.asText()));
            headers.put("set-cookie", setCookie);
        }
        int status = statusCode(json);
        return new GatewayResponse(status, headers, body(json), "the function's result gives status " + status);
    }

    private static int statusCode(JsonNode json) {
        JsonNode status = json.get("statusCode");
        return status.isInt() ? status.asInt() : Integer.parseInt(status.asText());
    }

    private static byte[] body(JsonNode json) {
        JsonNode body = json.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        return json.path("isBase64Encoded").asBoolean()
                ? Base64.getDecoder().decode(body.asText())
                : body.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static GatewayResponse restError(int status, String why) {
        return new GatewayResponse(
                status,
                Map.of(
                        "Content-Type",
                        List.of("application/json"),
                        "x-amzn-ErrorType",
                        List.of("InternalServerErrorException")),
                REST_ERROR_BODY.getBytes(StandardCharsets.UTF_8),
                why);
    }

    private static GatewayResponse httpError(String why) {
        return new GatewayResponse(
                500,
                Map.of("content-type", List.of("application/json")),
                HTTP_ERROR_BODY.getBytes(StandardCharsets.UTF_8),
                why);
    }

    private static JsonNode parse(byte[] payload) {
        try {
            JsonNode node = Events.MAPPER.readTree(payload);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean allScalars(JsonNode container) {
        for (JsonNode v : container) {
            if (v.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isNull() ? "null" : "a boolean";
    }
}
