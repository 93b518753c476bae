package dev.arcade.kit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Choosing the backend")
class BackendSelectorTest {

    /** A machine as a test wants it; records whether Docker was asked, because that costs 170 ms. */
    static final class FakeHost implements HostEnvironment {
        final Map<String, String> settings = new HashMap<>();
        boolean moto;
        boolean docker;
        boolean dockerAsked;

        FakeHost with(String key, String value) {
            settings.put(key, value);
            return this;
        }

        FakeHost withMoto() {
            moto = true;
            return this;
        }

        FakeHost withDocker() {
            docker = true;
            return this;
        }

        @Override
        public Settings settings() {
            return Settings.of(settings);
        }

        @Override
        public Optional<MotoCommand> moto() {
            return moto
                    ? Optional.of(
                            new MotoCommand(Path.of("python3"), List.of("moto_server"), "moto_server on the PATH"))
                    : Optional.empty();
        }

        @Override
        public boolean dockerAvailable() {
            dockerAsked = true;
            return docker;
        }
    }

    @Nested
    @DisplayName("with WORKSHOP_BACKEND unset (auto)")
    class Auto {
        @Test
        @DisplayName("an endpoint the user set wins over everything else")
        void endpointFirst() {
            Selection s = BackendSelector.select(new FakeHost()
                    .withMoto()
                    .withDocker()
                    .with(Settings.ENDPOINT, "http://127.0.0.1:4566")
                    .with(Settings.LOCALSTACK_AUTH_TOKEN, "t"));
            assertThat(s.kind()).isEqualTo(BackendKind.ENDPOINT);
            assertThat(s.endpoint()).hasToString("http://127.0.0.1:4566");
            assertThat(s.reason()).contains("WORKSHOP_ENDPOINT is set");
        }

        @Test
        @DisplayName("AWS_ENDPOINT_URL counts as an endpoint too")
        void awsEndpointUrl() {
            Selection s = BackendSelector.select(
                    new FakeHost().withMoto().with(Settings.AWS_ENDPOINT_URL, "http://localhost:5000"));
            assertThat(s.kind()).isEqualTo(BackendKind.ENDPOINT);
            assertThat(s.reason()).contains("AWS_ENDPOINT_URL");
        }

        @Test
        @DisplayName("LocalStack when Docker runs and a token is set")
        void localstack() {
            Selection s = BackendSelector.select(
                    new FakeHost().withMoto().withDocker().with(Settings.LOCALSTACK_AUTH_TOKEN, "t"));
            assertThat(s.kind()).isEqualTo(BackendKind.LOCALSTACK);
        }

        @Test
        @DisplayName("moto when it is installed, without asking Docker when no token is set")
        void motoWithoutAskingDocker() {
            FakeHost host = new FakeHost().withMoto().withDocker();
            Selection s = BackendSelector.select(host);
            assertThat(s.kind()).isEqualTo(BackendKind.MOTO);
            assertThat(s.reason()).contains("moto_server on the PATH");
            assertThat(host.dockerAsked)
                    .as("Docker asked although its answer could not matter")
                    .isFalse();
        }

        @Test
        @DisplayName("moto when a token is set but Docker does not run, and the line says why")
        void motoWhenDockerIsDown() {
            Selection s = BackendSelector.select(new FakeHost().withMoto().with(Settings.LOCALSTACK_AUTH_TOKEN, "t"));
            assertThat(s.kind()).isEqualTo(BackendKind.MOTO);
            assertThat(s.reason()).contains("Docker is not running");
        }

        @Test
        @DisplayName("Floci when Docker runs and moto is not installed")
        void floci() {
            assertThat(BackendSelector.select(new FakeHost().withDocker()).kind())
                    .isEqualTo(BackendKind.FLOCI);
        }

        @Test
        @DisplayName("nothing at all fails with the three ways out")
        void nothing() {
            assertThatThrownBy(() -> BackendSelector.select(new FakeHost()))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("pip install 'moto[server]'")
                    .hasMessageContaining("start Docker")
                    .hasMessageContaining("WORKSHOP_ENDPOINT");
        }

        @Test
        @DisplayName("'auto' spelled out behaves like unset, in any case")
        void autoSpelledOut() {
            assertThat(BackendSelector.select(new FakeHost().withMoto().with(Settings.BACKEND, " AUTO "))
                            .kind())
                    .isEqualTo(BackendKind.MOTO);
        }
    }

    @Nested
    @DisplayName("with an explicit WORKSHOP_BACKEND")
    class Explicit {
        @Test
        @DisplayName("moto is refused with the install command when it is missing")
        void motoMissing() {
            assertThatThrownBy(() ->
                            BackendSelector.select(new FakeHost().withDocker().with(Settings.BACKEND, "moto")))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("moto is not installed")
                    .hasMessageContaining("pip install 'moto[server]'");
        }

        @Test
        @DisplayName("moto is used, even when Docker and a token are there")
        void motoChosen() {
            Selection s = BackendSelector.select(new FakeHost()
                    .withMoto()
                    .withDocker()
                    .with(Settings.LOCALSTACK_AUTH_TOKEN, "t")
                    .with(Settings.BACKEND, "moto"));
            assertThat(s.kind()).isEqualTo(BackendKind.MOTO);
        }

        @Test
        @DisplayName("localstack without Docker says to start Docker or use moto")
        void localstackWithoutDocker() {
            assertThatThrownBy(() -> BackendSelector.select(new FakeHost()
                            .withMoto()
                            .with(Settings.LOCALSTACK_AUTH_TOKEN, "t")
                            .with(Settings.BACKEND, "localstack")))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessage("Docker is not running; start Docker or use WORKSHOP_BACKEND=moto.");
        }

        @Test
        @DisplayName("localstack without a token names LOCALSTACK_AUTH_TOKEN and the image")
        void localstackWithoutToken() {
            assertThatThrownBy(() ->
                            BackendSelector.select(new FakeHost().withDocker().with(Settings.BACKEND, "localstack")))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("needs LOCALSTACK_AUTH_TOKEN")
                    .hasMessageContaining(ContainerBackend.LOCALSTACK_IMAGE);
        }

        @Test
        @DisplayName("localstack with neither Docker nor a token names both in one sentence")
        void localstackWithNothing() {
            assertThatThrownBy(() -> BackendSelector.select(new FakeHost().with(Settings.BACKEND, "localstack")))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("Docker is not running and LOCALSTACK_AUTH_TOKEN is not set");
        }

        @Test
        @DisplayName("localstack with Docker and a token is chosen")
        void localstackChosen() {
            assertThat(BackendSelector.select(new FakeHost()
                                    .withDocker()
                                    .with(Settings.LOCALSTACK_AUTH_TOKEN, "t")
                                    .with(Settings.BACKEND, "localstack"))
                            .kind())
                    .isEqualTo(BackendKind.LOCALSTACK);
        }

        @Test
        @DisplayName("floci without Docker says to start Docker or use moto")
        void flociWithoutDocker() {
            assertThatThrownBy(() ->
                            BackendSelector.select(new FakeHost().withMoto().with(Settings.BACKEND, "floci")))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessage("Docker is not running; start Docker or use WORKSHOP_BACKEND=moto.");
        }

        @Test
        @DisplayName("floci with Docker is chosen")
        void flociChosen() {
            assertThat(BackendSelector.select(new FakeHost().withDocker().with(Settings.BACKEND, "floci"))
                            .kind())
                    .isEqualTo(BackendKind.FLOCI);
        }

        @Test
        @DisplayName("endpoint without WORKSHOP_ENDPOINT says what to set")
        void endpointWithoutAddress() {
            assertThatThrownBy(() ->
                            BackendSelector.select(new FakeHost().withMoto().with(Settings.BACKEND, "endpoint")))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("needs WORKSHOP_ENDPOINT");
        }

        @Test
        @DisplayName("aws is answered with 'not supported yet'")
        void aws() {
            assertThatThrownBy(() ->
                            BackendSelector.select(new FakeHost().withMoto().with(Settings.BACKEND, "aws")))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("WORKSHOP_BACKEND=aws is not supported yet");
        }

        @Test
        @DisplayName("an unknown value lists the choices")
        void unknown() {
            assertThatThrownBy(() ->
                            BackendSelector.select(new FakeHost().withMoto().with(Settings.BACKEND, "dynalite")))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("WORKSHOP_BACKEND=dynalite is not a backend")
                    .hasMessageContaining("auto, endpoint, localstack, moto, floci, aws");
        }
    }

    @Nested
    @DisplayName("endpoint safety")
    class Safety {
        @Test
        @DisplayName("a private-network endpoint is refused before anything connects")
        void privateAddressRefused() {
            FakeHost host = new FakeHost().withMoto().with(Settings.ENDPOINT, "http://10.0.0.1:4566");
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> BackendSelector.select(host))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("WORKSHOP_ENDPOINT=http://10.0.0.1:4566 is not a loopback address")
                    .hasMessageContaining("WORKSHOP_ALLOW_REMOTE_ENDPOINT=true");
            // The check is textual: no lookup, no socket. Refusing takes microseconds, a connection attempt would not.
            assertThat((System.nanoTime() - t0) / 1_000_000)
                    .as("milliseconds to refuse")
                    .isLessThan(200);
        }

        @Test
        @DisplayName("a public host name is refused as well, without resolving it")
        void publicHostRefused() {
            assertThatThrownBy(() -> BackendSelector.select(new FakeHost()
                            .withMoto()
                            .with(Settings.AWS_ENDPOINT_URL, "https://dynamodb.us-east-1.amazonaws.com")))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining(
                            "AWS_ENDPOINT_URL=https://dynamodb.us-east-1.amazonaws.com is not a loopback address");
        }

        @Test
        @DisplayName("a remote endpoint is accepted only with WORKSHOP_ALLOW_REMOTE_ENDPOINT=true")
        void remoteAllowed() {
            Selection s = BackendSelector.select(new FakeHost()
                    .with(Settings.ENDPOINT, "http://localstack:4566")
                    .with(Settings.ALLOW_REMOTE_ENDPOINT, "true"));
            assertThat(s.endpoint().getHost()).isEqualTo("localstack");
        }

        @Test
        @DisplayName("a value that is not a URL says how to write one")
        void notAUrl() {
            assertThatThrownBy(() -> BackendSelector.select(new FakeHost().with(Settings.ENDPOINT, "127.0.0.1:4566")))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("write it like http://127.0.0.1:4566");
        }
    }
}
