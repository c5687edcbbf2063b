package io.newspipe.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds an installed JDK of at least a given feature version (Apicurio Registry 3 needs 21+). */
public final class JavaHomes {

    public static final String ENV_OVERRIDE = "NEWSPIPE_REGISTRY_JAVA_HOME";

    private JavaHomes() {
    }

    /** The {@code java} executable of a JDK ≥ {@code minVersion}, or empty. Candidates are searched newest first. */
    public static Optional<Path> findJava(int minVersion) {
        List<Path> candidates = new ArrayList<>();
        addEnv(candidates, ENV_OVERRIDE);
        addEnv(candidates, "JAVA_HOME");
        candidates.add(Path.of(System.getProperty("java.home")));
        for (String root : List.of("/usr/lib/jvm", "/usr/java", "/opt/java", "/opt",
                System.getProperty("user.home") + "/.sdkman/candidates/java",
                System.getProperty("user.home") + "/.jdks", "/Library/Java/JavaVirtualMachines")) {
            Path dir = Path.of(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.forEach(p -> {
                        candidates.add(p);
                        candidates.add(p.resolve("Contents/Home"));
                    });
                } catch (IOException ignored) {
                    // unreadable folder: skip it
                }
            }
        }
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> version(home) >= minVersion)
                .max(Comparator.comparingInt(JavaHomes::version).thenComparing(home -> !home.equals(
                        candidates.get(0))))
                .map(home -> home.resolve("bin/java"));
    }

    private static void addEnv(List<Path> candidates, String name) {
        String v = System.getenv(name);
        if (v != null && !v.isBlank()) {
            candidates.add(Path.of(v));
        }
    }

    /** Feature version from the JDK's {@code release} file, or 0 when unknown. */
    static int version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "").trim();
                    String first = v.split("[.+-]")[0];
                    int feature = Integer.parseInt(first);
                    return feature == 1 ? Integer.parseInt(v.split("\\.")[1]) : feature;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // unreadable or odd release file
        }
        return 0;
    }
}
