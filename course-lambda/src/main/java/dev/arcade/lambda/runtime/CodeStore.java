package dev.arcade.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The deployment packages the kit saw in CreateFunction and UpdateFunctionCode requests, each
 * extracted once into a folder of its own (its task root, {@code /var/task} on AWS), found by its
 * {@code CodeSha256} (the package's SHA-256, base64, as Lambda reports it).
 */
public final class CodeStore implements AutoCloseable {

    private final Path root;
    private final Map<String, Path> packages = new ConcurrentHashMap<>();

    /**
     * @param root the folder under which packages are extracted (deleted on {@link #close()})
     */
    public CodeStore(Path root) {
        this.root = root;
    }

    /**
     * Keeps a deployment package.
     *
     * @param zip the package: a .zip or .jar file's bytes
     * @return its CodeSha256
     * @throws IllegalArgumentException when the bytes are not a zip file, in Lambda's words
     */
    public String put(byte[] zip) {
        String sha = sha256(zip);
        packages.computeIfAbsent(sha, key -> extract(zip));
        return sha;
    }

    /** The task root of a package, if the kit saw it deployed. */
    public Optional<Path> taskRoot(String codeSha256) {
        return Optional.ofNullable(packages.get(codeSha256));
    }

    /** The CodeSha256 of a package, as Lambda computes it: SHA-256 of the bytes, base64. */
    public static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path extract(byte[] zip) {
        try {
            Files.createDirectories(root);
            Path target = Files.createTempDirectory(root, "task-");
            int entries = 0;
            try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    entries++;
                    Path file = target.resolve(entry.getName()).normalize();
                    if (!file.startsWith(target)) {
                        throw new IllegalArgumentException(
                                "Could not unzip uploaded file. Please check your file, then try to upload again.");
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                    } else {
                        Files.createDirectories(file.getParent());
                        copy(in, file);
                    }
                }
            }
            if (entries == 0) {
                throw new IllegalArgumentException(
                        "Could not unzip uploaded file. Please check your file, then try to upload again.");
            }
            return target;
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Could not unzip uploaded file. Please check your file, then try to upload again.", e);
        }
    }

    private static void copy(InputStream in, Path file) throws IOException {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        packages.clear();
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
