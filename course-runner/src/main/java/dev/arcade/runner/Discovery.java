package dev.arcade.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Lists a compiled module's tests, with their exercises and points, without running them (classes
 * are loaded, not initialised).
 */
public final class Discovery {
    private Discovery() {}

    /** The tests in {@code testClasses}, compiled against {@code mainClasses}. */
    public static List<TestCase> tests(String unit, Path mainClasses, Path testClasses) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(
                unit,
                new URL[] {testClasses.toUri().toURL(), mainClasses.toUri().toURL()},
                Discovery.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            TestPlan plan = LauncherFactory.create()
                    .discover(LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectClasspathRoots(Set.of(testClasses)))
                            .build());
            List<TestCase> tests = new ArrayList<>();
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier id : plan.getDescendants(root)) {
                    if (id.isTest()) {
                        tests.add(TestMetadata.describe(unit, id, loader));
                    }
                }
            }
            return tests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
