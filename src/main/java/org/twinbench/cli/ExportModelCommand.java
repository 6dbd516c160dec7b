package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.OnnxExport;
import org.twinbench.model.TaskModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export-model}: writes a {@code .twinmodel} bundle as an ONNX model ({@link OnnxExport}) plus its
 * {@code .onnx.json} mapping, for deployment elsewhere or for {@code score --model M.onnx}.
 */
@Command(name = "export-model", mixinStandardHelpOptions = true,
        description = "Export a .twinmodel bundle as an ONNX model (ai.onnx.ml operators) and its .onnx.json mapping.")
public final class ExportModelCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "M", description = "A .twinmodel bundle of any task.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "M.onnx",
            description = "Where to write the ONNX model; the mapping goes to M.onnx.json beside it.")
    Path out;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            throw new UserInputException(out + ": --out must name an .onnx file");
        }
        OutputPaths.refuseInputs("--out", out, List.of(model));
        OutputPaths.refuseInputs("--out", Path.of(out + ".json"), List.of(model));
        TaskModel loaded = ModelBundle.readModel(model);
        OnnxExport.write(loaded, out);
        PrintWriter printer = json.out();
        if (json.enabled()) {
            ObjectNode root = Json.object();
            root.put("model", model.toString());
            root.put("out", out.toString());
            root.put("mapping", out + ".json");
            root.put("task", loaded.task().id());
            root.put("algorithm", loaded.card().algorithm());
            root.put("inputs", OnnxExport.inputs(loaded).size());
            json.print(root);
        } else {
            printer.printf(Locale.ROOT, "wrote %s (%s %s model; inputs %s) and %s.json%n", out,
                    loaded.card().algorithm(), loaded.task().id(), String.join(", ", OnnxExport.inputs(loaded)), out);
        }
        printer.flush();
        return TwinBenchCommand.OK;
    }
}
