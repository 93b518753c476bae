package dev.arcade.kit.lambda.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A demo function: greets, and reports what it sees of its environment and Context. */
public class Greeter implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    public Greeter() {
        INSTANCES.incrementAndGet();
        System.out.println("Greeter initialised");
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        System.out.println("greeting " + event.get("name"));
        context.getLogger().log("a LambdaLogger record\nwith two lines");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("greeting", "Hello, " + event.get("name"));
        answer.put("instances", INSTANCES.get());
        answer.put("calls", calls.incrementAndGet());
        answer.put("table", System.getenv("TABLE_NAME"));
        answer.put("functionNameEnv", System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
        answer.put("region", System.getenv("AWS_REGION"));
        answer.put("memoryEnv", System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        answer.put("logGroupEnv", System.getenv("AWS_LAMBDA_LOG_GROUP_NAME"));
        answer.put("logStreamEnv", System.getenv("AWS_LAMBDA_LOG_STREAM_NAME"));
        answer.put("handlerEnv", System.getenv("_HANDLER"));
        answer.put("requestId", context.getAwsRequestId());
        answer.put("functionName", context.getFunctionName());
        answer.put("functionVersion", context.getFunctionVersion());
        answer.put("invokedArn", context.getInvokedFunctionArn());
        answer.put("memoryLimit", context.getMemoryLimitInMB());
        answer.put("remainingMs", context.getRemainingTimeInMillis());
        answer.put("logGroup", context.getLogGroupName());
        answer.put("logStream", context.getLogStreamName());
        answer.put("pid", ProcessHandle.current().pid());
        if (event.containsKey("sleepMs")) {
            try {
                Thread.sleep(((Number) event.get("sleepMs")).longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (event.containsKey("exit")) {
            System.exit(((Number) event.get("exit")).intValue());
        }
        if (event.containsKey("fail")) {
            throw new IllegalStateException("asked to fail: " + event.get("fail"));
        }
        return answer;
    }
}
