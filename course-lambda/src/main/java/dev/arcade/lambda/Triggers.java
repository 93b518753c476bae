package dev.arcade.lambda;

import dev.arcade.evaluators.events.EventPattern;
import dev.arcade.lambda.runtime.Invocation;
import dev.arcade.lambda.triggers.ApiGatewayHttpEvent;
import dev.arcade.lambda.triggers.ApiGatewayResponses;
import dev.arcade.lambda.triggers.ApiGatewayRestEvent;
import dev.arcade.lambda.triggers.EventBridgeEvent;
import dev.arcade.lambda.triggers.FunctionArn;
import dev.arcade.lambda.triggers.FunctionPolicy;
import dev.arcade.lambda.triggers.FunctionResult;
import dev.arcade.lambda.triggers.GatewayResponse;
import dev.arcade.lambda.triggers.PolicyCheck;
import dev.arcade.lambda.triggers.TriggerEvent;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Services that push events, as the kit delivers them: a service invokes a function only if the
 * function's resource-based policy (the function policy, written by AddPermission and read with
 * GetPolicy for the invoked qualifier) allows that service principal with the event's SourceArn and
 * SourceAccount ("Using resource-based policies in Lambda"). API Gateway then answers its client as
 * it would ({@code 500 {"message": "Internal server error"}} when it may not invoke); the other
 * services never invoke, and the {@link Delivery} says why.
 */
public final class Triggers {

    private final LambdaRuntime runtime;
    private final Supplier<LambdaClient> backend;
    private final String region;
    private final String account;

    Triggers(LambdaRuntime runtime, Supplier<LambdaClient> backend, String region, String account) {
        this.runtime = runtime;
        this.backend = backend;
        this.region = region;
        this.account = account;
    }

    /**
     * What happened to a pushed event.
     *
     * @param delivered whether the service invoked the function
     * @param reason why not (the function policy's or the event pattern's explanation), or null
     * @param invocation the invocation, or null when there was none
     */
    public record Delivery(boolean delivered, String reason, Invocation invocation) {}

    /**
     * A request through an API Gateway REST API with a Lambda proxy integration.
     *
     * @param event the request, as API Gateway sends it (its SourceArn is the method's execute-api ARN)
     * @param function the integration's function: a name or ARN, optionally {@code :qualifier}
     * @return what API Gateway answers the client, and the invocation if there was one
     */
    public GatewayReply apiGateway(ApiGatewayRestEvent event, String function) {
        Delivery delivery = deliver(event, function);
        GatewayResponse response = ApiGatewayResponses.restProxy(result(delivery));
        return new GatewayReply(response, delivery);
    }

    /**
     * A request through an API Gateway HTTP API (payload format 2.0).
     *
     * @param event the request
     * @param function the integration's function
     * @return what API Gateway answers the client, and the invocation if there was one
     */
    public GatewayReply httpApi(ApiGatewayHttpEvent event, String function) {
        Delivery delivery = deliver(event, function);
        return new GatewayReply(ApiGatewayResponses.httpApi(result(delivery)), delivery);
    }

    /**
     * An API Gateway answer.
     *
     * @param response the HTTP response the client gets
     * @param delivery whether and how the function was invoked
     */
    public record GatewayReply(GatewayResponse response, Delivery delivery) {}

    /**
     * An EventBridge rule with an event pattern: the event reaches the function only if the pattern
     * matches it and the function policy allows the rule.
     *
     * @param eventPattern the rule's event pattern (JSON)
     * @param event the event, with the rule's ARN as its source
     * @param function the rule's target
     * @return the delivery
     * @throws dev.arcade.evaluators.events.InvalidEventPatternException when the pattern is not valid
     */
    public Delivery eventBridge(String eventPattern, EventBridgeEvent event, String function) {
        EventPattern pattern = EventPattern.parse(eventPattern);
        var match = pattern.match(event.toJson());
        if (!match.matched()) {
            return new Delivery(
                    false, "the rule's event pattern does not match the event: " + match.explanation(), null);
        }
        return deliver(event, function);
    }

    /**
     * Any pushed event (S3 object created, an EventBridge schedule, SNS): invoked only if the
     * function policy allows the event's service, SourceArn and SourceAccount.
     *
     * @param event the event
     * @param function the target: a name or ARN, optionally {@code :qualifier}
     * @return the delivery
     */
    public Delivery deliver(TriggerEvent event, String function) {
        String invoked = qualifiedArn(function);
        FunctionArn arn = FunctionArn.parse(invoked);
        FunctionPolicy policy = policy(arn.name(), arn.policyQualifier());
        PolicyCheck check = policy.check(event.servicePrincipal(), event.sourceArn(), event.sourceAccount(), invoked);
        if (!check.allowed()) {
            return new Delivery(false, check.reason(), null);
        }
        Invocation invocation = runtime.invoke(invoked, event.toJsonString(), event.servicePrincipal());
        return new Delivery(true, null, invocation);
    }

    private FunctionPolicy policy(String name, Optional<String> qualifier) {
        try {
            String json = backend.get()
                    .getPolicy(b -> b.functionName(name).qualifier(qualifier.orElse(null)))
                    .policy();
            return FunctionPolicy.parse(json);
        } catch (ResourceNotFoundException e) {
            return FunctionPolicy.none();
        }
    }

    private String qualifiedArn(String function) {
        if (function.startsWith("arn:")) {
            return function;
        }
        String[] parts = function.split(":");
        String base = "arn:aws:lambda:" + region + ":" + account + ":function:" + parts[0];
        return parts.length > 1 ? base + ":" + parts[1] : base;
    }

    private static FunctionResult result(Delivery delivery) {
        if (!delivery.delivered()) {
            return FunctionResult.invokeRejected(delivery.reason());
        }
        Invocation invocation = delivery.invocation();
        if (invocation.failed()) {
            return FunctionResult.functionError(invocation.errorType(), invocation.payloadText());
        }
        return FunctionResult.success(invocation.payload());
    }
}
