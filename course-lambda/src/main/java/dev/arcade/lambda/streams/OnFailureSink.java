package dev.arcade.lambda.streams;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Delivers an invocation record to a mapping's on-failure destination ("Retain discarded records
 * for a DynamoDB event source in Lambda": an SQS message body or an SNS message); the integrator
 * implements it over the backend's SQS and SNS.
 */
@FunctionalInterface
public interface OnFailureSink {

    /**
     * Sends one invocation record.
     *
     * @param destinationArn the DestinationConfig.OnFailure.Destination (an SQS queue or SNS topic ARN)
     * @param invocationRecord the record: requestContext, responseContext, version, timestamp,
     *     DDBStreamBatchInfo
     */
    void send(String destinationArn, JsonNode invocationRecord);
}
