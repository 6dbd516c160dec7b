package org.twinbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;

/**
 * No command writes over one of its own inputs: an output file, or a file a command writes into its
 * output folder, that is the same file as an input (compared by real path, so links, {@code ..} and
 * relative spellings are seen through) is refused before anything is read or written.
 */
final class OutputPaths {

    /** The files {@code run} and {@code runs export} write into their folder. */
    static final List<String> RUN_FILES = List.of("steps.csv", "alarms.csv", "reliability.csv", "run.json",
            "report.html", "sweep.csv", "scenario.twin.json");

    private OutputPaths() {
    }

    /** Refuses {@code out} (given with {@code option}) when it is one of {@code inputs}. */
    static void refuseInputs(String option, Path out, Collection<Path> inputs) {
        Path target = real(out);
        for (Path input : inputs) {
            if (input != null && real(input).equals(target)) {
                throw new UserInputException(out + ": " + option + " names an input of this command (" + input
                        + "); write the output elsewhere");
            }
        }
    }

    /** Refuses a folder {@code dir} whose files named {@code written} would include one of {@code inputs}. */
    static void refuseInputsIn(String option, Path dir, List<String> written, Collection<Path> inputs) {
        for (String name : written) {
            refuseInputs(option, dir.resolve(name), inputs);
        }
    }

    /** The files a scenario reads: its own file, and every node's {@code path} (with an ONNX model's sidecar). */
    static List<Path> scenarioInputs(Path scenarioFile, Scenario scenario) {
        Path base = scenarioFile.toAbsolutePath().getParent();
        List<Path> inputs = new ArrayList<>(List.of(scenarioFile));
        for (ScenarioNode node : scenario.nodes()) {
            Object path = node.params().get("path");
            if (path instanceof String text && !text.isBlank() && !text.contains("://") && text.indexOf('\0') < 0) {
                Path file = base.resolve(text);
                inputs.add(file);
                inputs.add(Path.of(file + ".json"));
            }
        }
        return inputs;
    }

    /**
     * The path with every link and {@code ..} resolved: the real path of the file, or, for a file not
     * written yet, the real path of the nearest existing folder above it with the rest appended.
     */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest);
        } catch (IOException e) {
            return absolute;
        }
    }
}
