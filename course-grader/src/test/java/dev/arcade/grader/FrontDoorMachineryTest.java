package dev.arcade.grader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.grader.course.CourseLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The front door rebuilds the grader when the sources of its machinery change; the list it watches
 * ({@code machinery=(...)} in {@code workshop}) must name every machinery module of the root pom, or
 * an edit to a module left out runs a stale build.
 */
@DisplayName("./workshop watches every machinery module of the reactor")
class FrontDoorMachineryTest {

    @Test
    @DisplayName("the machinery list of ./workshop is the root pom's course-* modules that the grader builds")
    void machineryListMatchesThePom() throws Exception {
        Path root = CourseLayout.find(Path.of("")).root();
        String script = Files.readString(root.resolve("workshop"));
        Matcher machinery = Pattern.compile("(?m)^machinery=\\(([^)]*)\\)").matcher(script);
        assertThat(machinery.find()).as("workshop has a machinery=(...) line").isTrue();
        List<String> watched = Arrays.asList(machinery.group(1).trim().split("\\s+"));

        String pom = Files.readString(root.resolve("pom.xml"));
        Matcher module = Pattern.compile("<module>(course-[^<]+)</module>").matcher(pom);
        List<String> modules = new java.util.ArrayList<>();
        while (module.find()) {
            if (!module.group(1).equals("course-verify")) {
                modules.add(module.group(1));
            }
        }
        assertThat(watched).as("workshop's machinery=(...), in reactor order").containsExactlyElementsOf(modules);
    }
}
