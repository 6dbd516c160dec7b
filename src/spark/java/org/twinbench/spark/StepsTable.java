package org.twinbench.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.StepRows;

/**
 * A sweep's steps as one Parquet table, written by Spark's own writer from the executors: the rows of
 * every point's {@code steps.csv} (the long format of {@link StepRows}) with the point's index in front,
 * so the table joins {@code sweep.csv} (row {@code point}) and {@code point-NNNN/}.
 */
final class StepsTable {

    /** point, replicate, step, slice, metric, value (null where steps.csv has an empty value). */
    static final StructType SCHEMA = new StructType()
            .add("point", DataTypes.IntegerType, false)
            .add("replicate", DataTypes.IntegerType, false)
            .add("step", DataTypes.IntegerType, false)
            .add("slice", DataTypes.StringType, false)
            .add("metric", DataTypes.StringType, false)
            .add("value", DataTypes.DoubleType, true);

    private StepsTable() {
    }

    /**
     * @param results one partition per task, in task order (task {@code i} is of point {@code i / replicates})
     * @param target a path or URI Spark can write; an existing table there is replaced
     */
    static void write(SparkSession spark, JavaRDD<ArrayList<StepResult>> results, int replicates, String target) {
        JavaRDD<Row> rows = results.mapPartitionsWithIndex((task, steps) -> {
            List<Row> out = new ArrayList<>();
            int point = task / replicates;
            while (steps.hasNext()) {
                rows(point, steps.next(), out);
            }
            return out.iterator();
        }, true);
        // Fewer, larger files than one per task; the rows are cached, so this costs no parallelism worth having.
        int files = Math.max(1, Math.min(results.getNumPartitions(), spark.sparkContext().defaultParallelism()));
        spark.createDataFrame(rows.coalesce(files), SCHEMA).write().mode(SaveMode.Overwrite).parquet(target);
    }

    /** The rows of one replicate's steps. */
    static void rows(int point, List<StepResult> steps, List<Row> out) {
        try {
            StepRows.forEach(new RunOutcome(List.of(steps), RunStatus.COMPLETED), (replicate, step, slice, metric, value) ->
                    out.add(RowFactory.create(point, replicate, step, slice, metric,
                            value.isEmpty() ? null : Double.valueOf(value))));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink above does no I/O
        }
    }
}
