package dev.arcade.kit.lambda.learner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Reads {@code TABLE_NAME} in a static initialiser: without the variable the Init phase throws. */
public class NeedsConfig implements RequestHandler<Map<String, Object>, String> {
    private static final String TABLE = System.getenv("TABLE_NAME").trim();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return TABLE;
    }
}
