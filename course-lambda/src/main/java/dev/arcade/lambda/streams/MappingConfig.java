package dev.arcade.lambda.streams;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of one DynamoDB stream event source mapping, with the defaults the Lambda API
 * applies ("CreateEventSourceMapping", request parameters) already filled in.
 *
 * @param uuid the mapping's identifier
 * @param functionArn the function ARN (qualified when the mapping names a version or alias)
 * @param eventSourceArn the stream ARN
 * @param batchSize at most this many records per invocation (1..10000, default 100)
 * @param startingPosition TRIM_HORIZON or LATEST
 * @param maximumBatchingWindowInSeconds 0..300 (stored, not acted on)
 * @param parallelizationFactor 1..10 (stored, not acted on)
 * @param filterPatterns the FilterCriteria patterns, as JSON strings, in order
 * @param functionResponseTypes empty or {@code [ReportBatchItemFailures]}
 * @param bisectBatchOnFunctionError split a failed batch in two
 * @param maximumRetryAttempts -1 (infinite) or 0..10000
 * @param maximumRecordAgeInSeconds -1 (infinite) or 60..604800
 * @param onFailureDestination the OnFailure destination ARN, or null
 * @param tumblingWindowInSeconds 0..900 (stored, not acted on)
 * @param enabled whether the mapping should be polling
 * @param state the State the API reports
 * @param stateTransitionReason the StateTransitionReason the API reports
 * @param lastProcessingResult the LastProcessingResult the API reports
 * @param lastModified when the mapping was last changed
 */
public record MappingConfig(
        String uuid,
        String functionArn,
        String eventSourceArn,
        int batchSize,
        String startingPosition,
        int maximumBatchingWindowInSeconds,
        int parallelizationFactor,
        List<String> filterPatterns,
        List<String> functionResponseTypes,
        boolean bisectBatchOnFunctionError,
        int maximumRetryAttempts,
        int maximumRecordAgeInSeconds,
        String onFailureDestination,
        int tumblingWindowInSeconds,
        boolean enabled,
        String state,
        String stateTransitionReason,
        String lastProcessingResult,
        Instant lastModified) {

    /** The one FunctionResponseTypes value ("CreateEventSourceMapping", FunctionResponseTypes). */
    public static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

    /**
     * Validates and copies the components.
     *
     * @param uuid see the record
     * @param functionArn see the record
     * @param eventSourceArn see the record
     * @param batchSize see the record
     * @param startingPosition see the record
     * @param maximumBatchingWindowInSeconds see the record
     * @param parallelizationFactor see the record
     * @param filterPatterns see the record
     * @param functionResponseTypes see the record
     * @param bisectBatchOnFunctionError see the record
     * @param maximumRetryAttempts see the record
     * @param maximumRecordAgeInSeconds see the record
     * @param onFailureDestination see the record
     * @param tumblingWindowInSeconds see the record
     * @param enabled see the record
     * @param state see the record
     * @param stateTransitionReason see the record
     * @param lastProcessingResult see the record
     * @param lastModified see the record
     */
    public MappingConfig {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(functionArn, "functionArn");
        Objects.requireNonNull(eventSourceArn, "eventSourceArn");
        filterPatterns = List.copyOf(filterPatterns);
        functionResponseTypes = List.copyOf(functionResponseTypes);
    }

    /**
     * Tells whether the function's partial batch responses are honoured.
     *
     * @return true when FunctionResponseTypes holds ReportBatchItemFailures
     */
    public boolean reportsBatchItemFailures() {
        return functionResponseTypes.contains(REPORT_BATCH_ITEM_FAILURES);
    }
}
