package dev.arcade.runner;

import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/** Reads a discovered test's exercise and points from its annotations. */
final class TestMetadata {
    private TestMetadata() {}

    static TestCase describe(String unit, TestIdentifier test, ClassLoader loader) {
        String className = "";
        String methodName = test.getDisplayName();
        String exercise = "";
        int points = 0;
        boolean graded = false;
        Optional<MethodSource> source =
                test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
        if (source.isPresent()) {
            className = source.get().getClassName();
            methodName = source.get().getMethodName();
            try {
                Class<?> type = Class.forName(className, false, loader);
                Method method = findMethod(type, methodName, source.get().getMethodParameterTypes());
                Graded g = method == null ? null : method.getAnnotation(Graded.class);
                exercise = exerciseOf(type);
                if (g != null) {
                    graded = true;
                    points = Math.max(1, g.points());
                    if (!g.exercise().isBlank()) {
                        exercise = g.exercise();
                    }
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // reported as the test's own failure when it runs
            }
        }
        return new TestCase(
                unit, test.getUniqueId(), className, methodName, test.getDisplayName(), exercise, points, graded);
    }

    private static String exerciseOf(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            Exercise e = c.getAnnotation(Exercise.class);
            if (e != null) {
                return e.value();
            }
        }
        return "";
    }

    private static Method findMethod(Class<?> type, String name, String parameterTypes) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && params(m).equals(parameterTypes)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static String params(Method m) {
        StringBuilder sb = new StringBuilder();
        for (Class<?> p : m.getParameterTypes()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(p.getName());
        }
        return sb.toString();
    }
}
