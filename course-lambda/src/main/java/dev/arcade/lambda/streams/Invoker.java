package dev.arcade.lambda.streams;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Invokes the function synchronously, as an event source mapping does ("Using AWS Lambda with
 * Amazon DynamoDB": Lambda invokes the function synchronously with an event that contains stream
 * records); the integrator implements it over the kit's runtime.
 */
@FunctionalInterface
public interface Invoker {

    /** What an invocation came to. */
    sealed interface Outcome permits Success, FunctionError {}

    /**
     * The function returned.
     *
     * @param payload the response payload (JSON bytes; may be empty or {@code null} JSON)
     */
    record Success(byte[] payload) implements Outcome {

        /**
         * Copies the payload.
         *
         * @param payload see the record
         */
        public Success {
            payload = payload == null ? new byte[0] : payload.clone();
        }

        /**
         * A success with a UTF-8 JSON payload.
         *
         * @param json the payload text
         * @return the outcome
         */
        public static Success of(String json) {
            return new Success(json.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The payload.
         *
         * @return a copy of the payload bytes
         */
        @Override
        public byte[] payload() {
            return payload.clone();
        }
    }

    /**
     * The function failed (an unhandled error, a timeout, a runtime crash: Invoke's
     * X-Amz-Function-Error).
     *
     * @param errorType the errorType of the error payload
     * @param errorMessage the errorMessage of the error payload
     */
    record FunctionError(String errorType, String errorMessage) implements Outcome {

        /**
         * Validates the type.
         *
         * @param errorType see the record
         * @param errorMessage see the record
         */
        public FunctionError {
            Objects.requireNonNull(errorType, "errorType");
        }
    }

    /**
     * Invokes the function with one batch.
     *
     * @param functionArn the mapping's FunctionArn
     * @param event the event JSON, {@code {"Records":[...]}}, UTF-8
     * @return the outcome
     */
    Outcome invoke(String functionArn, byte[] event);
}
