package dev.arcade.kit.backend;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The workshop's settings, read from system properties first and environment variables second.
 *
 * <p>Every setting has both forms: {@code WORKSHOP_BACKEND} / {@code -Dworkshop.backend}. A blank
 * value counts as unset.
 */
public final class Settings {
    /** Which backend to use: {@link BackendKind#choices()}. */
    public static final String BACKEND = "WORKSHOP_BACKEND";
    /** The address of an emulator the user runs. */
    public static final String ENDPOINT = "WORKSHOP_ENDPOINT";
    /** The SDK's own endpoint variable, honoured like {@link #ENDPOINT}. */
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    /** {@code true} lets {@link #ENDPOINT} name a host that is not a loopback address. */
    public static final String ALLOW_REMOTE_ENDPOINT = "WORKSHOP_ALLOW_REMOTE_ENDPOINT";
    /** LocalStack's auth token, needed by images 4.15 and newer. */
    public static final String LOCALSTACK_AUTH_TOKEN = "LOCALSTACK_AUTH_TOKEN";
    /** The command that starts moto, when it is not {@code moto_server} on the PATH. */
    public static final String MOTO_COMMAND = "WORKSHOP_MOTO_COMMAND";

    private final Function<String, String> lookup;
    private final Function<String, String> source;

    private Settings(Function<String, String> lookup, Function<String, String> source) {
        this.lookup = lookup;
        this.source = source;
    }

    /** The settings of this process: system properties, then environment variables. */
    public static Settings fromSystem() {
        return new Settings(
                name -> {
                    String property = System.getProperty(propertyName(name));
                    return property != null ? property : System.getenv(name);
                },
                name -> System.getProperty(propertyName(name)) != null ? "-D" + propertyName(name) : name);
    }

    /** Fixed settings, for tests of the selection logic. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values::get, name -> name);
    }

    /**
     * How the learner set {@code name}, for messages that tell them what to change: the variable's name
     * ({@code AWS_ENDPOINT_URL}), or {@code -Daws.endpoint.url} when the system property gave the value.
     */
    public String source(String name) {
        return source.apply(name);
    }

    /** The system property that stands for environment variable {@code name}: WORKSHOP_BACKEND → workshop.backend. */
    public static String propertyName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    /** The value of a setting, if set and not blank. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(lookup.apply(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** Whether a setting is {@code true} (ignoring case). */
    public boolean isTrue(String name) {
        return get(name).map(Boolean::parseBoolean).orElse(false);
    }
}
