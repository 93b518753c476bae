package dev.arcade.kit.backend;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * moto_server started by the kit on a free loopback port, one per JVM.
 *
 * <p>It is stopped by its own process handle when the JVM ends (a shutdown hook, which also runs on
 * Ctrl-C). When moto runs inside a Python interpreter the kit can name, it is started through a
 * tiny watchdog that ends it as soon as its standard input closes, which happens however the JVM
 * ends, even when it is killed outright: no emulator is ever left behind.
 */
final class MotoServer implements Backend {
    /**
     * The account the moto the course starts answers for ({@code MOTO_ACCOUNT_ID}): not moto's default
     * 123456789012, which is also the account of the AWS documentation's examples.
     */
    static final String ACCOUNT_ID = "246813579024";

    /** What moto really does; docs/backends.md lists what it fakes. */
    static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.DYNAMODB,
            Capability.DYNAMODB_STREAMS,
            Capability.IAM_API,
            Capability.STS,
            Capability.LAMBDA_API,
            // the kit runs functions itself (dev.arcade.lambda), on every backend
            Capability.LAMBDA_EXECUTION,
            Capability.CLOUDWATCH_API,
            Capability.LOGS_API,
            Capability.XRAY_API));

    /** moto started by the kit also loads the AWS managed policies. */
    private static final Set<Capability> OWN_CAPABILITIES;

    static {
        EnumSet<Capability> own = EnumSet.copyOf(CAPABILITIES);
        own.add(Capability.IAM_MANAGED_POLICIES);
        OWN_CAPABILITIES = Collections.unmodifiableSet(own);
    }

    /** Tells the watchdog the home folder moto gets (see {@link #isolate}). */
    private static final String PRIVATE_HOME = "WORKSHOP_MOTO_HOME";

    /**
     * Runs moto in this interpreter and exits the moment stdin reaches end of file, that is when the
     * JVM that started it is gone, removing moto's private home (which a killed JVM cannot). Exit code
     * 3 means this interpreter has no moto.
     */
    private static final String WATCHDOG = String.join(
            "\n",
            "import os, shutil, sys, threading",
            // The private home only now, before moto and botocore load: Python found the user's packages
            // (pip install --user) in the real home at its start.
            "home = os.environ.get('" + PRIVATE_HOME + "')",
            "if home:",
            "    os.environ['HOME'] = home",
            "    os.environ['USERPROFILE'] = home",
            "try:",
            "    from moto.server import main",
            "except ImportError as e:",
            "    sys.stderr.write('workshop: no moto in this Python: %s\\n' % e)",
            "    sys.exit(3)",
            "def watch():",
            "    try:",
            "        while sys.stdin.buffer.read(4096):",
            "            pass",
            "    finally:",
            "        if home:",
            "            shutil.rmtree(home, ignore_errors=True)",
            "        os._exit(0)",
            "threading.Thread(target=watch, daemon=True).start()",
            "main(sys.argv[1:])");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;
    private final String reason;
    private final Path log;
    private final Duration startTime;
    private final Thread shutdownHook;
    private final Path home;

    private MotoServer(Process process, URI endpoint, String reason, Path log, Duration startTime, Path home) {
        this.process = process;
        this.home = home;
        this.endpoint = endpoint;
        this.reason = reason;
        this.log = log;
        this.startTime = startTime;
        this.shutdownHook = new Thread(this::stopProcess, "workshop-moto-stop");
    }

    /** Starts moto and waits until it answers; fails with one sentence naming the fix. */
    static MotoServer start(HostEnvironment.MotoCommand command, String reason) {
        long t0 = System.nanoTime();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        BackendUnavailableException last = null;
        boolean useWatchdog = command.python() != null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            List<String> cmd = new ArrayList<>();
            if (useWatchdog) {
                cmd.addAll(List.of(command.python().toString(), "-c", WATCHDOG));
            } else if (command.server() != null) {
                cmd.addAll(command.server());
            } else {
                throw new BackendUnavailableException("moto is not installed in " + command.python()
                        + "; install it with pip install 'moto[server]'.");
            }
            cmd.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
            Path log;
            Path home = null;
            Process process;
            try {
                log = Files.createTempFile("workshop-moto-", ".log");
                log.toFile().deleteOnExit();
                ProcessBuilder pb = new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                home = isolate(pb.environment(), useWatchdog);
                // Real AWS managed policies (AWSLambdaBasicExecutionRole...) only exist when loaded at start.
                pb.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
                // Not moto's default account (123456789012, also the AWS docs' example): an account id copied into
                // a policy instead of the one the code is given must fail, as it would in any other account.
                pb.environment().put("MOTO_ACCOUNT_ID", ACCOUNT_ID);
                process = pb.start();
            } catch (IOException e) {
                deleteTree(home);
                throw new BackendUnavailableException(
                        "Could not run " + cmd.get(0) + " (" + e.getMessage()
                                + "); install moto with pip install 'moto[server]' or set " + Settings.MOTO_COMMAND
                                + ".",
                        e);
            }
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            try {
                awaitReady(http, endpoint, process, log);
                configureLambdaWithoutDocker(http, endpoint);
                MotoServer server =
                        new MotoServer(process, endpoint, reason, log, Duration.ofNanos(System.nanoTime() - t0), home);
                Runtime.getRuntime().addShutdownHook(server.shutdownHook);
                return server;
            } catch (BackendUnavailableException e) {
                process.destroyForcibly();
                awaitEnd(process);
                deleteTree(home);
                last = e;
                if (useWatchdog && process.exitValue() == 3 && command.server() != null) {
                    useWatchdog = false; // this Python has no moto: run moto_server itself instead
                }
            }
        }
        throw last;
    }

    /**
     * Gives moto an environment of its own: none of the user's {@code AWS_*} variables, no proxy
     * variables, and a private, empty home folder with empty AWS files, so that nothing of the user's
     * {@code ~/.aws} is read (botocore inside moto reads {@code ~/.aws/config}, and one duplicated key
     * there made every DynamoDB call answer HTTP 500). Returns the home folder, removed when moto stops.
     *
     * @param watchdog whether moto runs under {@link #WATCHDOG}, which moves to the private home itself
     *     once Python has found the user's packages; otherwise the home is set here, keeping the user's
     *     {@code pip install --user} folder where Python would look for it
     */
    private static Path isolate(Map<String, String> env, boolean watchdog) throws IOException {
        String userHome = env.getOrDefault("HOME", System.getProperty("user.home"));
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("BOTO") || k.equals(PRIVATE_HOME));
        Proxies.removeFrom(env);
        Path home = Files.createTempDirectory("workshop-moto-home-");
        Path empty = Files.createFile(home.resolve("empty-aws-file"));
        env.put("AWS_CONFIG_FILE", empty.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", empty.toString());
        env.put("BOTO_CONFIG", empty.toString());
        if (watchdog) {
            env.put(PRIVATE_HOME, home.toString());
        } else {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (!os.contains("win") && !os.contains("mac") && userHome != null) {
                env.putIfAbsent("PYTHONUSERBASE", Path.of(userHome, ".local").toString());
            }
            env.put("HOME", home.toString());
            env.put("USERPROFILE", home.toString());
        }
        return home;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            dir.toFile().deleteOnExit(); // a temp folder: the operating system cleans it up at worst
        }
    }

    private static void awaitEnd(Process process) {
        try {
            process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitReady(HttpClient http, URI endpoint, Process process, Path log) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest ping = HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BackendUnavailableException("moto stopped while starting (exit code " + process.exitValue()
                        + "): " + tail(log) + "; run moto_server by hand to see why.");
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendUnavailableException("Interrupted while waiting for moto to start.", e);
            }
            sleep(40);
        }
        throw new BackendUnavailableException("moto did not answer within " + READY_TIMEOUT.toSeconds() + " s: "
                + tail(log) + "; run moto_server by hand to see why.");
    }

    /**
     * Makes Invoke answer without Docker (it echoes the payload; the code is never run). Must happen
     * before any CreateFunction; a reset does not undo it.
     */
    static void configureLambdaWithoutDocker(HttpClient http, URI endpoint) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(endpoint.resolve("/moto-api/config"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"lambda\": {\"use_docker\": false}}"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new BackendUnavailableException(
                        "moto refused its Lambda setting (HTTP " + r.statusCode() + "); use moto 5.1 or newer.");
            }
        } catch (IOException e) {
            throw new BackendUnavailableException("moto at " + endpoint + " stopped answering while being set up.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("Interrupted while setting up moto.", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BackendUnavailableException("No free port on 127.0.0.1 for moto: " + e.getMessage() + ".", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 3), lines.size());
            return last.isEmpty()
                    ? "it printed nothing"
                    : String.join(" | ", last).strip();
        } catch (IOException e) {
            return "its log " + log + " cannot be read";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long the start took, from launch to the first answer. */
    Duration startTime() {
        return startTime;
    }

    /** The operating-system process id, for tests that check nothing is left behind. */
    long pid() {
        return process.pid();
    }

    @Override
    public BackendKind kind() {
        return BackendKind.MOTO;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String accountId() {
        return ACCOUNT_ID;
    }

    @Override
    public Set<Capability> capabilities() {
        return OWN_CAPABILITIES;
    }

    @Override
    public String describe() {
        return String.format(
                "Backend: moto (%s) at %s, ready in %.1f s", reason, endpoint, startTime.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            deleteTree(home);
            return;
        }
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.close(); // the watchdog's signal
        } catch (IOException e) {
            // the process may be gone already
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(3, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (!process.isAlive()) {
            deleteTree(home);
        }
    }
}
