package dev.arcade.lambda.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * How execution environments are started.
 *
 * @param java the {@code java} launcher
 * @param front the kit's front (Runtime API, AWS endpoint and refusing proxy), {@code http://127.0.0.1:PORT}
 * @param classPath the environment JVM's class path: the host package, aws-lambda-java-core, the
 *     runtime interface client and its dependencies, and nothing else
 * @param region the region functions run in
 */
public record HostSettings(Path java, URI front, List<String> classPath, String region) {

    public HostSettings {
        classPath = List.copyOf(classPath);
    }
}
