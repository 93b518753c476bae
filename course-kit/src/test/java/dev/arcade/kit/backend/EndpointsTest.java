package dev.arcade.kit.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {
    @ParameterizedTest(name = "{0} is loopback")
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "[::1]", "::1", "moto.localhost"})
    void loopback(String host) {
        assertThat(Endpoints.isLoopback(host)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not loopback")
    @ValueSource(
            strings = {
                "10.0.0.1",
                "192.168.1.10",
                "172.16.0.1",
                "0.0.0.0",
                "128.0.0.1",
                "127.0.0",
                "127.0.0.256",
                "127.0.0.1.example.com",
                "localhost.example.com",
                "dynamodb.us-east-1.amazonaws.com",
                "[::2]",
                "169.254.169.254"
            })
    void notLoopback(String host) {
        assertThat(Endpoints.isLoopback(host)).isFalse();
    }
}
