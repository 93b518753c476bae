package dev.arcade.lambda.host;

import com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.DtoSerializers;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaError;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaRuntimeApiClient;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.util.Map;

/**
 * A client of the Lambda Runtime API ("Using the Lambda runtime API for custom runtimes", API
 * version 2018-06-01) over {@link HttpURLConnection}: {@code GET /runtime/invocation/next},
 * {@code POST /runtime/invocation/{id}/response}, {@code POST /runtime/invocation/{id}/error} and
 * {@code POST /runtime/init/error}, with the headers the runtime interface client sends and reads.
 * SnapStart's restore endpoints are not offered (the kit has no SnapStart).
 */
final class RuntimeApiClient implements LambdaRuntimeApiClient {

    private static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";
    private static final String XRAY_ERROR_CAUSE_HEADER = "Lambda-Runtime-Function-XRay-Error-Cause";

    private final String base;

    /**
     * @param hostAndPort {@code AWS_LAMBDA_RUNTIME_API}: host, port and, here, a path that names the
     *     environment, for example {@code 127.0.0.1:41234/env-7}
     */
    RuntimeApiClient(String hostAndPort) {
        this.base = "http://" + hostAndPort + "/2018-06-01/runtime/";
    }

    @Override
    public InvocationRequest nextInvocation() throws IOException {
        markOutputs();
        HttpURLConnection connection = open("invocation/next");
        connection.setReadTimeout(0);
        int status = connection.getResponseCode();
        if (status != 200) {
            throw new IOException("the Runtime API answered " + status + " to invocation/next");
        }
        InvocationRequest request = new InvocationRequest();
        request.setId(connection.getHeaderField("Lambda-Runtime-Aws-Request-Id"));
        request.setXrayTraceId(connection.getHeaderField("Lambda-Runtime-Trace-Id"));
        request.setInvokedFunctionArn(connection.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"));
        String deadline = connection.getHeaderField("Lambda-Runtime-Deadline-Ms");
        request.setDeadlineTimeInMs(deadline == null ? 0 : Long.parseLong(deadline));
        request.setClientContext(connection.getHeaderField("Lambda-Runtime-Client-Context"));
        request.setCognitoIdentity(connection.getHeaderField("Lambda-Runtime-Cognito-Identity"));
        try (InputStream in = connection.getInputStream()) {
            request.setContent(in.readAllBytes());
        }
        return request;
    }

    /** Tells the kit that everything this environment printed so far has been written. */
    private static void markOutputs() {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        long used = memory.getHeapMemoryUsage().getUsed()
                + memory.getNonHeapMemoryUsage().getUsed();
        byte[] mark =
                (FramedLogSink.NEXT_MARK + (used >> 20) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.out.flush();
        System.err.flush();
        for (java.io.FileDescriptor fd :
                new java.io.FileDescriptor[] {java.io.FileDescriptor.out, java.io.FileDescriptor.err}) {
            try {
                new java.io.FileOutputStream(fd).write(mark);
            } catch (IOException e) {
                // the kit is gone; the request below fails and the loop ends
            }
        }
    }

    @Override
    public InvocationRequest nextInvocationWithExponentialBackoff(LambdaContextLogger lambdaLogger) throws IOException {
        return nextInvocation();
    }

    @Override
    public void reportInvocationSuccess(String requestId, byte[] response) throws IOException {
        post("invocation/" + requestId + "/response", Map.of(), response);
    }

    @Override
    public void reportInvocationError(String requestId, LambdaError error) throws IOException {
        reportError("invocation/" + requestId + "/error", error);
    }

    @Override
    public void reportInitError(LambdaError error) throws IOException {
        reportError("init/error", error);
    }

    @Override
    public void restoreNext() throws IOException {
        throw new IOException("SnapStart is not offered by the course's runtime");
    }

    @Override
    public void reportRestoreError(LambdaError error) throws IOException {
        throw new IOException("SnapStart is not offered by the course's runtime");
    }

    private void reportError(String path, LambdaError error) throws IOException {
        String cause = null;
        if (error.xRayErrorCause != null) {
            byte[] json = DtoSerializers.serialize(error.xRayErrorCause);
            if (json != null && json.length < 1024 * 1024) {
                cause = new String(json, java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        Map<String, String> headers = cause == null
                ? Map.of(ERROR_TYPE_HEADER, error.errorType.getRapidError())
                : Map.of(ERROR_TYPE_HEADER, error.errorType.getRapidError(), XRAY_ERROR_CAUSE_HEADER, cause);
        post(path, headers, DtoSerializers.serialize(error.errorRequest));
    }

    private void post(String path, Map<String, String> headers, byte[] body) throws IOException {
        HttpURLConnection connection = open(path);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        headers.forEach(connection::setRequestProperty);
        connection.setFixedLengthStreamingMode(body == null ? 0 : body.length);
        try (OutputStream out = connection.getOutputStream()) {
            if (body != null) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        connection.getInputStream().close();
        if (status != 202) {
            throw new IOException("the Runtime API answered " + status + " to " + path);
        }
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(base + path).openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(5_000);
        return connection;
    }
}
