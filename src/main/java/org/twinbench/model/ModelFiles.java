package org.twinbench.model;

import java.nio.file.Path;
import java.util.Locale;

/** Opens a model file by its extension: {@code .twinmodel} bundles and {@code .onnx} models. */
public final class ModelFiles {

    private ModelFiles() {
    }

    /** A binary classifier; a bundle or ONNX model of another task is refused (see {@link ModelBundle#read}). */
    public static BinaryClassifier load(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".twinmodel")) {
            return ModelBundle.read(file);
        }
        if (name.endsWith(".onnx")) {
            return OnnxModel.load(file);
        }
        throw new ModelException(file + ": unknown kind of model; expected a .twinmodel bundle or an .onnx file");
    }

    /**
     * Releases what {@code model} holds (an ONNX runtime session); nothing to report when it cannot: the model was
     * opened only to be checked, or the run that used it has ended.
     */
    public static void closeQuietly(TaskModel model) {
        if (model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Releasing a session the user no longer uses has nothing the user could act on.
            }
        }
    }

    /** A model of any task: a {@code .twinmodel} bundle or an {@code .onnx} model of any task. */
    public static TaskModel loadAny(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".twinmodel")) {
            return ModelBundle.readModel(file);
        }
        return name.endsWith(".onnx") ? OnnxTaskModel.load(file) : load(file);
    }
}
