package dev.arcade.lambda.triggers;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event a pushing service sends to a function, with what the service presents to the function
 * policy ({@link FunctionPolicy#check}).
 */
public interface TriggerEvent {

    /**
     * The service principal that invokes the function.
     *
     * @return for example {@code apigateway.amazonaws.com}
     */
    String servicePrincipal();

    /**
     * The {@code aws:SourceArn} the service sends.
     *
     * @return the ARN of the API route, bucket, rule or topic
     */
    String sourceArn();

    /**
     * The {@code aws:SourceAccount} the service sends: the account that owns the source.
     *
     * @return a 12-digit account ID
     */
    String sourceAccount();

    /**
     * The event, as the function receives it.
     *
     * @return a fresh JSON object
     */
    ObjectNode toJson();

    /**
     * The event as JSON text.
     *
     * @return the payload bytes' text
     */
    default String toJsonString() {
        return Events.write(toJson());
    }
}
