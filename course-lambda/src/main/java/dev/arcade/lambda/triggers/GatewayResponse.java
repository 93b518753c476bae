package dev.arcade.lambda.triggers;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP response the client of API Gateway receives.
 *
 * @param statusCode the HTTP status
 * @param headers the response headers, each with its values in order (a cookie of an HTTP API
 *     result is one {@code set-cookie} value)
 * @param body the body bytes (decoded from base64 when the result said {@code isBase64Encoded})
 * @param why one sentence for the learner: why API Gateway answered this way
 */
public record GatewayResponse(int statusCode, Map<String, List<String>> headers, byte[] body, String why) {

    /**
     * Copies the components.
     *
     * @param statusCode the status
     * @param headers the headers
     * @param body the body
     * @param why the sentence
     */
    public GatewayResponse {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body.clone();
        Objects.requireNonNull(why, "why");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The values of a header, its name compared regardless of case.
     *
     * @param name the header name
     * @return its values, empty when absent
     */
    public List<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }
}
