package dev.arcade.kit.internal;

import dev.arcade.kit.Faults;
import dev.arcade.kit.SdkCall;
import dev.arcade.kit.SdkCalls;
import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.backend.Endpoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The kit's global SDK interceptor (registered for every client in the JVM through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}).
 *
 * <p>It does three things: refuses any request to a host that is not the emulator's (the safety net
 * under the system properties of {@link SdkDefaults}); records the calls of the code under test in
 * {@link SdkCalls}; and injects the {@link Faults} a test planned. Calls from the kit's own grading
 * clients carry {@link #KIT_CLIENT} and are neither recorded nor faulted.
 */
public final class WorkshopInterceptor implements ExecutionInterceptor {
    /** Marks a client as the kit's own. */
    public static final ExecutionAttribute<Boolean> KIT_CLIENT = new ExecutionAttribute<>("workshop.kitClient");

    private static final ExecutionAttribute<SdkCall> CALL = new ExecutionAttribute<>("workshop.call");
    private static final ExecutionAttribute<Object> HELD_BACK = new ExecutionAttribute<>("workshop.heldBack");

    private static volatile Backend guarded;

    /** Public for the SDK, which instantiates global interceptors by reflection. */
    public WorkshopInterceptor() {}

    /** From now on, refuse requests to any host but loopback and {@code backend}'s. */
    static void guard(Backend backend) {
        guarded = backend;
    }

    private static boolean recorded(ExecutionAttributes attributes) {
        return !Boolean.TRUE.equals(attributes.getAttribute(KIT_CLIENT));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (recorded(attributes)) {
            SdkCall call = SdkCalls.log().record(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request());
            attributes.putAttribute(CALL, call);
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkCall call = attributes.getAttribute(CALL);
        if (call == null) {
            return context.request();
        }
        if (context.request() instanceof BatchWriteItemRequest write
                && Faults.plan().take("BatchWriteItem", Faults.Kind.UNPROCESSED) != null) {
            return holdBackItems(write, attributes, call);
        }
        if (context.request() instanceof BatchGetItemRequest get
                && Faults.plan().take("BatchGetItem", Faults.Kind.UNPROCESSED) != null) {
            return holdBackKeys(get, attributes, call);
        }
        return context.request();
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        Backend backend = guarded;
        SdkHttpRequest request = context.httpRequest();
        if (backend != null && !Endpoints.isLoopback(request.host())
                && !request.host().equalsIgnoreCase(backend.endpoint().getHost())) {
            throw SdkClientException.create("The workshop refused a call to " + request.protocol() + "://"
                    + request.host() + " (" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
                    + "): the course only talks to the emulator at " + backend.endpoint()
                    + ". Build clients with XxxClient.create() or XxxClient.builder() without endpointOverride.");
        }
        return request;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SdkCall call = attributes.getAttribute(CALL);
        if (call == null) {
            return;
        }
        SdkCalls.attempted(call);
        Faults.Plan plan = Faults.plan().take(call.operation(), Faults.Kind.FAIL);
        if (plan != null) {
            RuntimeException error = plan.error().get();
            SdkCalls.injected(call, error.getClass().getSimpleName());
            throw error;
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        Object held = attributes.getAttribute(HELD_BACK);
        if (held == null) {
            return context.response();
        }
        if (context.response() instanceof BatchWriteItemResponse r) {
            @SuppressWarnings("unchecked")
            Map<String, List<WriteRequest>> heldItems = (Map<String, List<WriteRequest>>) held;
            Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>(r.unprocessedItems());
            heldItems.forEach((table, items) -> unprocessed.merge(table, items, WorkshopInterceptor::concat));
            return r.toBuilder().unprocessedItems(unprocessed).build();
        }
        if (context.response() instanceof BatchGetItemResponse r) {
            @SuppressWarnings("unchecked")
            Map<String, KeysAndAttributes> heldKeys = (Map<String, KeysAndAttributes>) held;
            Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>(r.unprocessedKeys());
            unprocessed.putAll(heldKeys);
            return r.toBuilder().unprocessedKeys(unprocessed).build();
        }
        return context.response();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkCall call = attributes.getAttribute(CALL);
        if (call != null) {
            SdkCalls.ended(call, context.response(), null);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        SdkCall call = attributes.getAttribute(CALL);
        if (call != null) {
            SdkCalls.ended(call, null, context.exception());
        }
    }

    /** Sends the first half of the items (rounded up) and keeps the rest back as unprocessed. */
    private static SdkRequest holdBackItems(BatchWriteItemRequest request, ExecutionAttributes attributes,
            SdkCall call) {
        int total = request.requestItems().values().stream().mapToInt(List::size).sum();
        int keep = (total + 1) / 2;
        Map<String, List<WriteRequest>> sent = new LinkedHashMap<>();
        Map<String, List<WriteRequest>> held = new LinkedHashMap<>();
        int seen = 0;
        for (Map.Entry<String, List<WriteRequest>> e : request.requestItems().entrySet()) {
            for (WriteRequest w : e.getValue()) {
                (seen++ < keep ? sent : held).computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(w);
            }
        }
        if (held.isEmpty()) {
            return request;
        }
        attributes.putAttribute(HELD_BACK, held);
        SdkCalls.injected(call, (total - keep) + " of " + total + " items left unprocessed");
        return request.toBuilder().requestItems(sent).build();
    }

    /** Asks for the first half of the keys (rounded up) and keeps the rest back as unprocessed. */
    private static SdkRequest holdBackKeys(BatchGetItemRequest request, ExecutionAttributes attributes,
            SdkCall call) {
        int total = request.requestItems().values().stream().mapToInt(k -> k.keys().size()).sum();
        int keep = (total + 1) / 2;
        Map<String, KeysAndAttributes> sent = new LinkedHashMap<>();
        Map<String, KeysAndAttributes> held = new LinkedHashMap<>();
        int seen = 0;
        for (Map.Entry<String, KeysAndAttributes> e : request.requestItems().entrySet()) {
            List<Map<String, AttributeValue>> send = new ArrayList<>();
            List<Map<String, AttributeValue>> hold = new ArrayList<>();
            for (Map<String, AttributeValue> key : e.getValue().keys()) {
                (seen++ < keep ? send : hold).add(key);
            }
            if (!send.isEmpty()) {
                sent.put(e.getKey(), e.getValue().toBuilder().keys(send).build());
            }
            if (!hold.isEmpty()) {
                held.put(e.getKey(), e.getValue().toBuilder().keys(hold).build());
            }
        }
        if (held.isEmpty()) {
            return request;
        }
        attributes.putAttribute(HELD_BACK, held);
        SdkCalls.injected(call, (total - keep) + " of " + total + " keys left unprocessed");
        return request.toBuilder().requestItems(sent).build();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
