package dev.arcade.kit.backend;

/** Starts the backend a {@link Selection} names. */
public final class Backends {
    private Backends() {}

    /**
     * Chooses and starts the backend for this machine and these settings.
     *
     * @throws BackendUnavailableException with a one-sentence fix when it cannot run
     */
    public static Backend start(HostEnvironment host) {
        return start(BackendSelector.select(host), host.settings());
    }

    /** Starts the backend {@code selection} names. */
    public static Backend start(Selection selection, Settings settings) {
        return switch (selection.kind()) {
            case MOTO -> MotoServer.start(selection.moto(), selection.reason());
            case ENDPOINT ->
                EndpointBackend.connect(
                        selection.endpoint(),
                        selection.reason(),
                        selection.endpointSetting() != null ? selection.endpointSetting() : Settings.ENDPOINT);
            case LOCALSTACK ->
                ContainerBackend.localstack(
                        settings.get(Settings.LOCALSTACK_AUTH_TOKEN).orElseThrow(), selection.reason());
            case FLOCI -> ContainerBackend.floci(selection.reason());
            case AUTO, AWS -> throw new IllegalArgumentException("not a startable backend: " + selection.kind());
        };
    }
}
