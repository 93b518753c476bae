package dev.arcade.runner;

/** How one test, or one exercise, stands. */
public enum TestStatus {
    /** Every check held. */
    PASSED("passed"),
    /** A check failed; the message says which and why. */
    FAILING("failing"),
    /** The skeleton's {@code TODO} for this exercise was reached: nothing written yet. */
    NOT_STARTED("not started"),
    /** The test ran past its time limit: an endless loop, or a wait that never ends. */
    TIMED_OUT("timed out"),
    /** The JVM stopped during the test, for example through {@code System.exit}. */
    CRASHED("crashed"),
    /** The backend cannot really do what the test needs; neither passed nor failed. */
    NOT_GRADABLE("not gradable"),
    /** The module's code (or its tests against it) does not compile. */
    DOES_NOT_COMPILE("does not compile");

    private final String label;

    TestStatus(String label) {
        this.label = label;
    }

    /** The word the score board shows. */
    public String label() {
        return label;
    }
}
