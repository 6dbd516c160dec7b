package org.twinbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.data.SampleData;
import org.twinbench.data.TableLoader;
import org.twinbench.model.Algorithm;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelTrainer;
import org.twinbench.model.TrainingOptions;

/** Seeded inputs of the benchmark workloads. */
final class BenchData {

    private BenchData() {
    }

    /** n normal values with the given mean and standard deviation. */
    static double[] gaussian(long seed, int n, double mean, double sd) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean + sd * random.nextGaussian();
        }
        return out;
    }

    /** n 0/1 values, P(1) = before until {@code change}, then after. */
    static double[] bernoulli(long seed, int n, int change, double before, double after) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextDouble() < (i < change ? before : after) ? 1 : 0;
        }
        return out;
    }

    /** The sample generator's loans (20,000 rows), written to {@code dir} and loaded. */
    static Frame loans(Path dir) throws IOException {
        Path loans = dir.resolve("loans.csv");
        SampleData.writeLoans(loans, SampleData.DEFAULT_LOAN_ROWS, SampleData.DEFAULT_SEED);
        return TableLoader.load(loans).frame();
    }

    /**
     * The scoring workloads' inputs: the loans sample written to a temporary folder and loaded
     * ({@code train}, 20,000 rows) and {@code rows} rows of it over and over ({@code data}); closing deletes
     * the folder.
     */
    record LoanRows(Path dir, Frame train, Frame data) implements AutoCloseable {

        /** Rows each side of a timing scores once before it is timed. */
        static final int WARM_UP_ROWS = 20_000;

        static LoanRows of(int rows) {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("twinbench-bench");
                Frame train = loans(dir);
                return new LoanRows(dir, train, repeat(train, rows));
            } catch (IOException e) {
                deleteQuietly(dir);
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** The first {@value #WARM_UP_ROWS} rows of {@code data} (all of them when fewer). */
        Frame warmUp() {
            return data.slice(0, Math.min(data.rowCount(), WARM_UP_ROWS));
        }

        /** The binary tree model of {@code algorithm} trained on {@code train} ({@link #loansTrees}). */
        BinaryClassifier trees(Algorithm algorithm) {
            return loansTrees(train, algorithm);
        }

        @Override
        public void close() {
            deleteQuietly(dir);
        }
    }

    /** The tree count the scoring workloads time: 100 for a random forest, 300 for gradient boosting. */
    static int trees(Algorithm algorithm) {
        return algorithm == Algorithm.RANDOM_FOREST ? 100 : 300;
    }

    /** The loans sample's binary tree model ({@code defaulted = yes}) of {@code algorithm}, seed 1. */
    static BinaryClassifier loansTrees(Frame train, Algorithm algorithm) {
        return ModelTrainer.train(train, new TrainingOptions(algorithm, "defaulted", ScoringWorkload.FEATURES, "yes", 1,
                trees(algorithm), ""));
    }

    /** {@code rows} rows: the frame's rows over and over. */
    static Frame repeat(Frame frame, int rows) {
        int[] index = new int[rows];
        for (int i = 0; i < rows; i++) {
            index[i] = i % frame.rowCount();
        }
        return frame.select(index);
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
