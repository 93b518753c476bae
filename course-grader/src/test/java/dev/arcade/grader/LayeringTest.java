package dev.arcade.grader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The course machinery's layering, as docs/design/layout.md draws it: one way, bottom up.
 *
 * <pre>
 * course-evaluators  dev.arcade.evaluators..   plain Java and Jackson
 * course-lambda      dev.arcade.lambda..       the Lambda runtime (its .host package: the runtime's libraries alone)
 * course-kit         dev.arcade.kit.backend  &lt;-  dev.arcade.kit.sdk  &lt;-  dev.arcade.kit (the test API)
 * course-runner      dev.arcade.runner         the grading JVM
 * course-grader      dev.arcade.grader.course &lt;- .session &lt;- .report &lt;- .cli
 * </pre>
 *
 * Every course module depends on course-kit alone; nothing below the grader knows it exists.
 */
@AnalyzeClasses(packages = "dev.arcade", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.arcade.(**)")
            .should()
            .beFreeOfCycles()
            .because("each package must read and build on its own, bottom up");

    @ArchTest
    static final ArchRule modules = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("dev.arcade..")
            .layer("evaluators")
            .definedBy("dev.arcade.evaluators..")
            .layer("lambda")
            .definedBy("dev.arcade.lambda..")
            .layer("kit")
            .definedBy("dev.arcade.kit..")
            .layer("runner")
            .definedBy("dev.arcade.runner..")
            .layer("grader")
            .definedBy("dev.arcade.grader..")
            .whereLayer("grader")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("runner")
            .mayOnlyBeAccessedByLayers("grader")
            .whereLayer("kit")
            .mayOnlyBeAccessedByLayers("runner", "grader")
            .whereLayer("lambda")
            .mayOnlyBeAccessedByLayers("kit", "runner", "grader")
            .whereLayer("evaluators")
            .mayOnlyBeAccessedByLayers("lambda", "kit", "runner", "grader")
            .because("the Maven modules depend one way: evaluators <- lambda <- kit <- runner <- grader");

    @ArchTest
    static final ArchRule lambdaHostIsTheRuntimeAlone = noClasses()
            .that()
            .resideInAPackage("dev.arcade.lambda.host..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages(
                    "dev.arcade.lambda.host..", "java..", "javax..", "jdk..", "com.amazonaws.services.lambda.runtime..")
            .because("an execution environment's JVM has only the host package and the Java runtime's libraries: "
                    + "nothing the function does not bring may be there");

    @ArchTest
    static final ArchRule lambdaRuntimeHasNoTestFramework = noClasses()
            .that()
            .resideInAPackage("dev.arcade.lambda..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.junit..", "org.assertj..", "dev.arcade.kit..")
            .because("the runtime is a library under the kit, usable without JUnit");

    @ArchTest
    static final ArchRule evaluatorsArePlainJava = noClasses()
            .that()
            .resideInAPackage("dev.arcade.evaluators..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon..", "org.junit..", "org.assertj..", "org.testcontainers..")
            .because("an evaluator decides from the AWS documentation alone: no SDK, no test framework");

    @ArchTest
    static final ArchRule kit = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("dev.arcade.kit..")
            .layer("test API")
            .definedBy("dev.arcade.kit")
            .layer("sdk")
            .definedBy("dev.arcade.kit.sdk..")
            .layer("backend")
            .definedBy("dev.arcade.kit.backend..")
            .whereLayer("test API")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("sdk")
            .mayOnlyBeAccessedByLayers("test API")
            .whereLayer("backend")
            .mayOnlyBeAccessedByLayers("test API", "sdk")
            .because("backends know nothing of the SDK's hooks, and those nothing of JUnit's annotations");

    @ArchTest
    static final ArchRule kitAndRunnerHaveNoCommandLine = noClasses()
            .that()
            .resideInAnyPackage("dev.arcade.kit..", "dev.arcade.runner..", "dev.arcade.evaluators..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("picocli..", "javax.tools..")
            .because("the command line and the compiler are the grader's; course modules never see them");

    @ArchTest
    static final ArchRule grader = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("dev.arcade.grader..")
            .layer("cli")
            .definedBy("dev.arcade.grader.cli..")
            .layer("report")
            .definedBy("dev.arcade.grader.report..")
            .layer("session")
            .definedBy("dev.arcade.grader.session..")
            .layer("course")
            .definedBy("dev.arcade.grader.course..")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("report")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("session")
            .mayOnlyBeAccessedByLayers("cli", "report")
            .because("rules and reports never print to a console; the course on disk knows nothing of runs");
}
