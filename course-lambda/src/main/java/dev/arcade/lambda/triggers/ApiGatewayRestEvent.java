package dev.arcade.lambda.triggers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The event an API Gateway REST API sends with a Lambda proxy integration (payload format 1.0):
 * {@code resource}, {@code path}, {@code httpMethod}, {@code headers} and {@code
 * multiValueHeaders}, {@code queryStringParameters} and {@code multiValueQueryStringParameters},
 * {@code pathParameters}, {@code stageVariables}, {@code requestContext} (with {@code accountId},
 * {@code apiId}, {@code stage}, {@code requestId}, {@code resourcePath}, {@code httpMethod}, {@code
 * identity.sourceIp}, ...), {@code body} and {@code isBase64Encoded}.
 *
 * <p>Follows the API Gateway Developer Guide, "Set up Lambda proxy integrations in API Gateway"
 * ("Input format of a Lambda function for proxy integration"), the AWS Lambda Developer Guide,
 * "Using Lambda with API Gateway", and the shape of aws-lambda-java-events' {@code
 * APIGatewayProxyRequestEvent}. In {@code headers} and {@code queryStringParameters} a repeated name
 * keeps its last value, as that page says; absent maps are {@code null}, as API Gateway sends them.
 *
 * <p>The source ARN is the request's: {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH}
 * with the path the API was called with, without its leading slash ("Control access to an API with
 * IAM permissions", execute-api ARN format). So a permission for a resource with path parameters names
 * them as {@code *} ({@code .../POST/games/*&#47;scores}), as the consoles and AWS SAM write it; a
 * literal {@code {game}} matches no request (aws/serverless-application-model issue 110).
 */
public final class ApiGatewayRestEvent implements TriggerEvent {

    /** The service principal of API Gateway. */
    public static final String PRINCIPAL = "apigateway.amazonaws.com";

    private final Builder b;
    private final ObjectNode json;
    private final String sourceArn;
    private final String sourceAccount;
    private final String requestId;
    private final String extendedRequestId;
    private final String resourceId;

    private ApiGatewayRestEvent(Builder b) {
        this.b = b;
        this.requestId = b.requestId != null ? b.requestId : Events.uuid(b.random);
        this.extendedRequestId =
                Events.base64(b.random, 12).replace('/', 'A').replace('+', 'B').substring(0, 16);
        this.resourceId = Events.hex(b.random, 6, false);
        this.sourceArn = renderSourceArn();
        this.sourceAccount = renderSourceAccount();
        this.json = render(); // rendered now: the builder may change afterwards
    }

    /**
     * Starts an event.
     *
     * @return a builder with realistic defaults (us-east-1, account 123456789012, api {@code
     *     1234567890}, stage {@code prod}, GET /)
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
        return "arn:aws:execute-api:" + b.region + ":" + b.account + ":" + b.apiId + "/" + b.stage + "/" + b.method
                + "/" + b.path.substring(1);
    }

    private String renderSourceAccount() {
        return b.account;
    }

    /**
     * The request id of {@code requestContext.requestId}.
     *
     * @return a UUID
     */
    public String requestId() {
        return requestId;
    }

    private ObjectNode render() {
        ObjectNode e = Events.MAPPER.createObjectNode();
        e.put("resource", b.resource);
        e.put("path", b.path);
        e.put("httpMethod", b.method);
        singleAndMulti(e, "headers", "multiValueHeaders", b.headers);
        singleAndMulti(e, "queryStringParameters", "multiValueQueryStringParameters", b.query);
        if (b.pathParameters.isEmpty()) {
            e.putNull("pathParameters");
        } else {
            ObjectNode p = e.putObject("pathParameters");
            b.pathParameters.forEach(p::put);
        }
        if (b.stageVariables.isEmpty()) {
            e.putNull("stageVariables");
        } else {
            ObjectNode s = e.putObject("stageVariables");
            b.stageVariables.forEach(s::put);
        }
        ObjectNode rc = e.putObject("requestContext");
        rc.put("resourceId", resourceId);
        rc.put("resourcePath", b.resource);
        rc.put("httpMethod", b.method);
        rc.put("extendedRequestId", extendedRequestId);
        rc.put("requestTime", Events.CLF.format(b.time));
        rc.put("path", "/" + b.stage + b.path);
        rc.put("accountId", b.account);
        rc.put("protocol", "HTTP/1.1");
        rc.put("stage", b.stage);
        rc.put("domainPrefix", b.apiId);
        rc.put("requestTimeEpoch", b.time.toEpochMilli());
        rc.put("requestId", requestId);
        ObjectNode id = rc.putObject("identity");
        for (String field : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "accessKey")) {
            id.putNull(field);
        }
        id.put("sourceIp", b.sourceIp);
        for (String field : List.of("cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn")) {
            id.putNull(field);
        }
        id.put("userAgent", userAgent());
        id.putNull("user");
        rc.put("domainName", b.apiId + ".execute-api." + b.region + ".amazonaws.com");
        rc.put("apiId", b.apiId);
        if (b.body == null) {
            e.putNull("body");
        } else {
            e.put(
                    "body",
                    b.base64 ? Base64.getEncoder().encodeToString(b.body) : new String(b.body, StandardCharsets.UTF_8));
        }
        e.put("isBase64Encoded", b.base64);
        return e;
    }

    private String userAgent() {
        for (Map.Entry<String, List<String>> h : b.headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("User-Agent")) {
                return h.getValue().get(h.getValue().size() - 1);
            }
        }
        return null;
    }

    private static void singleAndMulti(ObjectNode e, String single, String multi, Map<String, List<String>> values) {
        if (values.isEmpty()) {
            e.putNull(single);
            e.putNull(multi);
            return;
        }
        ObjectNode s = e.putObject(single);
        ObjectNode m = e.putObject(multi);
        values.forEach((k, v) -> {
            s.put(k, v.get(v.size() - 1));
            v.forEach(m.putArray(k)::add);
        });
    }

    /** Builds an {@link ApiGatewayRestEvent}; every value has a realistic default. */
    public static final class Builder {
        private String region = "us-east-1";
        private String account = "123456789012";
        private String apiId = "1234567890";
        private String stage = "prod";
        private String method = "GET";
        private String resource = "/";
        private String path = "/";
        private final Map<String, String> pathParameters = new LinkedHashMap<>();
        private final Map<String, String> stageVariables = new LinkedHashMap<>();
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
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

        /** @param apiId the REST API's id, for example {@code wt6mne2s9k} @return this builder */
        public Builder apiId(String apiId) {
            this.apiId = Objects.requireNonNull(apiId);
            return this;
        }

        /** @param stage the stage name, for example {@code prod} @return this builder */
        public Builder stage(String stage) {
            this.stage = Objects.requireNonNull(stage);
            return this;
        }

        /**
         * The method, the resource template and the concrete path.
         *
         * @param method for example {@code GET}
         * @param resource the resource template, for example {@code /scores/{player}}
         * @param path the request path, for example {@code /scores/ana}
         * @return this builder
         */
        public Builder request(String method, String resource, String path) {
            if (!resource.startsWith("/") || !path.startsWith("/")) {
                throw new IllegalArgumentException("a resource and a path start with /");
            }
            this.method = method;
            this.resource = resource;
            this.path = path;
            return this;
        }

        /** @param name a path parameter of the template @param value its value @return this builder */
        public Builder pathParameter(String name, String value) {
            pathParameters.put(name, value);
            return this;
        }

        /** @param name a stage variable @param value its value @return this builder */
        public Builder stageVariable(String name, String value) {
            stageVariables.put(name, value);
            return this;
        }

        /** @param name a query parameter, repeatable @param value one value @return this builder */
        public Builder query(String name, String value) {
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** @param name a header, repeatable, case as sent @param value one value @return this builder */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** @param body a text body, sent as it is @return this builder */
        public Builder body(String body) {
            this.body = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            this.base64 = false;
            return this;
        }

        /** @param body a binary body, sent base64-encoded with {@code isBase64Encoded} true @return this builder */
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

        /** @param requestId the request id, a UUID by default @return this builder */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** @param time when the request arrived @return this builder */
        public Builder time(Instant time) {
            this.time = Objects.requireNonNull(time);
            return this;
        }

        /** @param random the source of the generated ids, for repeatable events @return this builder */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** @return the event */
        public ApiGatewayRestEvent build() {
            return new ApiGatewayRestEvent(this);
        }
    }
}
