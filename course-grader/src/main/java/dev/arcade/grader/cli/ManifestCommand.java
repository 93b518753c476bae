package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.Manifest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./workshop manifest}: for authors, after changing tests or skeletons. */
@Command(
        name = "manifest",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  ./workshop manifest         after changing a test or a skeleton"},
        description =
                "For course authors: record the SHA-256 of every test and skeleton file in"
                        + " course-manifest.json (grade reports edited tests against it; verify knows the untouched skeleton by it).")
final class ManifestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        CourseLayout layout = CourseLayout.find(Path.of(""));
        Manifest now = Manifest.current(layout);
        int changed = Manifest.recorded(layout)
                .map(r -> now.differences(r, "").size())
                .orElse(-1);
        now.save(layout);
        System.out.println("Wrote " + layout.root().relativize(layout.manifest())
                + (changed < 0 ? " (new)" : " (" + changed + " file" + (changed == 1 ? "" : "s") + " changed)")
                + ". Commit it with the tests it describes.");
        return 0;
    }
}
