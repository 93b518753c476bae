package dev.arcade.kit.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.testing.ForkedJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("moto's lifecycle: no emulator is left behind")
class MotoLifecycleTest {

    @ParameterizedTest(name = "when the JVM ends by {0}")
    @ValueSource(strings = {"exit", "crash", "kill"})
    @DisplayName("moto stops with the JVM that started it")
    void motoStopsWithItsJvm(String ending) throws Exception {
        Process jvm = ForkedJvm.start(MotoLifecycleProbe.class, Map.of("WORKSHOP_BACKEND", "moto"), ending);
        long pid = -1;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("PID=")) {
                    pid = Long.parseLong(line.substring(4));
                    break;
                }
            }
            assertThat(pid).as("moto's pid, printed by the forked JVM").isPositive();
            assertThat(ProcessHandle.of(pid)).as("moto while its JVM runs").isPresent();
            jvm.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            jvm.getOutputStream().flush();
            if (ending.equals("kill")) {
                jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs, only the watchdog can help
            }
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS))
                    .as("the forked JVM ended")
                    .isTrue();
        }
        Optional<ProcessHandle> moto = ProcessHandle.of(pid);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (moto.isPresent() && moto.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(moto.map(ProcessHandle::isAlive).orElse(false))
                .as("moto (pid %d) still running after its JVM ended by %s", pid, ending)
                .isFalse();
    }
}
