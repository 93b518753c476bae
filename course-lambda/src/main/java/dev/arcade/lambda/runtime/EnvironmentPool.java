package dev.arcade.lambda.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The execution environments of every function: an idle environment built from the same code and
 * configuration ({@link FunctionSnapshot#fingerprint()}) is reused, otherwise a new one starts
 * (a cold start); two invocations at the same time get two environments, as on AWS. Idle
 * environments beyond {@link #MAX_IDLE} are retired, oldest first; so are a function's environments
 * when its code or configuration changes or it is deleted.
 */
public final class EnvironmentPool implements AutoCloseable {

    /** How many idle environments are kept: each is a JVM. */
    static final int MAX_IDLE = 6;

    private final HostSettings settings;
    private final Path tmpRoot;
    private final LinkedList<ExecutionEnvironment> idle = new LinkedList<>();
    private final Map<String, ExecutionEnvironment> byId = new ConcurrentHashMap<>();
    private final Map<String, ExecutionEnvironment> byAccessKey = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    /** How often each function version was retired: an environment busy at the time is retired when released. */
    private final Map<String, Integer> generations = new ConcurrentHashMap<>();

    private final Map<ExecutionEnvironment, Integer> bornIn = new ConcurrentHashMap<>();

    /**
     * @param settings how environments start
     * @param tmpRoot the folder for the environments' {@code /tmp} folders
     */
    public EnvironmentPool(HostSettings settings, Path tmpRoot) {
        this.settings = settings;
        this.tmpRoot = tmpRoot;
    }

    /** An idle environment for this version, or a new one (which then initialises). */
    ExecutionEnvironment acquire(FunctionSnapshot function, Path taskRoot) throws IOException {
        synchronized (idle) {
            for (Iterator<ExecutionEnvironment> it = idle.iterator(); it.hasNext(); ) {
                ExecutionEnvironment environment = it.next();
                if (environment.function().fingerprint().equals(function.fingerprint())) {
                    it.remove();
                    if (environment.usable()) {
                        return environment;
                    }
                    forget(environment);
                }
            }
        }
        String id = "env-" + counter.incrementAndGet();
        Files.createDirectories(tmpRoot);
        Path tmp = Files.createTempDirectory(tmpRoot, id + "-tmp-");
        ExecutionEnvironment environment =
                ExecutionEnvironment.start(id, function, RoleCredentials.random(), taskRoot, tmp, settings);
        byId.put(id, environment);
        bornIn.put(environment, generation(function.functionArn(), function.version()));
        byAccessKey.put(environment.credentials().accessKeyId(), environment);
        return environment;
    }

    /** Gives an environment back after an invocation: it waits, idle, for the next one. */
    void release(ExecutionEnvironment environment) {
        FunctionSnapshot function = environment.function();
        if (!bornIn.getOrDefault(environment, -1).equals(generation(function.functionArn(), function.version()))) {
            retire(environment);
            return;
        }
        if (!environment.usable()) {
            forget(environment);
            return;
        }
        List<ExecutionEnvironment> retired = new ArrayList<>();
        synchronized (idle) {
            idle.addFirst(environment);
            while (idle.size() > MAX_IDLE) {
                retired.add(idle.removeLast());
            }
        }
        retired.forEach(this::retire);
    }

    /** Retires the idle environments of one function (every version, or one when version is non-null). */
    public void retireFunction(String functionArn, String version) {
        generations.merge(functionArn + "|" + version, 1, Integer::sum);
        if (version == null) {
            generations.keySet().stream()
                    .filter(key -> key.startsWith(functionArn + "|"))
                    .forEach(key -> generations.merge(key, 1, Integer::sum));
        }
        List<ExecutionEnvironment> retired = new ArrayList<>();
        synchronized (idle) {
            for (Iterator<ExecutionEnvironment> it = idle.iterator(); it.hasNext(); ) {
                ExecutionEnvironment environment = it.next();
                FunctionSnapshot function = environment.function();
                if (function.functionArn().equals(functionArn)
                        && (version == null || version.equals(function.version()))) {
                    it.remove();
                    retired.add(environment);
                }
            }
        }
        retired.forEach(this::retire);
    }

    /** The environment with this Runtime API id. */
    Optional<ExecutionEnvironment> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The environment whose role session signs with this access key ID. */
    public Optional<ExecutionEnvironment> byAccessKey(String accessKeyId) {
        return Optional.ofNullable(accessKeyId == null ? null : byAccessKey.get(accessKeyId));
    }

    /** How many environments are running now, idle or busy. */
    public int running() {
        return (int) byId.values().stream().filter(ExecutionEnvironment::usable).count();
    }

    private int generation(String functionArn, String version) {
        return generations.getOrDefault(functionArn + "|" + version, 0)
                + generations.getOrDefault(functionArn + "|null", 0);
    }

    private void retire(ExecutionEnvironment environment) {
        environment.retire();
        forget(environment);
    }

    private void forget(ExecutionEnvironment environment) {
        bornIn.remove(environment);
        byId.remove(environment.id());
        byAccessKey.remove(environment.credentials().accessKeyId());
    }

    /** Retires every environment. */
    @Override
    public void close() {
        List<ExecutionEnvironment> all = new ArrayList<>(byId.values());
        synchronized (idle) {
            idle.clear();
        }
        all.forEach(this::retire);
    }
}
