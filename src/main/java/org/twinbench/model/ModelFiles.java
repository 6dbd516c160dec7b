package org.twinbench.model;

import java.nio.file.Path;
import java.util.Locale;

/** Opens a model file by its extension: {@code .twinmodel} bundles and {@code .onnx} models. */
public final class ModelFiles {

    private ModelFiles() {
    }

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
}
