package org.twinbench.scenario;

import static org.twinbench.scenario.CatalogParams.BATCH_IN;
import static org.twinbench.scenario.CatalogParams.BATCH_OUT;
import static org.twinbench.scenario.CatalogParams.optional;
import static org.twinbench.scenario.CatalogParams.perturbation;
import static org.twinbench.scenario.CatalogParams.required;
import static org.twinbench.scenario.CatalogParams.share;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.COLUMN;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.COLUMNS;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.NUMBER;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.TEXT;

import java.util.List;

/**
 * The "Perturbations" group. Each acts with a schedule (its intensity per step) and may be limited
 * to one slice of the rows.
 */
final class PerturbationNodes {

    static final List<NodeType> TYPES = List.of(
            type(NodeCatalog.COVARIATE_SHIFT, "Covariate shift",
                    "Scales and shifts a numeric feature (x becomes x * scale + shift at full intensity), or "
                            + "resamples whole rows with weights exp(tilt * z) of the feature's z-score, so the "
                            + "other columns keep their relationship to it",
                    withResampling(perturbation(
                            required("column", COLUMN, "Numeric feature to change").numeric(),
                            optional("scale", NUMBER, 1.0, "shift-scale: factor at full intensity"),
                            optional("shift", NUMBER, 0.0, "shift-scale: amount added at full intensity")))),
            type(NodeCatalog.CATEGORY_MIX, "Category mix shift",
                    "A segment grows, or a new category appears, in a categorical column",
                    perturbation(
                            required("column", COLUMN, "Categorical column").categorical(),
                            required("category", TEXT, "The growing (or new) category"),
                            share("share", 0.25, "Share of rows moved into it at full intensity"))),
            type(NodeCatalog.PRIOR_SHIFT, "Prior (label) shift",
                    "Resamples rows by class so the positive rate moves to a target; P(x | class) stays as it was",
                    perturbation(share("positive_rate", 0.5, "Share of positive labels at full intensity"),
                            optional("class_shares", TEXT, null, "Multiclass: 'class:share' pairs, comma-separated: "
                                    + "each listed class's share of the labels at full intensity; the other classes "
                                    + "share the rest in proportion to their own shares"),
                            optional("amount_shift", NUMBER, null, "Regression: rows are resampled by their amount "
                                    + "so that its mean moves by this many standard deviations of the reference "
                                    + "amounts at full intensity"))),
            type(NodeCatalog.CONCEPT_DRIFT, "Concept drift in a region",
                    "The label rule changes where a numeric feature lies in [from, to]: labels there are reversed",
                    perturbation(
                            required("column", COLUMN, "Numeric feature that defines the region").numeric(),
                            optional("from", NUMBER, null, "Lower end of the region (absent: no lower end)"),
                            optional("to", NUMBER, null, "Upper end of the region (absent: no upper end)"),
                            share("flip_share", 1.0, "Share of the region's rows whose label reverses at full intensity"),
                            flipMap(), noiseSd())),
            type(NodeCatalog.GAUSSIAN_NOISE, "Gaussian noise",
                    "Adds normal noise with standard deviation sd (times the intensity) to numeric features",
                    perturbation(
                            required("columns", COLUMNS, "Numeric features").numeric(),
                            optional("sd", NUMBER, 1.0, "Standard deviation of the noise at full intensity")
                                    .range(0.0, null))),
            type(NodeCatalog.LABEL_NOISE, "Label noise",
                    "Reverses each row's label with a given probability (annotation errors)",
                    perturbation(share("rate", 0.1, "Probability that a label is reversed at full intensity"),
                            flipMap(), noiseSd())),
            type(NodeCatalog.MISSING_VALUES, "Missing values",
                    "Blanks cells completely at random (mcar), or a whole column from the start step (pipeline break)",
                    perturbation(
                            required("columns", COLUMNS, "Columns that lose values"),
                            optional("mode", TEXT, "mcar", "mcar: each cell with probability rate; "
                                    + "pipeline-break: every cell while the schedule is on").oneOf("mcar", "pipeline-break"),
                            share("rate", 0.2, "Probability that a cell goes missing (mcar) at full intensity"))),
            type(NodeCatalog.SCALE_BUG, "Unit / scale bug",
                    "A feature arrives in the wrong unit, e.g. multiplied by 1000, in a share of rows equal to the intensity",
                    perturbation(
                            required("column", COLUMN, "Numeric feature").numeric(),
                            optional("factor", NUMBER, 1000.0, "What the bug multiplies the value by"))),
            type(NodeCatalog.OUTLIERS, "Outlier injection",
                    "Moves a share of a numeric feature's values far out: x ± magnitude standard deviations of the batch",
                    perturbation(
                            required("column", COLUMN, "Numeric feature").numeric(),
                            share("rate", 0.02, "Share of rows that become outliers at full intensity"),
                            optional("magnitude", NUMBER, 10.0, "Distance in standard deviations").range(0.0, null))),
            type(NodeCatalog.POISONING, "Training-data poisoning",
                    "Corrupts only the rows a retrain policy learns from: label flips (in a slice) or a backdoor trigger",
                    perturbation(
                            optional("mode", TEXT, "label-flip", "label-flip: reverse labels; backdoor: set the "
                                    + "trigger feature and label the row negative").oneOf("label-flip", "backdoor"),
                            share("rate", 0.2, "Share of training rows poisoned at full intensity"),
                            optional("trigger_column", COLUMN, null, "Backdoor: numeric feature that carries the trigger")
                                    .numeric(),
                            optional("trigger_value", NUMBER, 0.0, "Backdoor: the trigger value"),
                            optional("target_class", TEXT, null, "Backdoor, multiclass: the class poisoned rows are "
                                    + "labelled with"),
                            optional("amount_shift", NUMBER, null, "Backdoor, regression: poisoned rows' amounts move "
                                    + "by this many standard deviations of the reference amounts"),
                            flipMap(), noiseSd())),
            type(NodeCatalog.BOUNDARY_SEEKING, "Boundary seeking",
                    "Moves each row toward the model's decision boundary, every listed feature by at most max_shift "
                            + "of its reference standard deviation (times the intensity); a row that can cross within "
                            + "that is moved to just where its decision flips",
                    perturbation(
                            required("columns", COLUMNS, "Numeric features that may move").numeric(),
                            optional("max_shift", NUMBER, 0.5, "Largest move of each feature at full intensity, in "
                                    + "its reference standard deviations").range(0.0, null))));

    private PerturbationNodes() {
    }

    /**
     * The covariate shift's resampling mode, listed after the common parameters (schedule, slice) so
     * that the familiar shift/scale form keeps its layout.
     */
    private static List<NodeType.ParamSpec> withResampling(List<NodeType.ParamSpec> params) {
        List<NodeType.ParamSpec> all = new java.util.ArrayList<>(params);
        all.add(optional("mode", TEXT, "shift-scale", "shift-scale: change the values; resample: "
                + "importance-resample whole rows by the feature").oneOf("shift-scale", "resample"));
        all.add(optional("tilt", NUMBER, null, "resample: λ of the weights exp(λ z), z the feature's z-score in "
                + "the batch; for a normal feature the mean moves by λ standard deviations"));
        all.add(optional("mean_shift", NUMBER, null, "resample: move the feature's mean by this much (in its "
                + "units) at full intensity; the tilt is solved per batch"));
        return List.copyOf(all);
    }

    /** A multiclass model's label flips: which class each class's labels become. */
    private static NodeType.ParamSpec flipMap() {
        return optional("flip_map", TEXT, null, "Multiclass: 'from:to' pairs, comma-separated (a changed label of "
                + "'from' becomes 'to', other classes keep theirs); absent: another class, each equally likely");
    }

    /** A regression's label noise, in the reference amounts' standard deviations. */
    private static NodeType.ParamSpec noiseSd() {
        return optional("noise_sd", NUMBER, 1.0, "Regression: a changed amount gets normal noise of this many "
                + "standard deviations of the reference amounts").range(0.0, null);
    }

    private static NodeType type(String type, String title, String description, List<NodeType.ParamSpec> params) {
        return new NodeType(type, "Perturbations", title, description, params, List.of(BATCH_IN), List.of(BATCH_OUT));
    }
}
