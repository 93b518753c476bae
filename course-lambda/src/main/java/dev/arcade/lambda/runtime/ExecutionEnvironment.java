package dev.arcade.lambda.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One execution environment ("Lambda execution environment lifecycle"): a JVM of its own, started
 * from a function version's code and configuration, initialised once (the Init phase: the handler
 * class's static initialisers and constructor), then reused for one invocation at a time until the
 * kit retires it. The JVM runs {@code dev.arcade.lambda.host.RuntimeHost}, which asks the kit's
 * Runtime API ({@link #next()}, {@link #respond}, {@link #initFailed}) for invocations.
 *
 * <p>Thread safety: every state change happens under this object's lock; {@link #run} blocks the
 * calling thread until the invocation has ended.
 */
public final class ExecutionEnvironment {

    /** Lambda's limit on the Init phase of an on-demand environment: 10 seconds. */
    static final long INIT_TIMEOUT_MS = 10_000;

    private static final long OUTPUT_WAIT_MS = 2_000;

    private final String id;
    private final FunctionSnapshot function;
    private final RoleCredentials credentials;
    private final String logStream;
    private final long createdNanos = System.nanoTime();
    private Process process;
    private EnvironmentOutput stdout;
    private EnvironmentOutput stderr;
    private long readyNanos = -1;
    private int nextRequests;
    private Job job;
    private byte[] initError;
    private String initErrorType;
    private boolean dead;
    private Integer exitCode;
    private boolean retired;
    private int invocations;

    private ExecutionEnvironment(String id, FunctionSnapshot function, RoleCredentials credentials) {
        this.id = id;
        this.function = function;
        this.credentials = credentials;
        String date = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT));
        // 32 random hexadecimal digits, as Lambda's stream names end ("Working with Lambda function logs"): 16 random
        // bytes, not the hexadecimal of a UUID string's ASCII codes (which put a 3 or a 6 at every other place)
        byte[] random = new byte[16];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
        this.logStream = date + "/[" + function.version() + "]" + HexFormat.of().formatHex(random);
    }

    /**
     * Starts an environment's JVM; it initialises in the background while the first invocation
     * waits in {@link #run}.
     *
     * @param id the environment's id in the Runtime API's path
     * @param function the version to run
     * @param credentials the execution role session's credentials
     * @param taskRoot the extracted deployment package ({@code /var/task})
     * @param tmp a writable folder of its own ({@code /tmp})
     * @param settings the front's address and the host's class path
     * @return the environment, starting
     * @throws IOException when the JVM cannot be started
     */
    static ExecutionEnvironment start(
            String id,
            FunctionSnapshot function,
            RoleCredentials credentials,
            Path taskRoot,
            Path tmp,
            HostSettings settings)
            throws IOException {
        ExecutionEnvironment environment = new ExecutionEnvironment(id, function, credentials);
        environment.launch(taskRoot, tmp, settings);
        return environment;
    }

    private void launch(Path taskRoot, Path tmp, HostSettings settings) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(settings.java().toString());
        command.add("-XX:+TieredCompilation");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-XX:MaxHeapSize=" + Math.max(64, function.memoryMb() * 85 / 100) + "m");
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-Darcade.lambda.parentPid=" + ProcessHandle.current().pid());
        command.add("-Darcade.lambda.front=" + settings.front());
        String proxyPort = String.valueOf(settings.front().getPort());
        for (String scheme : List.of("http", "https")) {
            command.add("-D" + scheme + ".proxyHost=127.0.0.1");
            command.add("-D" + scheme + ".proxyPort=" + proxyPort);
        }
        command.add("-Dhttp.nonProxyHosts=localhost|127.*|[::1]");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, settings.classPath()));
        command.add("dev.arcade.lambda.host.RuntimeHost");
        command.add(function.handler());
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        Map<String, String> env = builder.environment();
        Map<String, String> inherited = Map.copyOf(env);
        env.clear();
        for (String keep : List.of("PATH", "SystemRoot", "SYSTEMROOT", "windir", "TEMP", "TMP", "LANG")) {
            if (inherited.containsKey(keep)) {
                env.put(keep, inherited.get(keep));
            }
        }
        env.putAll(LambdaEnvironmentVariables.of(function, credentials, logStream, taskRoot, settings, id));
        process = builder.start();
        process.getOutputStream().close();
        stdout = new EnvironmentOutput(process.getInputStream(), this);
        stderr = new EnvironmentOutput(process.getErrorStream(), this);
        daemon(stdout, "stdout");
        daemon(stderr, "stderr");
        process.onExit().thenRun(this::died);
    }

    private void daemon(Runnable runnable, String what) {
        Thread thread = new Thread(runnable, "lambda-" + function.functionName() + "-" + id + "-" + what);
        thread.setDaemon(true);
        thread.start();
    }

    /** The environment's id, as in its Runtime API path. */
    public String id() {
        return id;
    }

    /** The function version this environment runs. */
    public FunctionSnapshot function() {
        return function;
    }

    /** The execution role session's credentials. */
    public RoleCredentials credentials() {
        return credentials;
    }

    /** Its log stream: {@code YYYY/MM/DD/[VERSION]} and 32 hexadecimal digits. */
    public String logStream() {
        return logStream;
    }

    /** The JVM's process id, or -1 before it started. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Adds a request the function made to the invocation running now. */
    synchronized void recordCall(dev.arcade.lambda.runtime.FunctionCall call) {
        if (job != null && job.handed) {
            job.calls.add(call);
        }
    }

    /**
     * Runs one invocation and waits for its end: the response or error the handler reported and
     * everything it printed, or the timeout, or the end of the JVM.
     *
     * @param next the invocation
     * @return how it ended
     * @throws InterruptedException when the calling thread is interrupted
     */
    RunOutcome run(Job next) throws InterruptedException {
        boolean cold;
        synchronized (this) {
            cold = readyNanos < 0;
            job = next;
            notifyAll();
            long initEnd = System.currentTimeMillis() + INIT_TIMEOUT_MS;
            while (!next.handed && !dead && initError == null) {
                long left = initEnd - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
            if (!next.handed) {
                return initFailure(next);
            }
            invocations++;
            long deadline = System.currentTimeMillis() + function.timeoutSeconds() * 1000L;
            while (!next.completed && !dead) {
                long left = (next.result == null
                                ? deadline
                                : Math.min(deadline, System.currentTimeMillis() + OUTPUT_WAIT_MS))
                        - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
        }
        Double initMs = cold ? (readyNanos - createdNanos) / 1e6 : null;
        double durationMs;
        synchronized (this) {
            durationMs = (System.nanoTime() - next.startedNanos) / 1e6;
            if (next.result == null) {
                if (!dead) {
                    process.destroyForcibly();
                    retired = true;
                    return finish(
                            next,
                            RunOutcome.Kind.TIMEOUT,
                            Errors.timeout(next.requestId, function.timeoutSeconds()),
                            "Sandbox.Timedout",
                            function.timeoutSeconds() * 1000.0,
                            initMs);
                }
                return finish(
                        next,
                        RunOutcome.Kind.EXIT,
                        Errors.exit(next.requestId, exitCode),
                        "Runtime.ExitError",
                        durationMs,
                        initMs);
            }
        }
        if (!next.completed) {
            collectLines(next.lines);
        }
        RunOutcome.Kind kind = next.errorType == null ? RunOutcome.Kind.SUCCESS : RunOutcome.Kind.FUNCTION_ERROR;
        double measured = next.durationMs > 0 ? next.durationMs : durationMs;
        return new RunOutcome(
                kind,
                next.result,
                next.errorType,
                List.copyOf(next.preLines),
                List.copyOf(next.lines),
                measured,
                initMs,
                Math.max(memoryUsed(), 1));
    }

    private RunOutcome initFailure(Job next) throws InterruptedException {
        if (!dead) {
            process.destroyForcibly();
        }
        retired = true;
        long waitEnd = System.currentTimeMillis() + OUTPUT_WAIT_MS;
        while (!dead && System.currentTimeMillis() < waitEnd) {
            wait(100);
        }
        List<LogLine> lines = new ArrayList<>();
        collectAfterExit(lines);
        double initMs = (System.nanoTime() - createdNanos) / 1e6;
        byte[] payload = initError != null ? initError : Errors.initExit(exitCode, dead);
        String type = initError != null ? initErrorType : "Runtime.ExitError";
        return new RunOutcome(
                RunOutcome.Kind.INIT_ERROR, payload, type, lines, List.of(), 0, initMs, Math.max(memoryUsed(), 1));
    }

    private RunOutcome finish(
            Job next, RunOutcome.Kind kind, byte[] payload, String type, double durationMs, Double initMs)
            throws InterruptedException {
        List<LogLine> lines = new ArrayList<>(next.lines);
        collectAfterExit(lines);
        return new RunOutcome(
                kind, payload, type, List.copyOf(next.preLines), lines, durationMs, initMs, Math.max(memoryUsed(), 1));
    }

    private void collectAfterExit(List<LogLine> into) throws InterruptedException {
        stdout.awaitClosed(OUTPUT_WAIT_MS);
        stderr.awaitClosed(OUTPUT_WAIT_MS);
        collectLines(into);
    }

    private void collectLines(List<LogLine> into) {
        List<LogLine> lines = new ArrayList<>(stdout.drain());
        lines.addAll(stderr.drain());
        lines.sort(Comparator.comparingLong(LogLine::timestamp));
        into.addAll(lines);
    }

    private long memoryUsed() {
        return Math.max(stdout.memoryUsedMb(), stderr.memoryUsedMb());
    }

    /**
     * The Runtime API's {@code GET /runtime/invocation/next}: finishes the previous invocation (its
     * output is complete once the host asks for the next one) and waits for the next.
     *
     * @return the invocation to hand over, or null when the environment is retired or gone
     * @throws InterruptedException when the server thread is interrupted
     */
    Job next() throws InterruptedException {
        int n;
        Job finished = null;
        synchronized (this) {
            n = ++nextRequests;
            if (readyNanos < 0) {
                readyNanos = System.nanoTime();
            }
            if (job != null && job.handed && job.result != null) {
                finished = job;
            }
        }
        stdout.awaitNextMark(n, OUTPUT_WAIT_MS);
        stderr.awaitNextMark(n, OUTPUT_WAIT_MS);
        synchronized (this) {
            if (finished != null) {
                collectLines(finished.lines);
                finished.completed = true;
                job = null;
                notifyAll();
            }
            while ((job == null || job.handed) && !dead && !retired) {
                wait();
            }
            if (dead || retired) {
                return null;
            }
            collectLines(job.preLines);
            job.handed = true;
            job.startedNanos = System.nanoTime();
            job.deadlineMs = System.currentTimeMillis() + function.timeoutSeconds() * 1000L;
            notifyAll();
            return job;
        }
    }

    /**
     * The Runtime API's {@code POST /runtime/invocation/{id}/response} or {@code .../error}.
     *
     * @param requestId the invocation's request id
     * @param body the response, or the error document
     * @param errorType null for a response; the {@code Lambda-Runtime-Function-Error-Type} of an error
     * @return false when no such invocation is running here
     */
    synchronized boolean respond(String requestId, byte[] body, String errorType) {
        if (job == null || !job.handed || !job.requestId.equals(requestId) || job.result != null) {
            return false;
        }
        job.durationMs = (System.nanoTime() - job.startedNanos) / 1e6;
        job.result = body;
        job.errorType = errorType == null ? null : Errors.errorTypeOf(body, errorType);
        notifyAll();
        return true;
    }

    /** The Runtime API's {@code POST /runtime/init/error}: the handler could not be set up. */
    synchronized void initFailed(byte[] body, String errorType) {
        initError = body;
        initErrorType = Errors.errorTypeOf(body, errorType);
        notifyAll();
    }

    private synchronized void died() {
        dead = true;
        exitCode = process.exitValue();
        notifyAll();
    }

    /** True while the environment can take another invocation. */
    synchronized boolean usable() {
        return !dead && !retired;
    }

    /** How many invocations this environment has run. */
    public synchronized int invocations() {
        return invocations;
    }

    /** Ends the environment's JVM (idle environments only wait for their next invocation). */
    void retire() {
        synchronized (this) {
            retired = true;
            notifyAll();
        }
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
