package dev.arcade.kit.backend;

import java.net.URI;
import java.util.Optional;

/**
 * Chooses the backend from the settings and what the machine offers (see {@code docs/backends.md}).
 *
 * <p>{@code WORKSHOP_BACKEND=auto} (the default) takes the first of: an endpoint the user set;
 * LocalStack when Docker runs and {@code LOCALSTACK_AUTH_TOKEN} is set; moto when it is installed;
 * Floci when Docker runs. An explicit choice that cannot work here fails at once with one sentence
 * that names the fix.
 */
public final class BackendSelector {

    /** The fix shown when nothing at all can run here. */
    static final String NOTHING_HERE = "No backend can run here: install moto (pip install 'moto[server]'),"
            + " start Docker, or set " + Settings.ENDPOINT + " to an emulator you run, such as http://127.0.0.1:4566.";

    private BackendSelector() {}

    /**
     * Chooses a backend.
     *
     * @throws BackendUnavailableException with the one-sentence fix when the choice cannot run here
     */
    public static Selection select(HostEnvironment host) {
        Settings settings = host.settings();
        String raw = settings.get(Settings.BACKEND).orElse("auto");
        BackendKind kind = BackendKind.parse(raw)
                .orElseThrow(() -> new BackendUnavailableException(
                        Settings.BACKEND + "=" + raw + " is not a backend; use one of " + BackendKind.choices() + "."));
        return switch (kind) {
            case AUTO -> auto(host);
            case ENDPOINT ->
                endpoint(settings)
                        .map(uri -> new Selection(
                                BackendKind.ENDPOINT,
                                Settings.BACKEND + "=endpoint",
                                uri,
                                null,
                                endpointSetting(settings)))
                        .orElseThrow(() -> new BackendUnavailableException(
                                Settings.BACKEND + "=endpoint needs " + Settings.ENDPOINT
                                        + " set to your emulator's address, such as http://127.0.0.1:4566."));
            case MOTO ->
                host.moto()
                        .map(m -> new Selection(BackendKind.MOTO, Settings.BACKEND + "=moto, " + m.foundAs(), null, m))
                        .orElseThrow(() -> new BackendUnavailableException("moto is not installed here; install it with"
                                + " pip install 'moto[server]' (or set " + Settings.MOTO_COMMAND
                                + "), or use " + Settings.BACKEND + "=auto."));
            case LOCALSTACK -> localstack(host);
            case FLOCI -> {
                if (!host.dockerAvailable()) {
                    throw new BackendUnavailableException(
                            "Docker is not running; start Docker or use " + Settings.BACKEND + "=moto.");
                }
                yield new Selection(BackendKind.FLOCI, Settings.BACKEND + "=floci", null, null);
            }
            case AWS ->
                throw new BackendUnavailableException(Settings.BACKEND + "=aws is not supported yet:"
                        + " the course runs only against emulators on this machine for now; use "
                        + Settings.BACKEND + "=auto.");
        };
    }

    private static Selection auto(HostEnvironment host) {
        Settings settings = host.settings();
        Optional<URI> endpoint = endpoint(settings);
        if (endpoint.isPresent()) {
            String which = endpointSetting(settings);
            return new Selection(BackendKind.ENDPOINT, "auto: " + which + " is set", endpoint.get(), null, which);
        }
        boolean token = settings.get(Settings.LOCALSTACK_AUTH_TOKEN).isPresent();
        // Docker is asked only when its answer can change the choice: it costs about 170 ms.
        if (token && host.dockerAvailable()) {
            return new Selection(
                    BackendKind.LOCALSTACK,
                    "auto: Docker runs and " + Settings.LOCALSTACK_AUTH_TOKEN + " is set",
                    null,
                    null);
        }
        Optional<HostEnvironment.MotoCommand> moto = host.moto();
        if (moto.isPresent()) {
            return new Selection(
                    BackendKind.MOTO,
                    "auto: " + moto.get().foundAs() + (token ? ", Docker is not running" : ""),
                    null,
                    moto.get());
        }
        if (host.dockerAvailable()) {
            return new Selection(BackendKind.FLOCI, "auto: Docker runs, moto is not installed", null, null);
        }
        throw new BackendUnavailableException(NOTHING_HERE);
    }

    private static Selection localstack(HostEnvironment host) {
        boolean token = host.settings().get(Settings.LOCALSTACK_AUTH_TOKEN).isPresent();
        boolean docker = host.dockerAvailable();
        if (!docker && !token) {
            throw new BackendUnavailableException("Docker is not running and " + Settings.LOCALSTACK_AUTH_TOKEN
                    + " is not set; LocalStack needs both (a free Hobby token comes from https://app.localstack.cloud),"
                    + " or use " + Settings.BACKEND + "=moto.");
        }
        if (!docker) {
            throw new BackendUnavailableException(
                    "Docker is not running; start Docker or use " + Settings.BACKEND + "=moto.");
        }
        if (!token) {
            throw new BackendUnavailableException("LocalStack " + ContainerBackend.LOCALSTACK_IMAGE + " needs "
                    + Settings.LOCALSTACK_AUTH_TOKEN + " (a free Hobby token comes from https://app.localstack.cloud);"
                    + " set it, or use " + Settings.BACKEND + "=moto.");
        }
        return new Selection(BackendKind.LOCALSTACK, Settings.BACKEND + "=localstack", null, null);
    }

    private static Optional<URI> endpoint(Settings settings) {
        boolean allowRemote = settings.isTrue(Settings.ALLOW_REMOTE_ENDPOINT);
        Optional<String> own = settings.get(Settings.ENDPOINT);
        if (own.isPresent()) {
            return Optional.of(Endpoints.checked(settings.source(Settings.ENDPOINT), own.get(), allowRemote));
        }
        return settings.get(Settings.AWS_ENDPOINT_URL)
                .map(v -> Endpoints.checked(settings.source(Settings.AWS_ENDPOINT_URL), v, allowRemote));
    }

    /** The endpoint setting that is in force, as the learner set it ({@link Settings#source(String)}). */
    private static String endpointSetting(Settings settings) {
        return settings.source(
                settings.get(Settings.ENDPOINT).isPresent() ? Settings.ENDPOINT : Settings.AWS_ENDPOINT_URL);
    }
}
