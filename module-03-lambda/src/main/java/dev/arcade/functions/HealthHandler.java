package dev.arcade.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Given, for exercise 3.3: the score service's health check, the function that {@link Deployment}
 * packages and deploys. It needs what a real function needs from its package: its own classes (this
 * one and its nested {@link Health}), a resource ({@code dev/arcade/functions/health.properties}, read
 * at Init) and libraries (Jackson's three jars), so a package that lacks any of them fails.
 *
 * <p>In: a JSON object, optionally with {@code "echo"} (any JSON value, answered back) or {@code "fail"}
 * (a message: the invocation then fails with an {@link IllegalStateException} carrying it). Out:
 * {@code {"status": "ok", "table": TABLE_NAME, "build": the resource's build, "function": the
 * function's name, "memoryMb": its memory in MB, "echo": ...}}.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/java-handler.html">Define Lambda function
 *     handler in Java</a>
 */
public final class HealthHandler implements RequestStreamHandler {
    /** The resource this handler reads at Init, from its package. */
    public static final String RESOURCE = "health.properties";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String build;

    /**
     * Reads {@value #RESOURCE} once, in the Init phase.
     *
     * @throws IllegalStateException when the resource is not in the package
     */
    public HealthHandler() {
        Properties properties = new Properties();
        try (InputStream resource = HealthHandler.class.getResourceAsStream(RESOURCE)) {
            if (resource == null) {
                throw new IllegalStateException(
                        "dev/arcade/functions/" + RESOURCE + " is not in the deployment package");
            }
            properties.load(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.build = properties.getProperty("build", "");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = JSON.readTree(input);
        if (request != null && request.hasNonNull("fail")) {
            throw new IllegalStateException(request.get("fail").asText());
        }
        Health health = new Health(
                "ok",
                System.getenv("TABLE_NAME"),
                build,
                context.getFunctionName(),
                context.getMemoryLimitInMB(),
                request == null ? null : request.get("echo"));
        output.write(JSON.writeValueAsBytes(health));
    }

    /**
     * The answer.
     *
     * @param status always {@code "ok"}
     * @param table the {@code TABLE_NAME} environment variable, or null
     * @param build the resource's {@code build} property
     * @param function the function's name
     * @param memoryMb the function's memory, in MB
     * @param echo the request's {@code echo}, or null
     */
    public record Health(String status, String table, String build, String function, int memoryMb, JsonNode echo) {}
}
