package dev.arcade.lambda.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an execution environment is made from: one version of a function as the backend stores it
 * (GetFunctionConfiguration with the version as qualifier) and the code deployed for it.
 *
 * @param functionName the function's name
 * @param functionArn the unqualified function ARN
 * @param version {@code $LATEST} or a published version number
 * @param handler the handler string, {@code pkg.Class::method} or {@code pkg.Class}
 * @param runtime the runtime identifier, for example {@code java21}
 * @param roleArn the execution role's ARN
 * @param memoryMb the memory size in MB (128 to 10,240)
 * @param timeoutSeconds the timeout in seconds (1 to 900)
 * @param variables the function's environment variables
 * @param codeSha256 the package's SHA-256, base64, as Lambda reports it
 * @param logFormat {@code Text} or {@code JSON} (LoggingConfig.LogFormat)
 * @param applicationLogLevel LoggingConfig.ApplicationLogLevel, or null
 * @param systemLogLevel LoggingConfig.SystemLogLevel, or null
 * @param logGroup the log group the function writes to ({@code /aws/lambda/NAME} unless LoggingConfig names one)
 * @param tracingMode {@code PassThrough} or {@code Active}
 */
public record FunctionSnapshot(
        String functionName,
        String functionArn,
        String version,
        String handler,
        String runtime,
        String roleArn,
        int memoryMb,
        int timeoutSeconds,
        Map<String, String> variables,
        String codeSha256,
        String logFormat,
        String applicationLogLevel,
        String systemLogLevel,
        String logGroup,
        String tracingMode) {

    public FunctionSnapshot {
        Objects.requireNonNull(functionName, "functionName");
        variables = Map.copyOf(variables == null ? Map.of() : variables);
    }

    /** True when LoggingConfig asks for JSON log lines. */
    public boolean jsonLogs() {
        return "JSON".equalsIgnoreCase(logFormat);
    }

    /** The role's name: the last part of its ARN (after any path). */
    public String roleName() {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    /** The account of the function's ARN. */
    public String account() {
        return functionArn.split(":")[4];
    }

    /** The region of the function's ARN. */
    public String region() {
        return functionArn.split(":")[3];
    }

    /**
     * A string that changes when anything an execution environment was built from changes, so that
     * an environment is reused only for the same code and configuration.
     */
    public String fingerprint() {
        return String.join(
                "|",
                functionArn,
                version,
                handler,
                runtime,
                roleArn,
                String.valueOf(memoryMb),
                String.valueOf(timeoutSeconds),
                new TreeMap<>(variables).toString(),
                codeSha256,
                String.valueOf(logFormat),
                String.valueOf(applicationLogLevel),
                String.valueOf(systemLogLevel),
                logGroup,
                String.valueOf(tracingMode));
    }
}
