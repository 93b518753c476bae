package dev.arcade.kit.sdk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Turns an emulator's HTTP 500 into the answer AWS would most likely give: a client error (HTTP 400,
 * a {@code ValidationException} or the service's name for it) whose message names the request and
 * what is probably wrong with it.
 *
 * <p>moto answers some invalid requests with an internal error instead of AWS's validation error:
 * a String placeholder compared with a Number attribute, an {@code ExclusiveStartKey} without the
 * partition key, and more. Left alone, the SDK retries a 500 (a learner's client for seconds), and
 * the learner reads "Service returned HTTP status code 500". A 400 is not retried, and its message
 * says what to check. The emulator's own last error line is kept at the end, for the curious.
 *
 * <p>A global interceptor of every SDK client in the JVM; it acts on responses only, so its place
 * in the list does not matter.
 */
public final class EmulatorErrors implements ExecutionInterceptor {
    private static final int INTERNAL_ERROR = 500;
    private static final int CLIENT_ERROR = 400;
    /** How much of the emulator's own error line to keep in the message. */
    private static final int EMULATOR_LINE_LIMIT = 200;

    private static final Pattern PYTHON_ERROR =
            Pattern.compile("(?m)^\\s*([A-Za-z_.]*(?:Error|Exception)\\b:? ?[^<\\n]{0," + EMULATOR_LINE_LIMIT + "})");
    private static final ExecutionAttribute<String> REWRITTEN = new ExecutionAttribute<>("workshop.emulator500");

    /** Public for the SDK, which instantiates global interceptors by reflection. */
    public EmulatorErrors() {}

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkHttpResponse response = context.httpResponse();
        if (response.statusCode() != INTERNAL_ERROR) {
            return response;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String emulatorSays =
                context.responseBody().map(EmulatorErrors::lastErrorLine).orElse("");
        Protocol protocol = Protocol.of(service);
        String message = "The emulator (the course's stand-in for AWS) failed on this " + operation + " request"
                + " with HTTP 500; AWS would not: most likely it would refuse the request as invalid (a "
                + protocol.code
                + "). " + likelyCause(service, context.request())
                + (emulatorSays.isEmpty() ? "" : " [emulator: " + emulatorSays + "]");
        attributes.putAttribute(REWRITTEN, protocol.body(message));
        SdkHttpResponse.Builder b =
                response.toBuilder().statusCode(CLIENT_ERROR).statusText("Bad Request");
        if (protocol.json) {
            b.putHeader("x-amzn-ErrorType", protocol.code).putHeader("Content-Type", "application/x-amz-json-1.0");
        } else {
            b.putHeader("Content-Type", "text/xml");
        }
        return b.build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(
            Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        String body = attributes.getAttribute(REWRITTEN);
        if (body == null) {
            return context.responseBody();
        }
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** What to check, from what the request holds. */
    private static String likelyCause(String service, SdkRequest request) {
        if (!"DynamoDb".equals(service)) {
            return "Check the request's parameters against the API reference of " + service + ".";
        }
        StringBuilder cause = new StringBuilder();
        if (holds(request, "ExclusiveStartKey")) {
            cause.append("Check that the ExclusiveStartKey holds the whole key of the table (and of the index),"
                    + " exactly as a LastEvaluatedKey gave it. ");
        }
        if (holds(request, "ExpressionAttributeValues")) {
            cause.append("Check that each expression attribute value has the type of the attribute it is compared"
                    + " with (N for numbers, S for strings): on AWS a key condition of the wrong type is refused, and a"
                    + " condition that compares a Number attribute with a String value is simply false. ");
        }
        return cause.length() == 0
                ? "Check the request's parameters against the DynamoDB API reference."
                : cause.toString().strip();
    }

    /** Whether the request carries {@code field}, and not empty (the SDK's unset maps are empty). */
    private static boolean holds(SdkRequest request, String field) {
        return request != null
                && request.getValueForField(field, Object.class)
                        .filter(v -> !(v instanceof java.util.Map<?, ?> m && m.isEmpty()))
                        .isPresent();
    }

    /** The emulator's last error line (for moto, the Python exception), or empty. */
    static String lastErrorLine(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(64 * 1024);
            Matcher m = PYTHON_ERROR.matcher(new String(bytes, StandardCharsets.UTF_8));
            String last = "";
            while (m.find()) {
                last = m.group(1).strip();
            }
            return last;
        } catch (IOException e) {
            return "";
        }
    }

    /** How each service's protocol carries an error: JSON with a type header, or AWS Query's XML. */
    private enum Protocol {
        DYNAMODB(true, "ValidationException"),
        LOGS(true, "InvalidParameterException"),
        LAMBDA(true, "InvalidParameterValueException"),
        XRAY(true, "InvalidRequestException"),
        QUERY(false, "ValidationError");

        final boolean json;
        final String code;

        Protocol(boolean json, String code) {
            this.json = json;
            this.code = code;
        }

        static Protocol of(String service) {
            return switch (service == null ? "" : service) {
                case "DynamoDb", "DynamoDbStreams" -> DYNAMODB;
                case "CloudWatchLogs" -> LOGS;
                case "Lambda" -> LAMBDA;
                case "XRay" -> XRAY;
                default -> QUERY;
            };
        }

        String body(String message) {
            if (json) {
                return "{\"__type\":\"" + code + "\",\"message\":\"" + jsonEscaped(message) + "\"}";
            }
            return "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + xmlEscaped(message)
                    + "</Message></Error><RequestId>workshop-emulator-500</RequestId></ErrorResponse>";
        }

        private static String jsonEscaped(String s) {
            StringBuilder sb = new StringBuilder();
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    default -> sb.append(c < 0x20 ? ' ' : c);
                }
            }
            return sb.toString();
        }

        private static String xmlEscaped(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
