package dev.arcade.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Exercise 3.3: packages the module's compiled code as a Lambda deployment package, creates the
 * function from it, and invokes it through the Lambda API, as a build pipeline does.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/java-package.html">Deploy Java Lambda
 *     functions with .zip or JAR file archives</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html">CreateFunction</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html">Invoke</a>
 */
public final class Deployment {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Deployment() {}

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    /**
     * Builds a .zip deployment package in the layout of the Java runtime: every file of
     * {@code classesFolder} (class files and resources) at the root of the zip under its path relative
     * to that folder ({@code dev/arcade/functions/HealthHandler.class}), with {@code /} as the separator,
     * and each library jar, unchanged, as {@code lib/JAR_FILE_NAME}.
     *
     * @param classesFolder a folder of compiled classes and resources, such as {@code target/classes}
     * @param libraries the jars the code needs at run time
     * @return the zip's bytes
     * @throws IOException when a file cannot be read
     */
    public static byte[] deploymentPackage(Path classesFolder, List<Path> libraries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
                Stream<Path> files = Files.walk(classesFolder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                add(zip, classesFolder.relativize(file).toString().replace('\\', '/'), file);
            }
            for (Path jar : libraries) {
                add(zip, "lib/" + jar.getFileName(), jar);
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Creates the function of the given {@link HealthHandler} from {@code zip}: runtime {@code java21},
     * the handler string of {@link HealthHandler}, the execution role {@code roleArn}, 512 MB of memory,
     * a 10 second timeout and the environment variable {@code TABLE_NAME}; and returns only once the
     * function is {@code Active} (a new function is {@code Pending} first, and invoking it then fails
     * with {@code ResourceConflictException}).
     *
     * @param lambda the Lambda client to use
     * @param functionName the new function's name
     * @param roleArn the execution role's ARN
     * @param zip the deployment package, at most 50 MB
     * @param tableName the value of {@code TABLE_NAME}
     * @return the function's ARN, {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}
     * @throws software.amazon.awssdk.services.lambda.model.ResourceConflictException when the function exists
     * @throws software.amazon.awssdk.core.waiters.WaiterUnrecoverableException when it fails to become Active
     */
    public static String deploy(
            LambdaClient lambda, String functionName, String roleArn, byte[] zip, String tableName) {
        String arn = lambda.createFunction(b -> b.functionName(functionName)
                        .runtime(Runtime.JAVA21)
                        .handler(HealthHandler.class.getName() + "::handleRequest")
                        .role(roleArn)
                        .memorySize(512)
                        .timeout(10)
                        .environment(e -> e.variables(java.util.Map.of("TABLE_NAME", tableName)))
                        .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))))
                .functionArn();
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(functionName));
        return arn;
    }

    /**
     * Invokes the function synchronously ({@code RequestResponse}) with {@code payloadJson} and returns
     * its answer. A function error is not an exception of the SDK: Invoke answers 200 with the
     * {@code FunctionError} header set and the error document as payload; this method throws then.
     *
     * @param lambda the Lambda client to use
     * @param functionName the function's name or ARN
     * @param payloadJson the event, a JSON document
     * @return the function's answer, the JSON text its handler wrote
     * @throws IllegalStateException when the function failed, with the error's {@code errorType} and
     *     {@code errorMessage} in its message
     */
    public static String invoke(LambdaClient lambda, String functionName, String payloadJson) {
        InvokeResponse response = lambda.invoke(
                b -> b.functionName(functionName).payload(SdkBytes.fromString(payloadJson, StandardCharsets.UTF_8)));
        String answer = response.payload().asUtf8String();
        if (response.functionError() != null) {
            String type = "";
            String message = answer;
            try {
                JsonNode error = JSON.readTree(answer);
                type = error.path("errorType").asText();
                message = error.path("errorMessage").asText();
            } catch (IOException e) {
                // not a JSON error document: report the payload as it is
            }
            throw new IllegalStateException(
                    functionName + " failed (" + response.functionError() + "): " + type + ": " + message);
        }
        return answer;
    }
}
