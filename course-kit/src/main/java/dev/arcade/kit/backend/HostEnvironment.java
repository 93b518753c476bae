package dev.arcade.kit.backend;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What this machine offers for running a backend: settings, moto, Docker.
 *
 * <p>An interface so that the selection logic can be tested for every situation on one machine.
 * Each probe is asked only when the selection needs its answer, because asking Docker costs about
 * 170 ms.
 */
public interface HostEnvironment {

    /** The workshop settings. */
    Settings settings();

    /** How to start moto here, if it is installed. */
    Optional<MotoCommand> moto();

    /** Whether a Docker engine answers. */
    boolean dockerAvailable();

    /** The real machine. */
    static HostEnvironment system() {
        return new SystemHost(Settings.fromSystem());
    }

    /**
     * How moto can be started.
     *
     * @param python a Python interpreter that may have moto installed, used to start moto with a
     *     watchdog that ends it when the JVM goes away however it ends; may be null
     * @param server the {@code moto_server} command (or {@link Settings#MOTO_COMMAND}), used when
     *     the interpreter has no moto; may be null
     * @param foundAs where it was found, for people
     */
    record MotoCommand(Path python, List<String> server, String foundAs) {}

    /** The real machine: PATH lookups and Testcontainers' Docker check. */
    final class SystemHost implements HostEnvironment {
        /** How long a probe of the Python interpreter (which moto, which interpreter) may take. */
        static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

        private final Settings settings;
        private Optional<MotoCommand> moto;
        private Boolean docker;

        SystemHost(Settings settings) {
            this.settings = settings;
        }

        @Override
        public Settings settings() {
            return settings;
        }

        @Override
        public synchronized Optional<MotoCommand> moto() {
            if (moto == null) {
                moto = findMoto();
            }
            return moto;
        }

        private Optional<MotoCommand> findMoto() {
            Path python = onPath("python3")
                    .or(() -> onPath("python"))
                    .map(SystemHost::realInterpreter)
                    .orElse(null);
            Optional<String> custom = settings.get(Settings.MOTO_COMMAND);
            if (custom.isPresent()) {
                return Optional.of(new MotoCommand(
                        null,
                        Arrays.asList(custom.get().trim().split("\\s+")),
                        Settings.MOTO_COMMAND + "=" + custom.get()));
            }
            Optional<Path> server = onPath("moto_server");
            if (server.isPresent()) {
                return Optional.of(new MotoCommand(
                        python, List.of(server.get().toString()), "moto_server on the PATH (" + server.get() + ")"));
            }
            if (python != null && pythonHasMoto(python)) {
                return Optional.of(new MotoCommand(python, null, "the moto package of " + python));
            }
            return Optional.empty();
        }

        /**
         * The interpreter behind a wrapper script such as a pyenv shim, which costs half a second at
         * every start. The answer is cached in the temp folder, keyed by the wrapper's path.
         */
        static Path realInterpreter(Path python) {
            try {
                byte[] head = new byte[2];
                try (var in = Files.newInputStream(python)) {
                    if (in.read(head) != 2 || head[0] != '#' || head[1] != '!') {
                        return python; // a binary: the interpreter itself
                    }
                }
                Path cache = Path.of(
                        System.getProperty("java.io.tmpdir"),
                        "arcade-workshop-python-"
                                + Integer.toHexString(python.toString().hashCode()) + ".txt");
                if (Files.isRegularFile(cache)
                        && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(python)) > 0) {
                    Path cached = Path.of(Files.readString(cache).strip());
                    if (Files.isExecutable(cached)) {
                        return cached;
                    }
                }
                Optional<String> out = ShortCommand.output(
                                List.of(python.toString(), "-c", "import sys; print(sys.executable)"), PROBE_TIMEOUT)
                        .map(String::strip);
                if (out.isPresent() && !out.get().isEmpty() && Files.isExecutable(Path.of(out.get()))) {
                    Files.writeString(cache, out.get());
                    return Path.of(out.get());
                }
            } catch (IOException | RuntimeException e) {
                // keep the wrapper: slower, but it works
            }
            return python;
        }

        private static boolean pythonHasMoto(Path python) {
            return ShortCommand.output(List.of(python.toString(), "-c", "import moto.server"), PROBE_TIMEOUT)
                    .isPresent();
        }

        @Override
        public synchronized boolean dockerAvailable() {
            if (docker == null) {
                docker = DockerProbe.available();
            }
            return docker;
        }

        /** Finds an executable on the PATH, as a shell would (with Windows' extensions there). */
        static Optional<Path> onPath(String name) {
            String path = System.getenv("PATH");
            if (path == null) {
                return Optional.empty();
            }
            boolean windows =
                    System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
            List<String> names = new ArrayList<>();
            names.add(name);
            if (windows) {
                names.addAll(List.of(name + ".exe", name + ".cmd", name + ".bat"));
            }
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                for (String candidate : names) {
                    Path p = Path.of(dir, candidate);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        return Optional.of(p);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
