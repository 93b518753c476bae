package dev.arcade.lambda.triggers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The event an API Gateway HTTP API sends to a Lambda integration with payload format 2.0: {@code
 * version}, {@code routeKey}, {@code rawPath}, {@code rawQueryString}, {@code cookies}, {@code
 * headers} (names lower-cased, repeated values joined with commas), {@code queryStringParameters}
 * (repeated values joined with commas), {@code pathParameters}, {@code requestContext} (with {@code
 * http.method}, {@code http.path}, {@code http.sourceIp}, {@code time}, {@code timeEpoch}, ...),
 * {@code body} and {@code isBase64Encoded}.
 *
 * <p>Follows the API Gateway Developer Guide, "Create AWS Lambda proxy integrations for HTTP APIs
 * in API Gateway" ("Payload format differences" and the 2.0 structure), and the shape of
 * aws-lambda-java-events' {@code APIGatewayV2HTTPEvent}. Absent parts are left out, as in that
 * page's example; the {@code Cookie} header goes to {@code cookies}, not {@code headers}. With a
 * named stage (not {@code $default}) the stage is the first segment of {@code rawPath}: the kit's
 * reading of "rawPath doesn't provide the API mapping value".
 *
 * <p>The source ARN is {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH} for a
 * route {@code METHOD /PATH}, and {@code .../STAGE/$default} for the {@code $default} route (what
 * the console's permission names).
 */
public final class ApiGatewayHttpEvent implements TriggerEvent {

    /** The service principal of API Gateway. */
    public static final String PRINCIPAL = "apigateway.amazonaws.com";

    private final Builder b;
    private final ObjectNode json;
    private final String sourceArn;
    private final String sourceAccount;
    private final String requestId;

    private ApiGatewayHttpEvent(Builder b) {
        this.b = b;
        this.requestId = b.requestId != null
                ? b.requestId
                : Events.base64(b.random, 12).replaceAll("[^A-Za-z0-9]", "A").substring(0, 14) + "=";
        this.sourceArn = renderSourceArn();
        this.sourceAccount = renderSourceAccount();
        this.json = render(); // rendered now: the builder may change afterwards
    }

    /**
     * Starts an event.
     *
     * @return a builder with realistic defaults (us-east-1, account 123456789012, api {@code
     *     r3pmxmplak}, stage {@code $default}, route {@code $default}, GET /)
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String sourceArn() {
        return sourceArn;
    }

    @Override
    public String sourceAccount() {
        return sourceAccount;
    }

    @Override
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    @Override
    public String servicePrincipal() {
        return PRINCIPAL;
    }

    private String renderSourceArn() {
        String base = "arn:aws:execute-api:" + b.region + ":" + b.account + ":" + b.apiId + "/" + b.stage + "/";
        if (b.routeKey.equals("$default")) {
            return base + "$default";
        }
        String[] parts = b.routeKey.split(" ", 2);
        return base + parts[0] + "/" + parts[1].substring(1);
    }

    private String renderSourceAccount() {
        return b.account;
    }

    /**
     * The request id of {@code requestContext.requestId}.
     *
     * @return the id
     */
    public String requestId() {
        return requestId;
    }

    private String rawPath() {
        return b.stage.equals("$default") ? b.path : "/" + b.stage + b.path;
    }

    private ObjectNode render() {
        ObjectNode e = Events.MAPPER.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", b.routeKey);
        e.put("rawPath", rawPath());
        e.put(
                "rawQueryString",
                b.query.entrySet().stream()
                        .flatMap(q -> q.getValue().stream().map(v -> encode(q.getKey()) + "=" + encode(v)))
                        .collect(Collectors.joining("&")));
        if (!b.cookies.isEmpty()) {
            ArrayNode cookies = e.putArray("cookies");
            b.cookies.forEach(cookies::add);
        }
        ObjectNode headers = e.putObject("headers");
        b.headers.forEach((k, v) -> headers.put(k, String.join(",", v)));
        if (!b.query.isEmpty()) {
            ObjectNode q = e.putObject("queryStringParameters");
            b.query.forEach((k, v) -> q.put(k, String.join(",", v)));
        }
        ObjectNode rc = e.putObject("requestContext");
        rc.put("accountId", b.account);
        rc.put("apiId", b.apiId);
        rc.put("domainName", b.apiId + ".execute-api." + b.region + ".amazonaws.com");
        rc.put("domainPrefix", b.apiId);
        ObjectNode http = rc.putObject("http");
        http.put("method", b.method);
        http.put("path", rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", b.sourceIp);
        List<String> agent = b.headers.get("user-agent");
        http.put("userAgent", agent == null ? "" : String.join(",", agent));
        rc.put("requestId", requestId);
        rc.put("routeKey", b.routeKey);
        rc.put("stage", b.stage);
        rc.put("time", Events.CLF.format(b.time));
        rc.put("timeEpoch", b.time.toEpochMilli());
        if (!b.pathParameters.isEmpty()) {
            ObjectNode p = e.putObject("pathParameters");
            b.pathParameters.forEach(p::put);
        }
        if (b.body != null) {
            e.put(
                    "body",
                    b.base64 ? Base64.getEncoder().encodeToString(b.body) : new String(b.body, StandardCharsets.UTF_8));
        }
        e.put("isBase64Encoded", b.base64);
        return e;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Builds an {@link ApiGatewayHttpEvent}; every value has a realistic default. */
    public static final class Builder {
        private String region = "us-east-1";
        private String account = "123456789012";
        private String apiId = "r3pmxmplak";
        private String stage = "$default";
        private String routeKey = "$default";
        private String method = "GET";
        private String path = "/";
        private final Map<String, String> pathParameters = new LinkedHashMap<>();
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final List<String> cookies = new ArrayList<>();
        private byte[] body;
        private boolean base64;
        private String sourceIp = "192.0.2.1";
        private String requestId;
        private Instant time = Instant.now();
        private Random random = new Random();

        private Builder() {}

        /** @param region the API's Region @return this builder */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** @param account the API's account, 12 digits @return this builder */
        public Builder account(String account) {
            Events.requireAccount(account);
            this.account = account;
            return this;
        }

        /** @param apiId the HTTP API's id @return this builder */
        public Builder apiId(String apiId) {
            this.apiId = Objects.requireNonNull(apiId);
            return this;
        }

        /** @param stage the stage, {@code $default} by default @return this builder */
        public Builder stage(String stage) {
            this.stage = Objects.requireNonNull(stage);
            return this;
        }

        /**
         * The route and the request.
         *
         * @param routeKey {@code $default} or {@code METHOD /path}, for example {@code GET /scores/{player}}
         * @param method the request's method
         * @param path the request's path, without the stage
         * @return this builder
         */
        public Builder request(String routeKey, String method, String path) {
            if (!routeKey.equals("$default") && !routeKey.matches("[A-Z]+ /.*|ANY /.*")) {
                throw new IllegalArgumentException("a route key is $default or \"METHOD /path\", not " + routeKey);
            }
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a path starts with /");
            }
            this.routeKey = routeKey;
            this.method = method;
            this.path = path;
            return this;
        }

        /** @param name a path parameter @param value its value @return this builder */
        public Builder pathParameter(String name, String value) {
            pathParameters.put(name, value);
            return this;
        }

        /** @param name a query parameter, repeatable @param value one value @return this builder */
        public Builder query(String name, String value) {
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        /**
         * A header; its name is lower-cased and a repeated one is joined with commas. A {@code Cookie}
         * header goes to {@code cookies}, one entry per cookie.
         *
         * @param name the header name
         * @param value one value
         * @return this builder
         */
        public Builder header(String name, String value) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String cookie : value.split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.strip());
                    }
                }
                return this;
            }
            headers.computeIfAbsent(lower, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** @param cookie one cookie, {@code name=value} @return this builder */
        public Builder cookie(String cookie) {
            cookies.add(cookie);
            return this;
        }

        /** @param body a text body @return this builder */
        public Builder body(String body) {
            this.body = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            this.base64 = false;
            return this;
        }

        /** @param body a binary body, sent base64-encoded @return this builder */
        public Builder binaryBody(byte[] body) {
            this.body = body.clone();
            this.base64 = true;
            return this;
        }

        /** @param sourceIp the client's address @return this builder */
        public Builder sourceIp(String sourceIp) {
            this.sourceIp = sourceIp;
            return this;
        }

        /** @param requestId the request id @return this builder */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** @param time when the request arrived @return this builder */
        public Builder time(Instant time) {
            this.time = Objects.requireNonNull(time);
            return this;
        }

        /** @param random the source of generated ids @return this builder */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** @return the event */
        public ApiGatewayHttpEvent build() {
            return new ApiGatewayHttpEvent(this);
        }
    }
}
