package dev.arcade.kit.lambda.learner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Deployed as {@code dev.arcade.kit.lambda.learner.Shouter} (handleRequest). In: {"text": ...}; out: it upper-cased. */
public class Shouter implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return String.valueOf(event.get("text")).toUpperCase();
    }
}
