package dev.arcade.kit.lambda.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A demo function whose constructor fails: an init error. */
public class BrokenInit implements RequestHandler<String, String> {
    private final String table;

    public BrokenInit() {
        table = System.getenv("TABLE_NAME");
        if (table == null) {
            throw new IllegalStateException("TABLE_NAME is not set");
        }
    }

    @Override
    public String handleRequest(String input, Context context) {
        return table + ":" + input;
    }
}
