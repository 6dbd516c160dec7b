package org.twinbench.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.twinbench.cli.TwinBenchCommand;

/**
 * The main class for {@code spark-submit}: {@code spark-submit --class org.twinbench.spark.SparkSweepMain
 * twinbench-spark.jar S.twin.json --grid grid.json --out DIR} runs {@code twinbench sweep} with the
 * master spark-submit was given (its {@code --master}), unless the arguments name one with {@code --spark}.
 */
public final class SparkSweepMain {

    private SparkSweepMain() {
    }

    public static void main(String[] args) {
        System.exit(TwinBenchCommand.execute(arguments(args, System.getProperty("spark.master", "local[*]"))));
    }

    /** {@code sweep} followed by the arguments, plus {@code --spark MASTER} when they lack it. */
    static String[] arguments(String[] args, String master) {
        List<String> all = new ArrayList<>();
        all.add("sweep");
        all.addAll(Arrays.asList(args));
        if (all.stream().noneMatch(a -> a.equals("--spark") || a.startsWith("--spark="))) {
            all.add("--spark");
            all.add(master);
        }
        return all.toArray(String[]::new);
    }
}
