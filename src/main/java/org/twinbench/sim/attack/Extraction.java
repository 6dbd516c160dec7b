package org.twinbench.sim.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.FeatureEncoder;
import org.twinbench.model.Surrogate;
import org.twinbench.model.TaskModel;
import org.twinbench.sim.Deployment;
import org.twinbench.sim.Seeds;
import org.twinbench.sim.StepOutput;

/**
 * Model extraction through a deployment (docs/attacks.md): each step the attacker sends {@code budget} queries
 * (of which the deployment answers {@link Deployment#admitted}), drawn from the reference rows or uniformly
 * within each feature's reference range, keeps every answer it has had, and refits a {@link Surrogate} on all of
 * them. It is measured on the step's rows, which it never queried: {@code <id>.fidelity} is the share whose
 * decision the surrogate gives as the deployed model does, {@code <id>.surrogate_accuracy} the share of labelled
 * rows it gets right, {@code <id>.queries} the answers it has had so far. The attacker knows the model's input
 * columns (the API's request format) and has data like the reference rows to learn their ranges from.
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

    private final String nodeId;
    private final int budget;
    private final Queries queries;
    private final Deployment deployment;
    private final double threshold;
    private final Frame reference;
    private final List<String> features;
    private final FeatureEncoder encoder;
    private final long seed;

    public Extraction(String nodeId, int budget, Queries queries, Deployment deployment, double threshold,
                      Frame reference, List<String> features, long seed) {
        this.nodeId = nodeId;
        this.budget = budget;
        this.queries = queries;
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

    /** The attacker of one run: every answer so far and the surrogate fitted on them. */
    private final class Attacker implements Run {
        private final List<double[]> asked = new ArrayList<>();
        private double[] answers = new double[0];
        private double[] weights;

        @Override
        public void step(int step, TaskModel deployed, Frame rows, int[] labels, StepOutput out) {
            BinaryClassifier model = (BinaryClassifier) deployed;
            Frame sent = draw(deployment.admitted(budget), Seeds.random(seed, nodeId, out.replicate(), step));
            double[] answered = deployment.answer(model.scorePositive(sent), threshold);
            double[][] x = encoder.encode(sent);
            int before = asked.size();
            asked.addAll(Arrays.asList(x));
            answers = Arrays.copyOf(answers, asked.size());
            System.arraycopy(answered, 0, answers, before, answered.length);
            Surrogate surrogate = Surrogate.fit(encoder, asked.toArray(new double[0][]), answers, weights,
                    deployment.answers() == Deployment.Answers.SCORE ? Surrogate.EXACT_LAMBDA : Surrogate.LAMBDA);
            weights = surrogate.weights();

            // Trained on 0/1 decisions the surrogate's own boundary is at 0.5; on scores, at the threshold.
            double cut = deployment.answers() == Deployment.Answers.LABEL ? 0.5 : threshold;
            double[] copy = surrogate.score(rows);
            double[] truth = model.scorePositive(rows);
            int agree = 0;
            int right = 0;
            int labelled = 0;
            for (int i = 0; i < copy.length; i++) {
                int guess = copy[i] >= cut ? 1 : 0;
                agree += guess == (truth[i] >= threshold ? 1 : 0) ? 1 : 0;
                if (labels[i] >= 0) {
                    labelled++;
                    right += guess == labels[i] ? 1 : 0;
                }
            }
            out.measure(nodeId + ".queries", asked.size());
            out.measure(nodeId + ".fidelity", copy.length == 0 ? Double.NaN : (double) agree / copy.length);
            out.measure(nodeId + ".surrogate_accuracy", labelled == 0 ? Double.NaN : (double) right / labelled);
        }
    }
}
