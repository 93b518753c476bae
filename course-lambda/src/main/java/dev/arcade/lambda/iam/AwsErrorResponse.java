package dev.arcade.lambda.iam;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An HTTP error response as a service's protocol shapes it, for the front to send instead of forwarding
 * the request. {@link #accessDenied} shapes {@code AccessDenied} as each protocol's error serialization
 * says (Smithy "AWS JSON 1.0 protocol", "AWS JSON 1.1 protocol", "AWS query protocol", "AWS restJson1
 * protocol", "AWS restXml protocol", "Smithy RPC v2 CBOR protocol"), so that the AWS SDK for Java v2
 * reports {@code awsErrorDetails().errorCode()} as AWS would:
 *
 * <table>
 *   <caption>shapes by protocol</caption>
 *   <tr><th>protocol</th><th>services</th><th>status</th><th>body</th><th>error code</th></tr>
 *   <tr><td>JSON 1.0</td><td>DynamoDB, DynamoDB Streams</td><td>400</td>
 *       <td>{@code {"__type":"com.amazon.coral.service#AccessDeniedException","Message":...}}</td>
 *       <td>AccessDeniedException</td></tr>
 *   <tr><td>JSON 1.1</td><td>CloudWatch Logs, EventBridge</td><td>400</td>
 *       <td>{@code {"__type":"AccessDeniedException","message":...}}</td><td>AccessDeniedException</td></tr>
 *   <tr><td>JSON 1.0, query compatible</td><td>SQS, CloudWatch</td><td>400</td>
 *       <td>as JSON 1.1, plus {@code x-amzn-query-error: AccessDenied;Sender}</td><td>AccessDenied</td></tr>
 *   <tr><td>query</td><td>STS, IAM, SNS, CloudWatch, SQS (older SDKs)</td><td>403</td>
 *       <td>{@code <ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>...}</td>
 *       <td>AccessDenied</td></tr>
 *   <tr><td>REST JSON</td><td>Lambda, X-Ray, others</td><td>403</td>
 *       <td>{@code {"Message":...}} with {@code x-amzn-ErrorType: AccessDeniedException}</td>
 *       <td>AccessDeniedException</td></tr>
 *   <tr><td>REST XML</td><td>S3</td><td>403</td><td>{@code <Error><Code>AccessDenied</Code>...}</td>
 *       <td>AccessDenied</td></tr>
 *   <tr><td>RPC v2 CBOR</td><td>CloudWatch (newer SDKs)</td><td>400</td>
 *       <td>a CBOR map {@code __type}, {@code message}, plus {@code x-amzn-query-error}</td>
 *       <td>AccessDenied</td></tr>
 * </table>
 *
 * @param status the HTTP status
 * @param headers the response headers (looked up regardless of case)
 * @param body the body bytes
 */
public record AwsErrorResponse(int status, Map<String, String> headers, byte[] body) {

    /** How a service's protocol serializes errors. */
    public enum Protocol {
        /** AWS JSON 1.0 with a namespaced {@code __type} and {@code Message}: DynamoDB. */
        JSON_10,
        /** AWS JSON 1.1 (and 1.0 services with the same shape): Logs, EventBridge. */
        JSON_11,
        /** AWS JSON 1.0 of a service that keeps its query protocol error codes: SQS, CloudWatch. */
        JSON_QUERY_COMPATIBLE,
        /** The AWS query protocol: an XML ErrorResponse. */
        QUERY,
        /** restJson1: the error type in the {@code x-amzn-ErrorType} header. */
        REST_JSON,
        /** restXml as S3 uses it: an XML Error without a wrapper. */
        REST_XML,
        /** Smithy RPC v2 CBOR. */
        RPC_V2_CBOR
    }

    /** Copies the headers into a case-insensitive map and the body. */
    public AwsErrorResponse {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(Objects.requireNonNull(headers, "headers"));
        headers = Collections.unmodifiableMap(copy);
        body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * The body bytes (a copy).
     *
     * @return the body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body as UTF-8 text (not meaningful for CBOR).
     *
     * @return the body text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The protocol a request was sent with, from its {@code X-Amz-Target}, path, body and service.
     *
     * @param request the request
     * @return the protocol its error must be shaped in
     */
    public static Protocol protocolOf(AwsRequest request) {
        String target = request.target().orElse("");
        if (request.cborService().isPresent()) {
            return Protocol.RPC_V2_CBOR;
        }
        if (target.startsWith("DynamoDB")) {
            return Protocol.JSON_10;
        }
        if (target.startsWith("AmazonSQS") || target.startsWith("GraniteServiceVersion")) {
            return Protocol.JSON_QUERY_COMPATIBLE;
        }
        if (!target.isEmpty()) {
            return Protocol.JSON_11;
        }
        if (request.formParameters().containsKey("Action")
                || request.queryParameters().containsKey("Action")) {
            return Protocol.QUERY;
        }
        if ("s3".equals(IamActions.service(request))) {
            return Protocol.REST_XML;
        }
        return Protocol.REST_JSON;
    }

    /**
     * An {@code AccessDenied} error shaped for the protocol of a request.
     *
     * @param request the request being refused
     * @param message the message, as AWS words it
     * @param requestId the request ID to report
     * @return the response
     */
    public static AwsErrorResponse accessDenied(AwsRequest request, String message, String requestId) {
        return accessDenied(protocolOf(request), message, requestId);
    }

    /**
     * An {@code AccessDenied} error shaped for a protocol.
     *
     * @param protocol the protocol
     * @param message the message, as AWS words it
     * @param requestId the request ID to report
     * @return the response
     */
    public static AwsErrorResponse accessDenied(Protocol protocol, String message, String requestId) {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestId, "requestId");
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-amzn-RequestId", requestId);
        return switch (protocol) {
            case JSON_10 -> {
                h.put("Content-Type", "application/x-amz-json-1.0");
                yield new AwsErrorResponse(
                        400,
                        h,
                        json("{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"Message\":"
                                + quote(message) + "}"));
            }
            case JSON_11 -> {
                h.put("Content-Type", "application/x-amz-json-1.1");
                yield new AwsErrorResponse(
                        400, h, json("{\"__type\":\"AccessDeniedException\",\"message\":" + quote(message) + "}"));
            }
            case JSON_QUERY_COMPATIBLE -> {
                h.put("Content-Type", "application/x-amz-json-1.0");
                // Query-compatible services send the query protocol's code and fault in this header, and
                // the SDK reports that code ("awsQueryCompatible trait", Smithy AWS protocols).
                h.put("x-amzn-query-error", "AccessDenied;Sender");
                yield new AwsErrorResponse(
                        400, h, json("{\"__type\":\"AccessDeniedException\",\"message\":" + quote(message) + "}"));
            }
            case QUERY -> {
                h.put("Content-Type", "text/xml");
                yield new AwsErrorResponse(
                        403,
                        h,
                        json("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>"
                                + xml(message) + "</Message></Error><RequestId>" + xml(requestId)
                                + "</RequestId></ErrorResponse>"));
            }
            case REST_JSON -> {
                h.put("Content-Type", "application/json");
                h.put("x-amzn-ErrorType", "AccessDeniedException");
                yield new AwsErrorResponse(403, h, json("{\"Message\":" + quote(message) + "}"));
            }
            case REST_XML -> {
                h.put("Content-Type", "application/xml");
                h.put("x-amz-request-id", requestId);
                yield new AwsErrorResponse(
                        403,
                        h,
                        json("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>"
                                + xml(message) + "</Message><RequestId>" + xml(requestId)
                                + "</RequestId></Error>"));
            }
            case RPC_V2_CBOR -> {
                h.put("Content-Type", "application/cbor");
                h.put("smithy-protocol", "rpc-v2-cbor");
                h.put("x-amzn-query-error", "AccessDenied;Sender");
                yield new AwsErrorResponse(400, h, cborMap("__type", "AccessDeniedException", "message", message));
            }
        };
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A CBOR map of text keys to text values (RFC 8949: major type 5, definite length; major type 3). */
    static byte[] cborMap(String... keysAndValues) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        head(out, 5, keysAndValues.length / 2);
        for (String s : keysAndValues) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            head(out, 3, bytes.length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static void head(java.io.ByteArrayOutputStream out, int major, int length) {
        int m = major << 5;
        if (length < 24) {
            out.write(m | length);
        } else if (length < 0x100) {
            out.write(m | 24);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(m | 25);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(m | 26);
            out.write(length >>> 24);
            out.write((length >> 16) & 0xff);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AwsErrorResponse r
                && status == r.status
                && headers.equals(r.headers)
                && java.util.Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, java.util.Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "AwsErrorResponse[" + status + ", " + headers + ", " + body.length + " bytes]";
    }
}
