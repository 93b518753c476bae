package dev.arcade.lambda.runtime;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response the front sends.
 *
 * @param status the status code
 * @param headers the headers
 * @param body the body (empty for none)
 */
public record HttpReply(int status, Map<String, List<String>> headers, byte[] body) {

    /** A JSON response. */
    public static HttpReply json(int status, String json) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        return new HttpReply(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A Lambda API error, as the Lambda API (REST JSON) shapes it: the {@code x-amzn-ErrorType}
     * header and a body with {@code Type} and {@code message}.
     */
    public static HttpReply lambdaError(int status, String type, String message) {
        HttpReply reply = json(
                status,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode()
                        .put("Type", "User")
                        .put("message", message)
                        .toString());
        reply.headers().put("x-amzn-ErrorType", List.of(type));
        return reply;
    }

    /** This reply with one more header. */
    public HttpReply with(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.put(name, List.of(value));
        return new HttpReply(status, copy, body);
    }
}
