package dev.arcade.kit.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Carries out the {@link FaultPlan} on the calls of the code under test (those {@link ApiCallRecorder}
 * recorded): a failing attempt is thrown in {@code beforeTransmission}, inside the SDK's retry loop,
 * so it never reaches the backend and the SDK's retry policy sees it as AWS would send it; a batch
 * sends only part of its items in {@code modifyRequest} and gets the rest back as unprocessed in
 * {@code modifyResponse}.
 *
 * <p>A global interceptor of every SDK client in the JVM, listed after {@link ApiCallRecorder}.
 */
public final class FaultInjector implements ExecutionInterceptor {
    private static final ExecutionAttribute<Object> HELD_BACK = new ExecutionAttribute<>("workshop.heldBack");

    /** Public for the SDK, which instantiates global interceptors by reflection. */
    public FaultInjector() {}

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        ApiCall call = attributes.getAttribute(ApiCallRecorder.CALL);
        if (call == null) {
            return context.request();
        }
        FaultPlan faults = JvmState.faults();
        if (context.request() instanceof BatchWriteItemRequest write
                && faults.take("BatchWriteItem", FaultPlan.Kind.UNPROCESSED) != null) {
            return holdBackItems(write, attributes, call);
        }
        if (context.request() instanceof BatchGetItemRequest get
                && faults.take("BatchGetItem", FaultPlan.Kind.UNPROCESSED) != null) {
            return holdBackKeys(get, attributes, call);
        }
        return context.request();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        ApiCall call = attributes.getAttribute(ApiCallRecorder.CALL);
        if (call == null) {
            return;
        }
        FaultPlan.Fault fault = JvmState.faults().take(call.operation(), FaultPlan.Kind.FAIL);
        if (fault != null) {
            RuntimeException error = fault.error().get();
            call.injected(error.getClass().getSimpleName());
            throw error;
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        ApiCall call = attributes.getAttribute(ApiCallRecorder.CALL);
        if (call != null
                && (context.response() instanceof QueryResponse || context.response() instanceof ScanResponse)) {
            return ShortPages.apply(context.request(), context.response(), call);
        }
        Object held = attributes.getAttribute(HELD_BACK);
        if (held == null) {
            return context.response();
        }
        if (context.response() instanceof BatchWriteItemResponse r) {
            @SuppressWarnings("unchecked")
            Map<String, List<WriteRequest>> heldItems = (Map<String, List<WriteRequest>>) held;
            Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>(r.unprocessedItems());
            heldItems.forEach((table, items) -> unprocessed.merge(table, items, FaultInjector::concat));
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

    /** Sends the first half of the items (rounded up) and keeps the rest back as unprocessed. */
    private static SdkRequest holdBackItems(
            BatchWriteItemRequest request, ExecutionAttributes attributes, ApiCall call) {
        int total =
                request.requestItems().values().stream().mapToInt(List::size).sum();
        int keep = (total + 1) / 2;
        Map<String, List<WriteRequest>> sent = new LinkedHashMap<>();
        Map<String, List<WriteRequest>> held = new LinkedHashMap<>();
        int seen = 0;
        for (Map.Entry<String, List<WriteRequest>> e : request.requestItems().entrySet()) {
            for (WriteRequest w : e.getValue()) {
                (seen++ < keep ? sent : held)
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(w);
            }
        }
        if (held.isEmpty()) {
            return request;
        }
        attributes.putAttribute(HELD_BACK, held);
        call.injected((total - keep) + " of " + total + " items left unprocessed");
        return request.toBuilder().requestItems(sent).build();
    }

    /** Asks for the first half of the keys (rounded up) and keeps the rest back as unprocessed. */
    private static SdkRequest holdBackKeys(BatchGetItemRequest request, ExecutionAttributes attributes, ApiCall call) {
        int total = request.requestItems().values().stream()
                .mapToInt(k -> k.keys().size())
                .sum();
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
        call.injected((total - keep) + " of " + total + " keys left unprocessed");
        return request.toBuilder().requestItems(sent).build();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
