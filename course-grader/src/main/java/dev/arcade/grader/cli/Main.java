package dev.arcade.grader.cli;

import dev.arcade.kit.backend.BackendUnavailableException;
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
            throw e;
        });
        int code = cli.execute(args);
        // The SDK's and JUnit's non-daemon threads must not keep the command alive.
        System.exit(code);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
