package dev.arcade.runner;

/**
 * A test of a course module, as discovered: where it is and what it is worth.
 *
 * @param unit the module (and variant) it belongs to, for example {@code module-01-dynamodb}
 * @param id JUnit's unique id
 * @param className the test class
 * @param methodName the test method
 * @param displayName the sentence the test reads as
 * @param exercise the exercise id, for example {@code 1.3}, or empty when the test belongs to none
 * @param points the points, when graded
 * @param graded whether the test counts on the score board
 */
public record TestCase(
        String unit,
        String id,
        String className,
        String methodName,
        String displayName,
        String exercise,
        int points,
        boolean graded) {

    /** The key that identifies this test across JVMs. */
    public String key() {
        return unit + "|" + id;
    }

    public static TestCase of(RunEvent e) {
        return new TestCase(
                e.unit(),
                e.id(),
                e.className(),
                e.methodName(),
                e.displayName(),
                e.exercise() == null ? "" : e.exercise(),
                e.points() == null ? 0 : e.points(),
                Boolean.TRUE.equals(e.graded()));
    }
}
