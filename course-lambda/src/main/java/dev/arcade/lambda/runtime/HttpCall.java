package dev.arcade.lambda.runtime;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP request that reached the front, read in full.
 *
 * @param method the HTTP method
 * @param path the raw path, percent-encoded as sent
 * @param query the raw query, or null
 * @param headers the headers, names in lower case
 * @param body the body's bytes
 */
public record HttpCall(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");

    static HttpCall read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new HttpCall(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                headers,
                body);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A query parameter, decoded, or null. */
    public String queryParameter(String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private Matcher credential() {
        String authorization = header("authorization");
        if (authorization == null) {
            return null;
        }
        Matcher matcher = CREDENTIAL.matcher(authorization);
        return matcher.find() ? matcher : null;
    }

    /** The SigV4 access key ID the request was signed with, or null. */
    public String accessKeyId() {
        Matcher matcher = credential();
        return matcher == null ? null : matcher.group(1);
    }

    /** The region of the SigV4 credential scope, or null. */
    public String signingRegion() {
        Matcher matcher = credential();
        return matcher == null ? null : matcher.group(3);
    }

    /** The service of the SigV4 credential scope ({@code lambda}, {@code dynamodb}, ...), or null. */
    public String signingService() {
        Matcher matcher = credential();
        return matcher == null ? null : matcher.group(4);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
