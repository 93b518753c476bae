package dev.arcade.kit.internal;

import dev.arcade.kit.AwsClients;
import dev.arcade.kit.Capability;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Faults;
import dev.arcade.kit.RequiresCapability;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.SdkCalls;
import dev.arcade.kit.Workshop;
import dev.arcade.kit.backend.Backend;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit extension behind {@link dev.arcade.kit.AwsTest}: starts the backend, hands out clients
 * and helpers as parameters, skips what the backend cannot grade, and gives each test a clean call
 * log and fault plan.
 */
public final class WorkshopExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver, ExecutionCondition {

    /** The prefix of every "not gradable" reason, which the grader recognises. */
    public static final String NOT_GRADABLE = "not gradable on ";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Set<Capability> needed = new LinkedHashSet<>();
        context.getElement().ifPresent(e -> needed.addAll(required(e)));
        context.getTestClass().ifPresent(c -> needed.addAll(required(c)));
        if (needed.isEmpty()) {
            return ConditionEvaluationResult.enabled("needs no special capability");
        }
        Backend backend = Workshop.backend();
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
        Workshop.backend();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SdkCalls.log().clear();
        Faults.plan().clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Faults.plan().clear();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return AwsClients.makes(type) || type == SdkCalls.class || type == Faults.class
                || type == ResourceNames.class || type == Backend.class || type == AwsClients.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == SdkCalls.class) {
            return SdkCalls.log();
        }
        if (type == Faults.class) {
            return Faults.plan();
        }
        if (type == ResourceNames.class) {
            return new ResourceNames();
        }
        if (type == Backend.class) {
            return Workshop.backend();
        }
        if (type == AwsClients.class) {
            return Workshop.clients();
        }
        if (parameter.isAnnotated(CodeUnderTest.class)) {
            return Workshop.clients().forCodeUnderTest().byType(type);
        }
        return Workshop.clients().byType(type);
    }
}
