package dev.arcade.grader.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.runner.TestCase;
import dev.arcade.runner.TestStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An emulator that stops answering during a run is not blamed on the learner")
class BackendGoneTest {
    static final URI ENDPOINT = URI.create("http://127.0.0.1:41719");

    static TestOutcome outcome(int n, TestStatus status, String message) {
        TestCase t = new TestCase(
                "module-01-mini", "[test:" + n + "]", "mini.CalcTest", "t" + n, "test " + n, "1.1", 2, true);
        return new TestOutcome(t, status, message, message == null ? null : "SdkClientException", "Calc.java:6", 5);
    }

    static final List<TestOutcome> RUN = List.of(
            outcome(1, TestStatus.PASSED, null),
            outcome(
                    2,
                    TestStatus.FAILING,
                    "your code threw SdkClientException at Calc.java:6: Unable to execute HTTP"
                            + " request: Connect to 127.0.0.1:41719 [/127.0.0.1] failed: Connection refused"),
            outcome(3, TestStatus.FAILING, "[sum] expected: 3 but was: 4"));

    @Test
    @DisplayName("when it no longer answers, the tests refused a connection are not gradable, and say why")
    void gone() {
        List<TestOutcome> after = BackendGone.reclassify(RUN, ENDPOINT, e -> false);
        assertThat(after.get(0)).isEqualTo(RUN.get(0));
        assertThat(after.get(1).status()).isEqualTo(TestStatus.NOT_GRADABLE);
        assertThat(after.get(1).message())
                .startsWith("not gradable: the emulator at http://127.0.0.1:41719 stopped answering during the run")
                .contains("not your code's doing");
        assertThat(after.get(2)).as("a real failure stays the learner's").isEqualTo(RUN.get(2));
    }

    @Test
    @DisplayName("when it still answers, a refused connection is the learner's (their code called another port)")
    void stillThere() {
        assertThat(BackendGone.reclassify(RUN, ENDPOINT, e -> true)).isEqualTo(RUN);
    }

    @Test
    @DisplayName("without a refused connection the emulator is not even asked")
    void notAsked() {
        List<TestOutcome> run = List.of(RUN.get(0), RUN.get(2));
        assertThat(BackendGone.reclassify(run, ENDPOINT, e -> {
                    throw new AssertionError("asked");
                }))
                .isEqualTo(run);
    }

    @Test
    @DisplayName("answers tells a listening port from a closed one")
    void answers() throws Exception {
        URI closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI open = URI.create("http://127.0.0.1:" + s.getLocalPort());
            assertThat(BackendGone.answers(open)).isTrue();
            closed = open;
        }
        assertThat(BackendGone.answers(closed)).isFalse();
    }
}
