package dev.arcade.kit.lambda.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A demo function that counts its Init phase: how often its static initialiser and its constructor
 * ran in this JVM, how often this instance was called, which process it is, the {@code COLOUR}
 * environment variable and the {@code version.txt} resource of its package (so that two packages of
 * the same class differ). Input: a map, optionally {@code sleepMs}. Output: a map of those facts.
 */
public class Counter implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final AtomicInteger STATIC_INITS = new AtomicInteger();
    private static final AtomicInteger CONSTRUCTIONS = new AtomicInteger();

    static {
        STATIC_INITS.incrementAndGet();
        System.out.println("Counter static initialiser");
    }

    private final AtomicInteger calls = new AtomicInteger();

    public Counter() {
        CONSTRUCTIONS.incrementAndGet();
        System.out.println("Counter constructor");
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (event != null && event.containsKey("sleepMs")) {
            try {
                Thread.sleep(((Number) event.get("sleepMs")).longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("staticInits", STATIC_INITS.get());
        answer.put("constructions", CONSTRUCTIONS.get());
        answer.put("calls", calls.incrementAndGet());
        answer.put("pid", ProcessHandle.current().pid());
        answer.put("colour", System.getenv("COLOUR"));
        answer.put("codeVersion", codeVersion());
        answer.put("functionVersion", context.getFunctionVersion());
        answer.put("invokedArn", context.getInvokedFunctionArn());
        return answer;
    }

    private static String codeVersion() {
        try (InputStream in = Counter.class.getResourceAsStream("/version.txt")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
