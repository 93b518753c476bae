package dev.arcade.functions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.lambda.LambdaClient;
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

    private Deployment() {}

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
        throw new UnsupportedOperationException("TODO 3.3: zip the classes folder's files at the root and each library as lib/NAME.jar");
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
    public static String deploy(LambdaClient lambda, String functionName, String roleArn, byte[] zip, String tableName) {
        throw new UnsupportedOperationException(
                "TODO 3.3: create the java21 function (handler, role, 512 MB, 10 s, TABLE_NAME) and wait until it is Active");
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
        throw new UnsupportedOperationException(
                "TODO 3.3: invoke the function and return its answer, or throw when FunctionError is set");
    }
}
