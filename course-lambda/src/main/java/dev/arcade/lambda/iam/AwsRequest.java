package dev.arcade.lambda.iam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP request an AWS SDK sent to the front, as received: method, raw path, raw query, headers and
 * body. Helpers read what authorization needs from it: the SigV4 {@code Authorization} header's access
 * key and credential scope ("Authenticating Requests (AWS Signature Version 4)", the
 * {@code Credential=AKID/DATE/REGION/SERVICE/aws4_request} component), and the operation, by the
 * protocol the service uses (Smithy protocols: {@code X-Amz-Target} for AWS JSON 1.0/1.1,
 * {@code Action=} for the AWS query protocol, {@code /service/S/operation/O} for Smithy RPC v2 CBOR,
 * and the HTTP binding of REST services).
 *
 * @param method the HTTP method, such as {@code POST}; compared regardless of case
 * @param path the raw path as sent, percent-encoded, starting with {@code /}
 * @param rawQuery the raw query string without {@code ?}, or null when there is none
 * @param headers the headers; looked up regardless of case (a copy is kept in a case-insensitive map)
 * @param body the body bytes, possibly empty (never null after construction)
 */
public record AwsRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request");
    private static final Pattern CBOR_PATH = Pattern.compile("^/service/([^/]+)/operation/([^/?]+)$");

    /** Copies the headers into a case-insensitive map and makes a null body empty. */
    public AwsRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v);
                }
            });
        }
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * A header's value, looked up regardless of case.
     *
     * @param name the header name, such as {@code x-amz-target}
     * @return the value, if present
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the body text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The access key ID of the SigV4 credential, from {@code Authorization: AWS4-HMAC-SHA256 Credential=AKID/...}
     * or a presigned URL's {@code X-Amz-Credential} query parameter.
     *
     * @return the access key ID, if the request is signed
     */
    public Optional<String> accessKeyId() {
        return credential().map(m -> m.group(1));
    }

    /**
     * The region of the SigV4 credential scope.
     *
     * @return for example {@code us-east-1}, if the request is signed
     */
    public Optional<String> signingRegion() {
        return credential().map(m -> m.group(3));
    }

    /**
     * The service of the SigV4 credential scope, the signing name: {@code dynamodb}, {@code logs},
     * {@code monitoring} (CloudWatch), {@code xray}, {@code lambda}, {@code s3}, {@code sqs}, {@code sns},
     * {@code events}, {@code sts}, {@code iam}. DynamoDB Streams signs as {@code dynamodb}.
     *
     * @return the signing name, if the request is signed
     */
    public Optional<String> signingService() {
        return credential().map(m -> m.group(4));
    }

    private Optional<Matcher> credential() {
        String auth = header("Authorization").orElse(null);
        String text = auth;
        if (text == null) {
            String q = queryParameters().get("X-Amz-Credential");
            if (q == null) {
                return Optional.empty();
            }
            text = "Credential=" + q;
        }
        Matcher m = CREDENTIAL.matcher(text);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    /**
     * The {@code X-Amz-Target} header of the AWS JSON protocols, such as {@code DynamoDB_20120810.PutItem}.
     *
     * @return the target, if present
     */
    public Optional<String> target() {
        return header("X-Amz-Target").map(String::strip);
    }

    /**
     * The operation the request calls, read as its protocol says: the part of {@code X-Amz-Target} after
     * the last dot (AWS JSON 1.0 and 1.1); the {@code Action} parameter of a form body or of the query
     * (AWS query protocol); the last segment of {@code /service/SERVICE/operation/OPERATION} (Smithy RPC
     * v2 CBOR, which CloudWatch uses in newer SDKs). REST operations are named from the method and path by
     * {@link IamActions}, so this returns empty for them.
     *
     * @return the operation name, such as {@code PutItem}, {@code GetCallerIdentity} or {@code PutMetricData}
     */
    public Optional<String> operation() {
        Optional<String> t = target();
        if (t.isPresent()) {
            String v = t.get();
            int dot = v.lastIndexOf('.');
            return Optional.of(dot < 0 ? v : v.substring(dot + 1));
        }
        Matcher cbor = CBOR_PATH.matcher(path);
        if (cbor.matches()) {
            return Optional.of(decode(cbor.group(2)));
        }
        String action = formParameters().get("Action");
        if (action == null) {
            action = queryParameters().get("Action");
        }
        return Optional.ofNullable(action);
    }

    /**
     * The service part of a Smithy RPC v2 CBOR path, such as {@code GraniteServiceVersion20100801} for
     * CloudWatch.
     *
     * @return the Smithy service name, if the path is an RPC v2 CBOR path
     */
    public Optional<String> cborService() {
        Matcher cbor = CBOR_PATH.matcher(path);
        return cbor.matches() ? Optional.of(decode(cbor.group(1))) : Optional.empty();
    }

    /**
     * Tells whether the body is a form ({@code Content-Type: application/x-www-form-urlencoded}), as the
     * AWS query protocol sends.
     *
     * @return true for a form body
     */
    public boolean isForm() {
        return header("Content-Type")
                .map(v -> v.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
    }

    /**
     * The decoded parameters of a form body; the first value of a repeated name wins.
     *
     * @return the parameters, empty when the body is not a form
     */
    public Map<String, String> formParameters() {
        if (!isForm()) {
            return Map.of();
        }
        return parse(bodyText());
    }

    /**
     * The decoded query parameters; the first value of a repeated name wins; a name without {@code =}
     * has the empty value.
     *
     * @return the parameters
     */
    public Map<String, String> queryParameters() {
        return rawQuery == null ? Map.of() : parse(rawQuery);
    }

    /**
     * The path's segments, each percent-decoded (a {@code %2F} inside a segment stays inside it).
     *
     * @return the segments, without empty ones at the ends
     */
    public List<String> pathSegments() {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (!s.isEmpty()) {
                out.add(decodePath(s));
            }
        }
        return out;
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Percent-decodes a path segment, keeping {@code +} as it is (a path is not a form). */
    static String decodePath(String s) {
        return decode(s.replace("+", "%2B"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AwsRequest r
                && method.equals(r.method)
                && path.equals(r.path)
                && Objects.equals(rawQuery, r.rawQuery)
                && headers.equals(r.headers)
                && java.util.Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, rawQuery, headers, java.util.Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "AwsRequest[" + method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + ", target="
                + target().orElse("-") + ", " + body.length + " bytes]";
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
}
