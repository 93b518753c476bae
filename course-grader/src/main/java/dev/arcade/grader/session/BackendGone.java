package dev.arcade.grader.session;

import dev.arcade.runner.TestStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * When the emulator stops answering during a run (it was stopped, it died, or, before runs took a
 * lock, another run stopped it), the tests that then failed to reach it are not the learner's
 * failures: they become not gradable, with a message that says so, instead of "your code threw
 * SdkClientException: Connection refused".
 */
public final class BackendGone {
    /** How long the check waits for the emulator to accept a connection. */
    private static final int CONNECT_TIMEOUT_MS = 1000;

    private BackendGone() {}

    /** Whether something accepts connections at the endpoint's host and port. */
    public static boolean answers(URI endpoint) {
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(endpoint.getHost(), port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The outcomes, with those that could not reach the emulator marked not gradable, if the
     * emulator no longer answers; unchanged otherwise (and without asking it, when no test failed
     * to connect).
     */
    public static List<TestOutcome> reclassify(List<TestOutcome> outcomes, URI endpoint, Predicate<URI> answers) {
        if (outcomes.stream().noneMatch(BackendGone::couldNotConnect) || answers.test(endpoint)) {
            return outcomes;
        }
        String why = "not gradable: the emulator at " + endpoint + " stopped answering during the run, so this test"
                + " could not reach it (Connection refused); that is not your code's doing. Run it again;"
                + " ./workshop doctor checks the emulator.";
        return outcomes.stream()
                .map(o -> couldNotConnect(o) ? TestOutcome.withoutException(o.test(), TestStatus.NOT_GRADABLE, why) : o)
                .toList();
    }

    private static boolean couldNotConnect(TestOutcome o) {
        return o.status() != TestStatus.PASSED
                && o.message() != null
                && o.message().toLowerCase(Locale.ROOT).contains("connection refused");
    }
}
