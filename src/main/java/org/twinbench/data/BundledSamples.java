package org.twinbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The sample files packaged on the class path under {@code sample-data/}. The GUI works on copies in
 * the user's data folder, so that relative paths inside a scenario resolve as they do on disk.
 */
public final class BundledSamples {

    public static final List<String> FILES = List.of("loans.csv", "churn.csv", "loans-recession.twin.json",
            "loans-recession-retrain.twin.json", "churn-price-rise.twin.json", "sea-detectors.twin.json",
            "loans-logistic.onnx", "loans-logistic.onnx.json", "churn-logistic.onnx", "churn-logistic.onnx.json",
            "README.md",
            "demos/whose-accuracy.story.json", "demos/silent-decay.story.json", "demos/edge-or-cloud.story.json",
            "demos/cloud.twin.json", "demos/edge-quantized.twin.json", "demos/model-stealing.story.json",
            "demos/stealing-scores.twin.json", "demos/stealing-labels.twin.json", "demos/stealing-limited.twin.json",
            "loans-boosting.twinmodel", "demos/small-student.story.json", "demos/edge-teacher.twin.json",
            "demos/edge-student.twin.json");

    /** The bundled demo stories, relative to the samples folder. */
    public static final List<String> STORIES = stories();

    private BundledSamples() {
    }

    /**
     * The stories among {@link #FILES}, found without a lambda: the launcher reads {@link #userDirectory()} before it
     * starts the window's JVM ({@code ui.StartupArchive}), and a first lambda there costs tens of milliseconds.
     */
    private static List<String> stories() {
        java.util.ArrayList<String> stories = new java.util.ArrayList<>();
        for (String file : FILES) {
            if (file.endsWith(".story.json")) {
                stories.add(file);
            }
        }
        return List.copyOf(stories);
    }

    /** Copies any bundled sample missing from {@code dir} there and returns {@code dir}. */
    public static Path extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : FILES) {
            Path target = dir.resolve(name);
            if (Files.exists(target)) {
                continue;
            }
            try (InputStream in = BundledSamples.class.getResourceAsStream("/sample-data/" + name)) {
                if (in == null) {
                    throw new IOException("sample file '" + name + "' is missing from the application");
                }
                AtomicFiles.write(target, (java.io.OutputStream out) -> in.transferTo(out));
            }
        }
        return dir;
    }

    /**
     * The user's TwinBench folder: the system property {@code twinbench.home}, else the environment
     * variable {@code TWINBENCH_HOME}, else {@code ~/.twinbench}.
     */
    public static Path userDirectory() {
        String property = System.getProperty("twinbench.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String override = System.getenv("TWINBENCH_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".twinbench");
    }
}
