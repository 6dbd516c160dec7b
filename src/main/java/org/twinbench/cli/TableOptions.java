package org.twinbench.cli;

import java.nio.file.Path;
import org.twinbench.data.Dataset;
import org.twinbench.data.TableLoader;
import picocli.CommandLine.Option;

/**
 * The options several commands share, each a picocli mixin named, described and checked once, so a bad value gets
 * the same one-line message (exit 2) in every command: {@link Data} ({@code --data FILE}, read with its rows
 * checked), {@link Label} ({@code --label COL}), {@link Positive} ({@code --positive VALUE}) and {@link Threshold}
 * ({@code --threshold T}, between 0 and 1). A command takes the ones it needs: {@code @Mixin TableOptions.Data data;}.
 */
public final class TableOptions {

    private TableOptions() {
    }

    /** {@code --data FILE}: the table a command reads. */
    public static final class Data {

        @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV/TSV or .xlsx table.")
        Path file;

        /** The file given. */
        public Path file() {
            return file;
        }

        /** The table read; one that has a header but no rows is refused naming the file. */
        public Dataset load() {
            Dataset dataset = TableLoader.load(file);
            if (dataset.frame().rowCount() == 0) {
                throw new UserInputException(file + ": has a header but no data rows");
            }
            return dataset;
        }
    }

    /** {@code --label COL}: the column of true labels. */
    public static final class Label {

        @Option(names = "--label", required = true, paramLabel = "COL", description = "The true label column.")
        String column;

        /** The column named. */
        public String column() {
            return column;
        }
    }

    /** {@code --positive VALUE}: the positive label of a yes/no outcome. */
    public static final class Positive {

        @Option(names = "--positive", paramLabel = "VALUE",
                description = "The positive label (default: 1, true, yes or positive if present, else the last value).")
        String value;

        /** The value given, or null to let the table decide. */
        public String value() {
            return value;
        }
    }

    /** {@code --threshold T}: the score at or above which a row is predicted positive. */
    public static final class Threshold {

        @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "T",
                description = "Scores at or above T predict the positive label (default: ${DEFAULT-VALUE}).")
        double value;

        /** The threshold; one outside [0, 1] (or not a number) is refused. */
        public double value() {
            if (!(value >= 0 && value <= 1)) {
                throw new UserInputException("--threshold must be between 0 and 1, not " + value);
            }
            return value;
        }
    }
}
