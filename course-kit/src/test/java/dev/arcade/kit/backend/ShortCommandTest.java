package dev.arcade.kit.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ShortCommand}: a child process that hangs must not hang the probe. */
@DisplayName("Probing this machine with short commands")
class ShortCommandTest {

    /** A child that prints a line and sleeps for {@code args[1]} seconds; {@code args[0]} marks it. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("sleeper " + args[0]);
            System.out.flush();
            Thread.sleep(Long.parseLong(args[1]) * 1000);
        }
    }

    static List<String> java(String... args) throws URISyntaxException {
        String classes = Path.of(Sleeper.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classes,
                Sleeper.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    @DisplayName("a command that ends in time gives what it printed")
    void endsInTime() throws Exception {
        assertThat(ShortCommand.output(java("quick", "0"), Duration.ofSeconds(30)))
                .hasValueSatisfying(out -> assertThat(out).contains("sleeper quick"));
    }

    @Test
    @Timeout(20)
    @DisplayName("a command that outlives the timeout is given up on at the timeout, and destroyed")
    void hungChildIsDestroyed() throws Exception {
        String marker = UUID.randomUUID().toString();
        long t0 = System.nanoTime();
        // the child prints at once and keeps its output open for 30 s: reading before waiting would block that long
        assertThat(ShortCommand.output(java(marker, "30"), Duration.ofSeconds(2)))
                .isEmpty();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(seconds).as("seconds until the probe gave up").isLessThan(10);
        Thread.sleep(500);
        assertThat(ProcessHandle.allProcesses()
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info()
                                .arguments()
                                .map(a -> List.of(a).contains(marker))
                                .orElse(false)))
                .as("the hung child, still alive")
                .isEmpty();
    }

    @Test
    @DisplayName("a command that fails or cannot start gives nothing")
    void failsOrMissing() {
        assertThat(ShortCommand.output(List.of("no-such-command-" + UUID.randomUUID()), Duration.ofSeconds(5)))
                .isEmpty();
    }
}
