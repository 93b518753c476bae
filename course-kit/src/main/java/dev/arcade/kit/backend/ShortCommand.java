package dev.arcade.kit.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Short commands the course asks about this machine, such as {@code python -c "import moto; ..."}:
 * the kit's backend selection and {@code ./workshop doctor} both use it.
 */
public final class ShortCommand {
    private ShortCommand() {}

    /**
     * What a short command printed (standard output and error together), when it ended within
     * {@code timeout} with status 0; empty when it failed, could not start, or ran longer (it is
     * then destroyed, with its children). The output goes to a temporary file rather than a pipe,
     * so a child that never ends (or leaves a grandchild holding the pipe) cannot keep this
     * thread past the timeout.
     */
    public static Optional<String> output(List<String> command, Duration timeout) {
        Path log = null;
        try {
            log = Files.createTempFile("arcade-workshop-probe-", ".txt");
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(Files.readString(log)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    log.toFile().deleteOnExit();
                }
            }
        }
    }
}
