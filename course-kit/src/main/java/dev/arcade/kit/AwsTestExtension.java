package dev.arcade.kit;

import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.backend.Capability;
import dev.arcade.kit.sdk.ApiCalls;
import dev.arcade.kit.sdk.AwsClients;
import dev.arcade.kit.sdk.FaultPlan;
import dev.arcade.kit.sdk.JvmState;
import dev.arcade.lambda.LambdaRuntime;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit extension behind {@link AwsTest}: starts the backend, hands out clients and helpers as
 * parameters, skips what the backend cannot grade, gives each test an empty call log and fault
 * plan, and ends a graded test's failure message with the pointer to its exercise's hints.
 *
 * <p>The kit's state is JVM-wide ({@link JvmState} says why), so tests must not run in parallel in
 * one JVM: a class run with JUnit's parallel execution on is refused before its first test.
 */
public final class AwsTestExtension
        implements BeforeAllCallback,
                AfterAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver,
                ExecutionCondition,
                TestExecutionExceptionHandler,
                LifecycleMethodExecutionExceptionHandler {

    /** The prefix of every "not gradable" reason, which the grader recognises. */
    public static final String NOT_GRADABLE = "not gradable on ";

    /** JUnit's switch for parallel execution, which the kit cannot work under. */
    static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";

    /** Public for JUnit, which instantiates extensions by reflection. */
    public AwsTestExtension() {}

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Set<Capability> needed = new LinkedHashSet<>();
        context.getElement().ifPresent(e -> needed.addAll(required(e)));
        context.getTestClass().ifPresent(c -> needed.addAll(required(c)));
        if (needed.isEmpty()) {
            return ConditionEvaluationResult.enabled("needs no special capability");
        }
        Backend backend = JvmState.backend();
        List<Capability> missing = new ArrayList<>();
        for (Capability c : needed) {
            if (!backend.can(c)) {
                missing.add(c);
            }
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled(backend.kind().id() + " has " + needed);
        }
        return ConditionEvaluationResult.disabled(NOT_GRADABLE + backend.kind().id() + ": this test needs "
                + missing.stream().map(Capability::description).collect(Collectors.joining(" and "))
                + ", which " + backend.kind().id() + " does not do (see docs/backends.md)");
    }

    private static List<Capability> required(AnnotatedElement element) {
        Optional<RequiresCapability> a = AnnotationSupport.findAnnotation(element, RequiresCapability.class);
        return a.map(r -> List.of(r.value())).orElse(List.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getConfigurationParameter(PARALLEL)
                .map(Boolean::parseBoolean)
                .orElse(false)) {
            throw new ExtensionConfigurationException("@AwsTest classes cannot run with JUnit's parallel execution:"
                    + " the kit keeps one call log and one fault plan per JVM, so two tests at once would grade each"
                    + " other's calls. Remove " + PARALLEL + "=true (from junit-platform.properties or -D" + PARALLEL
                    + "); surefire's forkCount runs classes in parallel JVMs instead.");
        }
        JvmState.backend();
    }

    /**
     * After a test class: its functions' execution environments (one JVM each) are retired and its
     * invocation records forgotten, so that no class pays for another's idle JVMs.
     */
    @Override
    public void afterAll(ExtensionContext context) {
        JvmState.afterTestClass();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        JvmState.beforeTest();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        JvmState.afterTest();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return AwsClients.makes(type)
                || type == ApiCalls.class
                || type == FaultPlan.class
                || type == ResourceNames.class
                || type == Backend.class
                || type == AwsClients.class
                || type == Learner.class
                || type == LambdaRuntime.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == ApiCalls.class) {
            return JvmState.calls();
        }
        if (type == FaultPlan.class) {
            return JvmState.faults();
        }
        if (type == ResourceNames.class) {
            return new ResourceNames();
        }
        if (type == LambdaRuntime.class) {
            return JvmState.lambdaRuntime();
        }
        if (type == Backend.class) {
            return JvmState.backend();
        }
        if (type == AwsClients.class) {
            return JvmState.clients();
        }
        if (type == Learner.class) {
            return new Learner(exercise(context).orElse(""));
        }
        if (parameter.isAnnotated(CodeUnderTest.class)) {
            return JvmState.clients().forCodeUnderTest().byType(type);
        }
        return JvmState.clients().byType(type);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw withHint(context, thrown);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw withHint(context, thrown);
    }

    /**
     * The exercise of the test (or class) in {@code context}: {@link Graded#exercise()} if set, else
     * the nearest {@link Exercise} of the class or its enclosing classes.
     */
    static Optional<String> exercise(ExtensionContext context) {
        Optional<String> own = context.getTestMethod()
                .map(m -> m.getAnnotation(Graded.class))
                .map(Graded::exercise)
                .filter(e -> !e.isBlank());
        if (own.isPresent()) {
            return own;
        }
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            Exercise e = c.getAnnotation(Exercise.class);
            if (e != null) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /**
     * A failed assertion of a graded test, with the hint pointer of its exercise at the end of the
     * message if it has none yet; anything else (the skeleton's TODO, a timeout, an exception from
     * learner code, an ungraded test's failure) unchanged.
     */
    static Throwable withHint(ExtensionContext context, Throwable thrown) {
        boolean graded = context.getTestMethod()
                .map((Method m) -> m.isAnnotationPresent(Graded.class))
                .orElse(false);
        Optional<String> exercise = exercise(context);
        if (!(thrown instanceof AssertionError) || !graded || exercise.isEmpty()) {
            return thrown;
        }
        String message = thrown.getMessage() == null ? "" : thrown.getMessage();
        if (message.contains(Hint.POINTER)) {
            return thrown;
        }
        String hintedMessage = message.stripTrailing() + Hint.of(exercise.get());
        AssertionError hinted = thrown instanceof AssertionFailedError f && f.isExpectedDefined() && f.isActualDefined()
                ? new AssertionFailedError(hintedMessage, f.getExpected(), f.getActual(), f.getCause())
                : new AssertionError(hintedMessage, thrown.getCause());
        hinted.setStackTrace(thrown.getStackTrace());
        for (Throwable s : thrown.getSuppressed()) {
            hinted.addSuppressed(s);
        }
        return hinted;
    }
}
