package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.session.RunLock;
import dev.arcade.kit.backend.BackendUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./workshop}: the course's front door for learners and instructors.
 *
 * <p>The bash and cmd wrappers build the kit if needed and run this class on its classpath.
 */
@Command(
        name = "workshop",
        mixinStandardHelpOptions = true,
        version = "Arcade workshop 1.0",
        description = "The Arcade course's front door: grade your work, run one exercise's tests, get hints, check this"
                + " machine, prove the course, scaffold a new exercise or module.",
        subcommands = {
            GradeCommand.class,
            TestCommand.class,
            HintCommand.class,
            DoctorCommand.class,
            VerifyCommand.class,
            ManifestCommand.class,
            MutateCommand.class,
            NewCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Start with: ./workshop doctor   (checks this machine)",
            "      then: ./workshop grade    (your score board)",
            "Every command answers --help. Docs: docs/README.md"
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main()).setExecutionExceptionHandler((e, commandLine, parsed) -> {
            Console c = new Console(false);
            c.clearProgress();
            if (e instanceof BackendUnavailableException
                    || e instanceof IllegalStateException
                    || e instanceof IllegalArgumentException) {
                c.out.println(c.red("✘ ") + e.getMessage());
                return 2;
            }
            Optional<String> fileProblem = FileProblems.of(e, courseRoot());
            if (fileProblem.isPresent()) {
                c.out.println(c.red("✘ ") + fileProblem.get());
                return 2;
            }
            throw e;
        });
        cli.setExecutionStrategy(Main::oneRunAtATime);
        int code = cli.execute(args);
        // The SDK's and JUnit's non-daemon threads must not keep the command alive.
        System.exit(code);
    }

    /** Commands that write run state into target/workshop/, which two runs must not share. */
    private static final Set<String> RUNS = Set.of("grade", "test", "verify", "mutate", "watch");

    /** Runs the command, holding the course's {@link RunLock} if it is one of {@link #RUNS}. */
    private static int oneRunAtATime(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult sub = parsed.subcommand();
        Path root = courseRoot();
        if (sub == null || !RUNS.contains(sub.commandSpec().name()) || root == null || helpAsked(sub)) {
            return new CommandLine.RunLast().execute(parsed);
        }
        try (RunLock lock =
                RunLock.take(new CourseLayout(root).workDir(), sub.commandSpec().name())) {
            return new CommandLine.RunLast().execute(parsed);
        } catch (IOException e) {
            throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.getMessage(), e);
        } catch (RunLock.RunInProgressException e) {
            throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.getMessage(), e);
        }
    }

    private static boolean helpAsked(CommandLine.ParseResult sub) {
        return sub.isUsageHelpRequested() || sub.isVersionHelpRequested();
    }

    /** The course folder around the working directory, or null outside one (the command says so itself). */
    private static Path courseRoot() {
        try {
            return CourseLayout.find(Path.of("")).root();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
