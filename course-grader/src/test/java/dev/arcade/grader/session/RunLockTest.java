package dev.arcade.grader.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("One run at a time")
class RunLockTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("the refusal names the holder's pid, never that of a run that already ended")
    void refusal_namesOnlyALiveHolder() throws Exception {
        try (RunLock held = RunLock.take(work, "grade")) {
            assertThatThrownBy(() -> RunLock.take(work, "test"))
                    .isInstanceOf(RunLock.RunInProgressException.class)
                    .hasMessageContaining(
                            "(./workshop grade, pid " + ProcessHandle.current().pid() + ", since ");

            // what a run that lost the race may read: the file as a run that ended left it
            Files.writeString(RunLock.file(work), "./workshop grade, pid 999999999, since 12:00:00\n");
            assertThatThrownBy(() -> RunLock.take(work, "test"))
                    .isInstanceOf(RunLock.RunInProgressException.class)
                    .hasMessage("Another ./workshop run is in progress in this course; wait for it to end, or stop it,"
                            + " then run this again.");
        }
    }

    @Test
    @DisplayName("a run that ends empties the file, so the next one names no one who has gone")
    void close_emptiesTheFile() throws Exception {
        try (RunLock held = RunLock.take(work, "grade")) {
            assertThat(Files.readString(RunLock.file(work)))
                    .contains("pid " + ProcessHandle.current().pid());
        }
        assertThat(Files.readString(RunLock.file(work))).isEmpty();
        try (RunLock again = RunLock.take(work, "grade")) {
            assertThat(again).isNotNull();
        }
    }
}
