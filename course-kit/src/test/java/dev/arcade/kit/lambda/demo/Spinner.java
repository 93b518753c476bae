package dev.arcade.kit.lambda.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A demo function that never returns: an endless loop, which only the function's timeout ends. */
public class Spinner implements RequestHandler<Object, String> {
    @Override
    @SuppressWarnings("InfiniteLoopStatement")
    public String handleRequest(Object input, Context context) {
        System.out.println("spinning");
        while (true) {}
    }
}
