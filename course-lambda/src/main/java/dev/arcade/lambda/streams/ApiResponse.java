package dev.arcade.lambda.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * One answer of the Lambda REST API, as the loopback front writes it back: the HTTP status, the
 * headers to add, and the JSON body.
 *
 * <p>An error follows the Lambda API's REST-JSON error shape, which the AWS SDK reads: the error
 * code in the {@code x-amzn-ErrorType} header and the body {@code {"Type":"User","message":"..."}}
 * (AWS Lambda API Reference, "Common Errors" and each operation's "Errors" section).
 *
 * @param status the HTTP status code (200, 202, 400, 404, 409)
 * @param headers extra response headers (for errors, {@code x-amzn-ErrorType})
 * @param body the JSON body
 */
public record ApiResponse(int status, Map<String, String> headers, JsonNode body) {

    /** The header that carries a Lambda error's code. */
    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    /**
     * Validates and copies the components.
     *
     * @param status the HTTP status
     * @param headers the headers
     * @param body the body
     */
    public ApiResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    static ApiResponse ok(int status, JsonNode body) {
        return new ApiResponse(status, Map.of(), body);
    }

    static ApiResponse error(int status, String errorType, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Type", "User");
        body.put("message", message);
        return new ApiResponse(status, Map.of(ERROR_TYPE_HEADER, errorType), body);
    }

    /**
     * The error code of an error answer.
     *
     * @return the {@code x-amzn-ErrorType} header, or null for a success
     */
    public String errorType() {
        return headers.get(ERROR_TYPE_HEADER);
    }

    /**
     * The message of an error answer.
     *
     * @return the body's {@code message}, or null for a success
     */
    public String message() {
        JsonNode m = body.get("message");
        return m == null ? null : m.asText();
    }
}
