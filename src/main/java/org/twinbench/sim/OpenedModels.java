package org.twinbench.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.model.ModelFiles;
import org.twinbench.model.TaskModel;

/**
 * The model files opened within one check or compile, each once: {@link ScenarioCheck} opens a file to
 * check it, and the compile that follows takes the same opened model instead of reading and parsing the
 * file again (an ONNX model's runtime session is the slow part). A file is the same while its path,
 * modification time and size are; one that changed in between is opened anew. Models taken are handed to
 * the plan at the end of a compile ({@link #handOver}); every other model, and one taken by a compile that
 * failed before its plan existed, is closed with this object.
 */
final class OpenedModels implements AutoCloseable {

    private record Key(Path file, long modified, long size) {
    }

    private final Map<Key, TaskModel> open = new LinkedHashMap<>();
    /** Models taken by a node, in the order taken: closed here unless handed over to a plan. */
    private final List<TaskModel> taken = new ArrayList<>();
    private int reads;

    /** The model of {@code file}, opened on the first call for it; this object keeps owning it. */
    TaskModel get(Path file) {
        Key key = key(file);
        TaskModel model = open.get(key);
        if (model == null) {
            model = ModelFiles.loadAny(file);
            reads++;
            open.put(key, model);
        }
        return model;
    }

    /**
     * The model of {@code file}, opened once already or now, for a node of the plan being compiled; it is
     * the plan's once {@link #handOver} gives it. A second take of the same file opens it anew (two nodes
     * never share one runtime session).
     */
    TaskModel take(Path file) {
        TaskModel model = get(file);
        open.values().remove(model);
        taken.add(model);
        return model;
    }

    /** The models taken so far, now owned by the plan they went into: this object no longer closes them. */
    PlanModels handOver() {
        PlanModels held = new PlanModels(taken);
        taken.clear();
        return held;
    }

    /** How many times a model file was read and parsed. */
    int reads() {
        return reads;
    }

    private static Key key(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return new Key(absolute, Files.getLastModifiedTime(absolute).toMillis(), Files.size(absolute));
        } catch (IOException e) {
            // Unreadable now: a key that matches nothing, so the loader reports the problem in its own words.
            return new Key(absolute, -1, -1);
        }
    }

    @Override
    public void close() {
        open.values().forEach(ModelFiles::closeQuietly);
        taken.forEach(ModelFiles::closeQuietly);
        open.clear();
        taken.clear();
    }
}
