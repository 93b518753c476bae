package dev.arcade.lambda.triggers;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What became of API Gateway's invocation of a function, the input of {@link ApiGatewayResponses}.
 *
 * <ul>
 *   <li>{@link #success}: the function returned; its payload bytes.
 *   <li>{@link #functionError}: the function ran and failed (an unhandled exception, a timeout, the
 *       runtime exiting): Lambda's {@code X-Amz-Function-Error}.
 *   <li>{@link #invokeRejected}: the Lambda API refused the invocation: the function policy lacks
 *       the permission (see {@link FunctionPolicy}), throttling, a missing function.
 * </ul>
 *
 * @param kind which of the three
 * @param payload the payload of a success, or null
 * @param detail the error type and message of a failure, or the reason of a rejection, or null
 */
public record FunctionResult(Kind kind, byte[] payload, String detail) {

    /** Which kind of result. */
    public enum Kind {
        /** the function returned a payload */
        SUCCESS,
        /** the function ran and failed */
        FUNCTION_ERROR,
        /** the Lambda API refused the invocation */
        INVOKE_REJECTED
    }

    /**
     * Validates the components.
     *
     * @param kind the kind
     * @param payload the payload, required for a success
     * @param detail the detail
     */
    public FunctionResult {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SUCCESS) {
            Objects.requireNonNull(payload, "payload");
            payload = payload.clone();
        }
    }

    /**
     * A successful invocation.
     *
     * @param payload the function's response payload
     * @return the result
     */
    public static FunctionResult success(byte[] payload) {
        return new FunctionResult(Kind.SUCCESS, payload, null);
    }

    /**
     * A successful invocation whose payload is text.
     *
     * @param payload the payload as UTF-8 text
     * @return the result
     */
    public static FunctionResult success(String payload) {
        return success(payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A function error.
     *
     * @param errorType for example {@code java.lang.IllegalStateException} or {@code Sandbox.Timedout}
     * @param errorMessage the error message
     * @return the result
     */
    public static FunctionResult functionError(String errorType, String errorMessage) {
        return new FunctionResult(Kind.FUNCTION_ERROR, null, errorType + ": " + errorMessage);
    }

    /**
     * An invocation the Lambda API refused.
     *
     * @param reason why, for example {@link PolicyCheck#reason()}
     * @return the result
     */
    public static FunctionResult invokeRejected(String reason) {
        return new FunctionResult(Kind.INVOKE_REJECTED, null, reason);
    }

    @Override
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }
}
