package dev.arcade.lambda.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The error documents Lambda returns when the platform, not the handler, ends an invocation
 * (Lambda developer guide, "Troubleshoot invocation issues": {@code Sandbox.Timedout},
 * {@code Runtime.ExitError}).
 */
final class Errors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Errors() {}

    /** {@code Task timed out after 3.00 seconds}, as Lambda words a timeout. */
    static String timeoutText(int seconds) {
        return String.format(Locale.ROOT, "Task timed out after %.2f seconds", (double) seconds);
    }

    static byte[] timeout(String requestId, int seconds) {
        return document("Sandbox.Timedout", "RequestId: " + requestId + " Error: " + timeoutText(seconds));
    }

    static byte[] exit(String requestId, Integer exitCode) {
        return document("Runtime.ExitError", "RequestId: " + requestId + " Error: " + exitText(exitCode));
    }

    static byte[] initExit(Integer exitCode, boolean exited) {
        return document(
                exited ? "Runtime.ExitError" : "Runtime.InitTimeout",
                exited ? "Error: " + exitText(exitCode) : "Error: the Init phase took longer than 10 seconds");
    }

    static String exitText(Integer exitCode) {
        return exitCode == null
                ? "Runtime exited without providing a reason"
                : "Runtime exited with error: exit status " + exitCode;
    }

    static byte[] document(String type, String message) {
        return JSON.createObjectNode()
                .put("errorType", type)
                .put("errorMessage", message)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code errorType} of an error document, or the fallback when it has none. */
    static String errorTypeOf(byte[] body, String fallback) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.hasNonNull("errorType")) {
                return node.get("errorType").asText();
            }
        } catch (java.io.IOException e) {
            // not JSON: the header's type
        }
        return fallback;
    }
}
