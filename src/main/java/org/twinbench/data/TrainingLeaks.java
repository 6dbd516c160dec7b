package org.twinbench.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The feature columns a model is not trained on because each alone gives its outcome away (the data-quality check
 * {@code leakage}: {@link DataQuality#leakage}), and the schema without them — the rule the {@code train} command and
 * the window's train dialog share. The table's own check judges the outcome by its values (two values: yes/no; else
 * {@link Task#of}); a model of another task (a yes/no column of 0/1 trained as amounts) is judged as trained too.
 */
public final class TrainingLeaks {

    /** The data-quality check whose findings name leaking columns. */
    public static final String CHECK = "leakage";

    private TrainingLeaks() {
    }

    /**
     * The leakage findings of {@code features} for {@code target} judged by its own values, as
     * {@link DataQuality#check} makes them: a yes/no check for two values, else the check of the task they call for.
     */
    static List<QualityFinding> byValues(Frame frame, String target, List<String> features) {
        Column label = frame.column(target);
        if (BinaryLabels.distinctValues(label).size() == 2) {
            return DataQuality.leakage(frame, target, features);
        }
        return Task.of(label).map(task -> DataQuality.leakage(frame, target, features, task)).orElse(List.of());
    }

    /**
     * The findings a model of {@code task} of {@code target} on {@code features} heeds: {@code checked} (the
     * table's {@link DataQuality#check}, which judged the outcome by its values) and, for a task that is not yes/no,
     * its own leakage check — each finding once.
     */
    public static List<QualityFinding> forTask(Frame frame, String target, List<String> features, Task task,
                                               List<QualityFinding> checked) {
        List<QualityFinding> findings = new ArrayList<>(checked);
        if (task != Task.BINARY) {
            for (QualityFinding leak : DataQuality.leakage(frame, target, features, task)) {
                if (findings.stream().noneMatch(f -> f.message().equals(leak.message()))) {
                    findings.add(leak);
                }
            }
        }
        return findings;
    }

    /** As {@link #forTask(Frame, String, List, Task, List)}, with only the leakage checks made (not the table's others). */
    public static List<QualityFinding> forTask(Frame frame, String target, List<String> features, Task task) {
        return forTask(frame, target, features, task, byValues(frame, target, features));
    }

    /** The columns the {@value #CHECK} findings among {@code findings} name, each once, in order. */
    public static List<String> columns(List<QualityFinding> findings) {
        Set<String> out = new LinkedHashSet<>();
        findings.stream().filter(f -> f.check().equals(CHECK)).forEach(f -> out.addAll(f.columns()));
        return List.copyOf(out);
    }

    /** The {@code features} the {@value #CHECK} findings among {@code findings} name (not the outcome), in order. */
    public static List<String> columns(List<QualityFinding> findings, List<String> features) {
        return columns(findings).stream().filter(features::contains).toList();
    }

    /** {@code schema} with the {@code leaked} features ignored, {@code reason} given for each. */
    public static Schema without(Schema schema, List<String> leaked, String reason) {
        List<ColumnSchema> columns = new ArrayList<>();
        for (ColumnSchema column : schema.columns()) {
            boolean leak = leaked.contains(column.name()) && column.role() == ColumnRole.FEATURE;
            columns.add(leak ? column.withRole(ColumnRole.IGNORE, reason) : column);
        }
        return new Schema(columns);
    }
}
