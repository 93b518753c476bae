package dev.arcade.lambda.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environment of a function's JVM: the function's own variables and those Lambda defines
 * ("Using Lambda environment variables", "Defined runtime environment variables"), plus the three
 * that keep the function on this machine: {@code AWS_ENDPOINT_URL} (every AWS SDK client's endpoint:
 * the kit's front, which enforces the execution role and forwards to the backend) and the proxy
 * variables (anything else is refused by the front).
 */
public final class LambdaEnvironmentVariables {

    /**
     * The keys a function may not set (Lambda refuses them in CreateFunction and
     * UpdateFunctionConfiguration), from "Defined runtime environment variables".
     */
    public static final Set<String> RESERVED = Set.of(
            "_HANDLER",
            "_X_AMZN_TRACE_ID",
            "AWS_DEFAULT_REGION",
            "AWS_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    private LambdaEnvironmentVariables() {}

    /**
     * The environment for one execution environment.
     *
     * @param function the version it runs
     * @param credentials the role session's credentials
     * @param logStream its log stream
     * @param taskRoot its task root
     * @param settings the front's address
     * @param environmentId its id in the Runtime API path
     * @return the variables, in a stable order
     */
    static Map<String, String> of(
            FunctionSnapshot function,
            RoleCredentials credentials,
            String logStream,
            Path taskRoot,
            HostSettings settings,
            String environmentId) {
        Map<String, String> env = new LinkedHashMap<>(function.variables());
        String front = settings.front().toString();
        env.put("_HANDLER", function.handler());
        env.put("AWS_REGION", function.region());
        env.put("AWS_DEFAULT_REGION", function.region());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", function.version());
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", function.logGroup());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        env.put(
                "AWS_LAMBDA_RUNTIME_API",
                settings.front().getHost() + ":" + settings.front().getPort() + "/runtime/" + environmentId);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
        env.put("TZ", ":UTC");
        env.putIfAbsent("LANG", "en_US.UTF-8");
        if (function.jsonLogs()) {
            env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
            if (function.applicationLogLevel() != null) {
                env.put("AWS_LAMBDA_LOG_LEVEL", function.applicationLogLevel());
            }
        }
        env.put("AWS_ENDPOINT_URL", front);
        for (String proxy : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")) {
            env.put(proxy, front);
        }
        env.put("NO_PROXY", "localhost,127.0.0.1,::1");
        env.put("no_proxy", "localhost,127.0.0.1,::1");
        return env;
    }
}
