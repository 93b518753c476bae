package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.kit.backend.BackendKind;
import dev.arcade.kit.backend.BackendSelector;
import dev.arcade.kit.backend.BackendUnavailableException;
import dev.arcade.kit.backend.HostEnvironment;
import dev.arcade.kit.backend.Selection;
import dev.arcade.kit.backend.Settings;
import dev.arcade.kit.backend.ShortCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./workshop doctor}: what this machine has, and which backend runs here and why. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  ./workshop doctor           what this machine has and which backend runs here"},
        description = "Check this machine: JDK, Maven Wrapper, moto, Docker, LocalStack token, free"
                + " ports; say which backend auto picks and why each other one is unavailable, with the fix.")
final class DoctorCommand implements Callable<Integer> {
    /** How long asking Python for moto's version may take. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    /** LocalStack's port, which a learner's own emulator often listens on. */
    private static final int LOCALSTACK_PORT = 4566;

    /** Width of the backend names column. */
    private static final int BACKEND_COLUMN = 11;

    @Option(names = "--no-color", description = "plain text (also: NO_COLOR=1)")
    boolean plain;

    @Override
    public Integer call() {
        Console c = new Console(plain);
        HostEnvironment host = HostEnvironment.system();
        c.println(c.bold("This machine"));
        int feature = Runtime.version().feature();
        check(
                c,
                feature >= 17,
                "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") at "
                        + System.getProperty("java.home"),
                "the course needs JDK 17 or newer; set JAVA_HOME to one");
        Path root = CourseLayout.find(Path.of("")).root();
        check(
                c,
                Files.isRegularFile(root.resolve(".mvn/wrapper/maven-wrapper.properties")),
                "Maven Wrapper (./mvnw), Maven " + wrapperMaven(root),
                "the wrapper files are missing: clone the course again");
        graderBuild(c, root);
        Optional<HostEnvironment.MotoCommand> moto = host.moto();
        check(
                c,
                moto.isPresent(),
                moto.map(m -> "moto: " + m.foundAs() + motoVersion(m)).orElse("moto"),
                "not installed: pip install 'moto[server]' (no Docker needed)");
        boolean docker = host.dockerAvailable();
        check(c, docker, "Docker", "not running (only needed for LocalStack or Floci)");
        boolean token = host.settings().get(Settings.LOCALSTACK_AUTH_TOKEN).isPresent();
        check(c, token, "LOCALSTACK_AUTH_TOKEN", "not set (only needed for LocalStack 4.15 and newer)");
        check(
                c,
                canBindLoopback(),
                "a free port on 127.0.0.1 for the emulator",
                "no free loopback port: close some programs");
        boolean localstackPortFree = portFree(LOCALSTACK_PORT);
        c.println("  " + (localstackPortFree ? c.dim("·") : c.yellow("!")) + " port " + LOCALSTACK_PORT
                + " (LocalStack's) is "
                + (localstackPortFree
                        ? "free"
                        : "in use: something already listens there, perhaps an emulator you run"
                                + " (use it with WORKSHOP_ENDPOINT=http://127.0.0.1:" + LOCALSTACK_PORT + ")"));

        environment(c);

        c.println();
        c.println(c.bold("Backends"));
        String setting = host.settings().get(Settings.BACKEND).orElse("auto");
        try {
            Selection s = BackendSelector.select(host);
            c.println("  " + c.green("→ ") + Settings.BACKEND + "=" + setting + " runs "
                    + c.bold(s.kind().id()) + " here (" + s.reason() + ")");
        } catch (BackendUnavailableException e) {
            c.println("  " + c.red("✘ ") + Settings.BACKEND + "=" + setting + ": " + e.getMessage());
        }
        for (BackendKind k : BackendKind.values()) {
            if (k == BackendKind.AUTO) {
                continue;
            }
            try {
                BackendSelector.select(withBackend(host, k));
                c.println("  " + c.green("✔ ") + Console.pad(k.id(), BACKEND_COLUMN) + "available (" + Settings.BACKEND
                        + "=" + k.id() + ")");
            } catch (BackendUnavailableException e) {
                c.println("  " + c.dim("✘ ") + Console.pad(k.id(), BACKEND_COLUMN) + c.dim(e.getMessage()));
            }
        }
        c.println();
        c.println(c.dim("Settings: " + Settings.BACKEND + ", " + Settings.ENDPOINT + ", "
                + Settings.ALLOW_REMOTE_ENDPOINT + ", " + Settings.LOCALSTACK_AUTH_TOKEN + ", " + Settings.MOTO_COMMAND
                + ". See docs/backends.md."));
        return 0;
    }

    /** Proxies, AWS settings and files, an endpoint variable: what is set, and what the course does about it. */
    private static void environment(Console c) {
        c.println();
        c.println(c.bold("Your environment"));
        for (EnvironmentCheck.Line line : EnvironmentCheck.ofSystem().lines()) {
            c.println("  "
                    + switch (line.kind()) {
                        case INFO -> c.dim("· ") + line.text();
                        case OK -> c.green("✔ ") + line.text();
                        case PROBLEM -> c.red("✘ ") + line.text();
                    });
        }
    }

    private static HostEnvironment withBackend(HostEnvironment host, BackendKind kind) {
        return new HostEnvironment() {
            @Override
            public Settings settings() {
                Map<String, String> values = new HashMap<>();
                for (String k : new String[] {
                    Settings.ENDPOINT,
                    Settings.AWS_ENDPOINT_URL,
                    Settings.ALLOW_REMOTE_ENDPOINT,
                    Settings.LOCALSTACK_AUTH_TOKEN,
                    Settings.MOTO_COMMAND
                }) {
                    host.settings().get(k).ifPresent(v -> values.put(k, v));
                }
                values.put(Settings.BACKEND, kind.id());
                return Settings.of(values);
            }

            @Override
            public Optional<MotoCommand> moto() {
                return host.moto();
            }

            @Override
            public boolean dockerAvailable() {
                return host.dockerAvailable();
            }
        };
    }

    private static void check(Console c, boolean ok, String what, String fix) {
        c.println("  " + (ok ? c.green("✔ ") + what : c.red("✘ ") + what + ": " + fix));
    }

    /** Whether ./workshop's last build of the grader is complete (an interrupted one is rebuilt on the next run). */
    private static void graderBuild(Console c, Path root) {
        Optional<String> problem = GraderBuild.problem(root);
        check(
                c,
                problem.isEmpty(),
                "the grader's build",
                problem.map(p -> p + "; the next ./workshop command builds it again")
                        .orElse(""));
    }

    private static String wrapperMaven(Path root) {
        try {
            return Files.readAllLines(root.resolve(".mvn/wrapper/maven-wrapper.properties")).stream()
                    .filter(l -> l.startsWith("distributionUrl="))
                    .map(l -> l.replaceAll(".*apache-maven-([^/]+)-bin.zip", "$1"))
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String motoVersion(HostEnvironment.MotoCommand m) {
        if (m.python() == null) {
            return "";
        }
        return ShortCommand.output(
                        List.of(m.python().toString(), "-c", "import moto; print(moto.__version__)"), PROBE_TIMEOUT)
                .map(v -> ", version " + v.strip())
                .orElse("");
    }

    private static boolean canBindLoopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
