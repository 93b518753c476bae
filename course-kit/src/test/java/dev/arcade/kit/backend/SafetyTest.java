package dev.arcade.kit.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.testing.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Safety: a learner's real AWS settings are never used")
class SafetyTest {

    @Test
    @DisplayName(
            "with real-looking AWS_* variables and a ~/.aws profile, code under test still gets dummy credentials and the emulator")
    void realLookingEnvironmentIsIgnored(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(
                home.resolve(".aws/credentials"),
                "[production]\naws_access_key_id = AKIAPRODUCTIONKEY0001\n"
                        + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYPRODUCTION\n[default]\n"
                        + "aws_access_key_id = AKIADEFAULTKEY000001\naws_secret_access_key = secretdefault\n");
        Files.writeString(
                home.resolve(".aws/config"),
                "[profile production]\nregion = eu-west-1\n"
                        + "endpoint_url = https://dynamodb.eu-west-1.amazonaws.com\n");
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("USERPROFILE", home.toString());
        env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7REALKEY");
        env.put("AWS_SECRET_ACCESS_KEY", "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");
        env.put("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEREALTOKEN");
        env.put("AWS_PROFILE", "production");
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "https://dynamodb.eu-west-1.amazonaws.com");

        String out = ForkedJvm.run(SafetyProbe.class, env);

        assertThat(out)
                .as("what the forked JVM printed")
                .contains("ACCESS_KEY=workshop")
                .contains("REGION=us-east-1")
                .contains("LEARNER_CLIENT=reached http://127.0.0.1:")
                .contains("ROGUE=The workshop refused a call to https://dynamodb.example.invalid")
                .doesNotContain("AKIA")
                .doesNotContain("ROGUE=reached");
    }
}
