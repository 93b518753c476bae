package dev.arcade.lambda.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines Lambda itself writes around an invocation ("Using CloudWatch Logs with Lambda",
 * "Lambda log format"): {@code START}, {@code END} and {@code REPORT} (Duration, Billed Duration,
 * Memory Size, Max Memory Used, Init Duration on a cold start) in text format, or the
 * {@code platform.start} and {@code platform.report} JSON records when the function's LoggingConfig
 * asks for JSON; and the platform's own error lines for a timeout or an exited runtime.
 */
final class PlatformLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlatformLog() {}

    /**
     * Every line of one invocation, in order.
     *
     * @param function the version that ran
     * @param requestId the request id
     * @param outcome how it ended
     * @return the log events
     */
    static List<LogLine> lines(FunctionSnapshot function, String requestId, RunOutcome outcome) {
        List<LogLine> lines = new ArrayList<>(outcome.initLines());
        long start = lines.isEmpty()
                ? (outcome.lines().isEmpty()
                        ? System.currentTimeMillis()
                        : outcome.lines().get(0).timestamp())
                : lines.get(lines.size() - 1).timestamp();
        boolean json = function.jsonLogs();
        if (outcome.kind() == RunOutcome.Kind.INIT_ERROR) {
            lines.add(new LogLine(
                    start,
                    json
                            ? record(start, "platform.initReport", requestId, function, outcome, "error")
                                    .toString()
                            : String.format(
                                    Locale.ROOT,
                                    "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: error\tError Type: %s",
                                    outcome.initDurationMs(),
                                    outcome.errorType())));
        }
        lines.add(new LogLine(
                start,
                json
                        ? record(start, "platform.start", requestId, function, outcome, null)
                                .toString()
                        : "START RequestId: " + requestId + " Version: " + function.version()));
        lines.addAll(outcome.lines());
        long end = Math.max(start, lines.get(lines.size() - 1).timestamp());
        if (!json && outcome.kind() == RunOutcome.Kind.TIMEOUT) {
            lines.add(new LogLine(
                    end,
                    Instant.ofEpochMilli(end) + " " + requestId + " " + Errors.timeoutText(function.timeoutSeconds())));
        }
        if (!json && outcome.kind() == RunOutcome.Kind.EXIT) {
            lines.add(new LogLine(end, "RequestId: " + requestId + " Error: " + exitText(outcome)));
            lines.add(new LogLine(end, "Runtime.ExitError"));
        }
        if (!json) {
            lines.add(new LogLine(end, "END RequestId: " + requestId));
        }
        String status = switch (outcome.kind()) {
            case SUCCESS -> "success";
            case TIMEOUT -> "timeout";
            default -> "error";
        };
        lines.add(new LogLine(
                end,
                json
                        ? record(end, "platform.report", requestId, function, outcome, status)
                                .toString()
                        : report(requestId, function, outcome, status)));
        return lines;
    }

    private static String exitText(RunOutcome outcome) {
        String message = new String(outcome.payload(), java.nio.charset.StandardCharsets.UTF_8);
        int at = message.indexOf("Runtime exited");
        return at < 0 ? "Runtime exited without providing a reason" : message.substring(at, message.lastIndexOf('"'));
    }

    private static String report(String requestId, FunctionSnapshot function, RunOutcome outcome, String status) {
        StringBuilder line = new StringBuilder();
        line.append("REPORT RequestId: ").append(requestId).append('\t');
        line.append(String.format(Locale.ROOT, "Duration: %.2f ms\t", outcome.durationMs()));
        line.append("Billed Duration: ").append(billed(outcome)).append(" ms\t");
        line.append("Memory Size: ").append(function.memoryMb()).append(" MB\t");
        line.append("Max Memory Used: ")
                .append(Math.min(outcome.memoryUsedMb(), function.memoryMb()))
                .append(" MB\t");
        if (outcome.initDurationMs() != null) {
            line.append(String.format(Locale.ROOT, "Init Duration: %.2f ms\t", outcome.initDurationMs()));
        }
        if (!"success".equals(status)) {
            line.append("Status: ").append(status).append('\t');
            line.append("Error Type: ").append(outcome.errorType()).append('\t');
        }
        return line.toString();
    }

    private static long billed(RunOutcome outcome) {
        double init = outcome.initDurationMs() == null ? 0 : outcome.initDurationMs();
        return (long) Math.ceil(outcome.durationMs() + init);
    }

    private static ObjectNode record(
            long time, String type, String requestId, FunctionSnapshot function, RunOutcome outcome, String status) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.ofEpochMilli(time).toString());
        line.put("type", type);
        ObjectNode record = line.putObject("record");
        record.put("requestId", requestId);
        if (type.equals("platform.start")) {
            record.put("functionArn", function.functionArn());
            record.put("version", function.version());
            return line;
        }
        ObjectNode metrics = record.putObject("metrics");
        if (type.equals("platform.initReport")) {
            metrics.put("durationMs", round(outcome.initDurationMs()));
            record.put("initializationType", "on-demand");
            record.put("phase", "init");
        } else {
            metrics.put("durationMs", round(outcome.durationMs()));
            metrics.put("billedDurationMs", billed(outcome));
            metrics.put("memorySizeMB", function.memoryMb());
            metrics.put("maxMemoryUsedMB", Math.min(outcome.memoryUsedMb(), function.memoryMb()));
            if (outcome.initDurationMs() != null) {
                metrics.put("initDurationMs", round(outcome.initDurationMs()));
            }
        }
        record.put("status", status);
        if (!"success".equals(status)) {
            record.put("errorType", outcome.errorType());
        }
        return line;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
