package org.twinbench.sim.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.FeatureEncoder;
import org.twinbench.model.ModelCard;
import org.twinbench.model.MulticlassClassifier;
import org.twinbench.model.Regressor;
import org.twinbench.model.Surrogate;
import org.twinbench.model.TaskModel;
import org.twinbench.model.TreeStudent;
import org.twinbench.sim.Deployment;
import org.twinbench.sim.Seeds;
import org.twinbench.sim.StepOutput;

/**
 * Model extraction through a deployment (docs/attacks.md): each step the attacker sends {@code budget} queries
 * (of which the deployment answers {@link Deployment#admitted}), drawn from the reference rows or uniformly
 * within each feature's reference range, keeps every answer it has had, and refits its copy on all of them. The
 * copy ({@code surrogate}) is a {@link Surrogate} logistic regression or a {@link TreeStudent} regression tree of
 * {@code depth} levels, one per answered column: the positive class's score of a binary model, each class's
 * probability of a multiclass one (one against the rest; the copy decides for the class scored highest). It is
 * measured on the step's rows, which it never queried: {@code <id>.fidelity} is the share whose decision the copy
 * gives as the deployed model does, {@code <id>.surrogate_accuracy} the share of labelled rows it gets right,
 * {@code <id>.queries} the answers it has had so far. A model of amounts answers its amount and is copied by a
 * ridge regression or a tree; its {@code <id>.fidelity} is the R² of the copy's amounts against the model's, with
 * {@code <id>.fidelity_mae} and the copy's {@code <id>.surrogate_mae} against the labels. The attacker knows the
 * model's input columns (the API's
 * request format) and has data like the reference rows to learn their ranges from.
 */
public final class Extraction implements Attack {

    /** Where the attacker's queries come from. */
    public enum Queries {
        /** Rows drawn with replacement from the reference rows. */
        REFERENCE,
        /** Each numeric feature uniform within its reference range; each category uniform over the reference's. */
        UNIFORM;

        public static Queries of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** What the attacker's copy is. */
    public enum Copy {
        /** A logistic regression per answered column ({@link Surrogate}). */
        LOGISTIC,
        /** A regression tree per answered column ({@link TreeStudent}). */
        TREE,
        /** A ridge regression of the answered amounts of a model of amounts ({@link Surrogate#fitRidge}). */
        RIDGE;

        public static Copy of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    private final String nodeId;
    private final int budget;
    private final Queries queries;
    private final Copy copy;
    private final int depth;
    private final Deployment deployment;
    private final double threshold;
    private final Frame reference;
    private final List<String> features;
    private final FeatureEncoder encoder;
    private final long seed;

    public Extraction(String nodeId, int budget, Queries queries, Deployment deployment, double threshold,
                      Frame reference, List<String> features, long seed) {
        this(nodeId, budget, queries, Copy.LOGISTIC, 0, deployment, threshold, reference, features, seed);
    }

    /** An attacker whose copy is {@code copy} (a tree of at most {@code depth} levels). */
    public Extraction(String nodeId, int budget, Queries queries, Copy copy, int depth, Deployment deployment,
                      double threshold, Frame reference, List<String> features, long seed) {
        this.nodeId = nodeId;
        this.budget = budget;
        this.queries = queries;
        this.copy = copy;
        this.depth = depth;
        this.deployment = deployment;
        this.threshold = threshold;
        this.reference = reference;
        this.features = List.copyOf(features);
        this.encoder = FeatureEncoder.fit(reference, features);
        this.seed = seed;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public Run start() {
        return new Attacker();
    }

    /** {@code n} queries: the reference rows' columns, the features redrawn when the queries are uniform. */
    Frame draw(int n, SplittableRandom random) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = random.nextInt(reference.rowCount());
        }
        Frame drawn = reference.select(rows);
        if (queries == Queries.REFERENCE) {
            return drawn;
        }
        for (String feature : features) {
            Column column = reference.column(feature);
            if (column instanceof NumericColumn numeric) {
                double[] present = numeric.presentValues();
                double low = Arrays.stream(present).min().orElse(0);
                double high = Arrays.stream(present).max().orElse(0);
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = low + (high - low) * random.nextDouble();
                }
                drawn = drawn.with(numeric.withValues(values));
            } else {
                CategoricalColumn categorical = (CategoricalColumn) column;
                int[] used = Arrays.stream(categorical.codes()).filter(c -> c >= 0).distinct().sorted().toArray();
                int[] codes = new int[n];
                for (int i = 0; i < n; i++) {
                    codes[i] = used.length == 0 ? CategoricalColumn.MISSING : used[random.nextInt(used.length)];
                }
                drawn = drawn.with(categorical.withCodes(codes));
            }
        }
        return drawn;
    }

    /**
     * The deployed model's answer columns for {@code rows}: the positive score, every class's probability, or the
     * amount of a model of amounts.
     */
    private static double[][] outputs(TaskModel model, Frame rows) {
        if (model instanceof BinaryClassifier binary) {
            return new double[][] {binary.scorePositive(rows)};
        }
        if (model instanceof Regressor regressor) {
            return new double[][] {regressor.predict(rows)};
        }
        double[][] byRow = ((MulticlassClassifier) model).probabilities(rows);
        int classes = byRow.length == 0 ? ((MulticlassClassifier) model).classes().size() : byRow[0].length;
        double[][] out = new double[classes][byRow.length];
        for (int i = 0; i < byRow.length; i++) {
            for (int c = 0; c < classes; c++) {
                out[c][i] = byRow[i][c];
            }
        }
        return out;
    }

    /** The true amounts of {@code rows} (NaN where missing or absent). */
    private static double[] amounts(TaskModel deployed, Frame rows) {
        String target = deployed.card().target();
        if (!rows.has(target)) {
            double[] none = new double[rows.rowCount()];
            Arrays.fill(none, Double.NaN);
            return none;
        }
        return org.twinbench.sim.LabelCodec.amounts(rows.column(target));
    }

    /** Each row's decision from answer columns: at or above {@code cut} for one column, else the highest. */
    private static int[] decisions(double[][] columns, double cut) {
        int n = columns.length == 0 ? 0 : columns[0].length;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (columns.length == 1) {
                out[i] = columns[0][i] >= cut ? 1 : 0;
                continue;
            }
            int best = 0;
            for (int c = 1; c < columns.length; c++) {
                best = columns[c][i] > columns[best][i] ? c : best;
            }
            out[i] = best;
        }
        return out;
    }

    /** The attacker of one run: every answer so far and the copy fitted on them. */
    private final class Attacker implements Run {
        private final List<double[]> asked = new ArrayList<>();
        private double[][] answers;
        private double[][] weights;

        @Override
        public void step(int step, TaskModel deployed, Frame rows, int[] labels, StepOutput out) {
            Frame sent = draw(deployment.admitted(budget), Seeds.random(seed, nodeId, out.replicate(), step));
            double[][] answered = deployment.answer(outputs(deployed, sent), threshold);
            int before = asked.size();
            asked.addAll(Arrays.asList(encoder.encode(sent)));
            if (answers == null) {
                answers = new double[answered.length][0];
                weights = new double[answered.length][];
            }
            for (int c = 0; c < answers.length; c++) {
                answers[c] = Arrays.copyOf(answers[c], asked.size());
                System.arraycopy(answered[c], 0, answers[c], before, answered[c].length);
            }
            double[][] x = asked.toArray(new double[0][]);
            double[][] encoded = encoder.encode(rows);
            double[][] copied = new double[answers.length][];
            for (int c = 0; c < answers.length; c++) {
                copied[c] = switch (copy) {
                    case TREE -> tree(x, answers[c]).score(encoded);
                    case RIDGE -> Surrogate.predictLinear(encoded, Surrogate.fitRidge(x, answers[c],
                            Surrogate.EXACT_LAMBDA));
                    case LOGISTIC -> logistic(c, x, encoded);
                };
            }
            out.measure(nodeId + ".queries", asked.size());
            if (deployed instanceof Regressor regressor) {
                measureAmounts(copied[0], regressor.predict(rows), amounts(deployed, rows), out);
                return;
            }
            // Trained on 0/1 decisions a binary copy's boundary is at 0.5; on scores, at the threshold.
            int[] guess = decisions(copied, deployment.answers() == Deployment.Answers.LABEL ? 0.5 : threshold);
            int[] truth = decisions(outputs(deployed, rows), threshold);
            int agree = 0;
            int right = 0;
            int labelled = 0;
            for (int i = 0; i < guess.length; i++) {
                agree += guess[i] == truth[i] ? 1 : 0;
                if (labels[i] >= 0) {
                    labelled++;
                    right += guess[i] == labels[i] ? 1 : 0;
                }
            }
            out.measure(nodeId + ".fidelity", guess.length == 0 ? Double.NaN : (double) agree / guess.length);
            out.measure(nodeId + ".surrogate_accuracy", labelled == 0 ? Double.NaN : (double) right / labelled);
        }

        /**
         * A copy of a model of amounts: {@code <id>.fidelity} the R² of the copy's amounts against the deployed
         * model's on the step's rows (1 − Σ(copy − model)² / Σ(model − its mean)²), {@code <id>.fidelity_mae} their
         * mean absolute difference, {@code <id>.surrogate_mae} the copy's mean absolute error on the labelled rows.
         */
        private void measureAmounts(double[] copy, double[] model, double[] truth, StepOutput out) {
            double mean = 0;
            for (double v : model) {
                mean += v / model.length;
            }
            double residual = 0;
            double total = 0;
            double apart = 0;
            double error = 0;
            int labelled = 0;
            for (int i = 0; i < model.length; i++) {
                residual += (copy[i] - model[i]) * (copy[i] - model[i]);
                total += (model[i] - mean) * (model[i] - mean);
                apart += Math.abs(copy[i] - model[i]);
                if (!Double.isNaN(truth[i])) {
                    error += Math.abs(copy[i] - truth[i]);
                    labelled++;
                }
            }
            out.measure(nodeId + ".fidelity", model.length == 0 || total == 0 ? Double.NaN : 1 - residual / total);
            out.measure(nodeId + ".fidelity_mae", model.length == 0 ? Double.NaN : apart / model.length);
            out.measure(nodeId + ".surrogate_mae", labelled == 0 ? Double.NaN : error / labelled);
        }

        /** Column {@code c}'s logistic copy refitted from its last weights, scoring {@code encoded} rows. */
        private double[] logistic(int c, double[][] x, double[][] encoded) {
            boolean exact = deployment.answers() == Deployment.Answers.SCORE;
            weights[c] = Surrogate.fit(x, answers[c], exact ? Surrogate.EXACT_LAMBDA : Surrogate.LAMBDA, weights[c]);
            return Surrogate.score(encoded, weights[c]);
        }

        private TreeStudent tree(double[][] x, double[] target) {
            ModelCard card = new ModelCard(TreeStudent.ALGORITHM, "answer", "", features, "", x.length, Map.of());
            return TreeStudent.fit(encoder, card, x, target, depth, 1);
        }
    }
}
