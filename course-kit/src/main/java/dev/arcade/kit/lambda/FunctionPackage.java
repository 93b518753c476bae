package dev.arcade.kit.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a Lambda deployment package (a .zip file archive, "Deploy Java Lambda functions with .zip or
 * JAR file archives"): compiled classes at the root, libraries as {@code lib/*.jar}. The kit's runtime
 * runs exactly what is in the package, so a class left out fails at invoke time as on AWS.
 *
 * <pre>{@code
 * byte[] zip = FunctionPackage.builder()
 *         .packageOf(SubmitScoreHandler.class)      // the handler and its package's classes
 *         .awsSdkFor(DynamoDbClient.class)          // the service's SDK jar and the SDK's core jars
 *         .lambdaEvents()                           // aws-lambda-java-events and joda-time
 *         .zip();
 * }</pre>
 */
public final class FunctionPackage {

    /** The SDK artifacts every service client needs (SDK 2.57.8), with the URL connection HTTP client. */
    private static final Set<String> SDK_CORE = Set.of(
            "annotations",
            "arns",
            "auth",
            "aws-core",
            "aws-json-protocol",
            "aws-query-protocol",
            "aws-xml-protocol",
            "checksums",
            "checksums-spi",
            "endpoints-spi",
            "http-auth",
            "http-auth-aws",
            "http-auth-aws-eventstream",
            "http-auth-spi",
            "http-client-spi",
            "identity-spi",
            "json-utils",
            "metrics-spi",
            "profiles",
            "protocol-core",
            "regions",
            "retries",
            "retries-spi",
            "sdk-core",
            "smithy-rpcv2-protocol",
            "third-party-jackson-core",
            "third-party-jackson-dataformat-cbor",
            "url-connection-client",
            "utils",
            "utils-lite");

    private FunctionPackage() {}

    /** A new, empty package. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the package's entries. */
    public static final class Builder {
        private final Map<String, Path> files = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds classes, each with its nested, inner and anonymous classes.
         *
         * @throws IllegalArgumentException when a class was not loaded from a folder of class files
         */
        public Builder classes(Class<?>... types) {
            for (Class<?> type : types) {
                Path root = classesFolderOf(type);
                String path = type.getName().replace('.', '/');
                Path folder = root.resolve(path).getParent();
                String simple = path.substring(path.lastIndexOf('/') + 1);
                try (Stream<Path> entries = Files.list(folder)) {
                    entries.filter(file -> {
                                String name = file.getFileName().toString();
                                return name.equals(simple + ".class") || name.startsWith(simple + "$");
                            })
                            .forEach(file ->
                                    files.put(root.relativize(file).toString().replace('\\', '/'), file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return this;
        }

        /** Adds every class of the package (folder) that {@code type} is in, not its subpackages. */
        public Builder packageOf(Class<?> type) {
            Path root = classesFolderOf(type);
            Path folder = root.resolve(type.getName().replace('.', '/')).getParent();
            try (Stream<Path> entries = Files.list(folder)) {
                entries.filter(file -> file.toString().endsWith(".class"))
                        .forEach(file ->
                                files.put(root.relativize(file).toString().replace('\\', '/'), file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** Adds the jar that {@code type} was loaded from as {@code lib/NAME.jar}. */
        public Builder library(Class<?> type) {
            Path jar = locationOf(type);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(type.getName() + " was not loaded from a jar but from " + jar);
            }
            files.put("lib/" + jar.getFileName(), jar);
            return this;
        }

        /**
         * Adds aws-lambda-java-events and its one dependency, joda-time, as a build tool that bundles
         * dependencies (Maven Shade, the Gradle zip task of the Lambda guide) would: the Java runtime's
         * serializer loads {@code org.joda.time.DateTime} from the package for the S3, SNS, DynamoDB,
         * API Gateway and other events that carry times, and fails with ClassNotFoundException without it.
         */
        public Builder lambdaEvents() {
            library(com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.class);
            library(org.joda.time.DateTime.class);
            return this;
        }

        /**
         * Adds what a client of one AWS service needs: the service's jar (the one {@code clientType}
         * is in) and the SDK's core jars with the URL connection HTTP client, from this JVM's class
         * path.
         */
        public Builder awsSdkFor(Class<?> clientType) {
            library(clientType);
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path jar = Paths.get(entry);
                String text = jar.toString().replace('\\', '/');
                boolean core = text.contains("/software/amazon/awssdk/")
                        && SDK_CORE.contains(
                                jar.getParent().getParent().getFileName().toString());
                boolean dependency = text.contains("/org/reactivestreams/") || text.contains("/org/slf4j/slf4j-api/");
                if ((core || dependency) && Files.isRegularFile(jar)) {
                    files.put("lib/" + jar.getFileName(), jar);
                }
            }
            return this;
        }

        /** Adds one file under a path in the package (a resource, a properties file). */
        public Builder file(String pathInPackage, Path file) {
            files.put(pathInPackage, file);
            return this;
        }

        /** The paths in the package so far, in order. */
        public List<String> entries() {
            return new ArrayList<>(files.keySet());
        }

        /** The package's bytes: a zip with every entry stored, as quick to write as to read. */
        public byte[] zip() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, Path> file : files.entrySet()) {
                    byte[] content = Files.readAllBytes(file.getValue());
                    ZipEntry entry = new ZipEntry(file.getKey());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setCrc(crc.getValue());
                    entry.setTime(0);
                    zip.putNextEntry(entry);
                    zip.write(content);
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    private static Path classesFolderOf(Class<?> type) {
        Path location = locationOf(type);
        if (!Files.isDirectory(location)) {
            throw new IllegalArgumentException(
                    type.getName() + " was loaded from " + location + ", not from a folder of compiled classes");
        }
        return location;
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Paths.get(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }
}
