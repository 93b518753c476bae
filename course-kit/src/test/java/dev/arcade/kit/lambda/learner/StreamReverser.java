package dev.arcade.kit.lambda.learner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A {@link RequestStreamHandler}: writes the raw payload back reversed, byte for byte, with no JSON mapping. */
public class StreamReverser implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        output.write(new StringBuilder(text).reverse().toString().getBytes(StandardCharsets.UTF_8));
    }
}
