package org.twinbench.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.DataProvenance;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Sha256;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.model.TaskModel;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.perturb.Perturbation;
import org.twinbench.sim.perturb.PerturbationFactory;
import org.twinbench.sim.policy.Challenger;
import org.twinbench.sim.policy.ModelRefit;
import org.twinbench.sim.source.BatchSource;
import org.twinbench.sim.source.CalendarSource;
import org.twinbench.sim.source.DatasetSource;
import org.twinbench.sim.source.FollowSource;
import org.twinbench.sim.source.SourceEncoding;
import org.twinbench.sim.source.SyntheticSource;
import org.twinbench.sim.source.SyntheticSources;
import org.twinbench.sim.source.TimeColumns;

/**
 * Turns a validated scenario into a {@link SimulationPlan}: loads the source data (paths relative to
 * the scenario's folder) or sets up the synthetic stream, splits off the reference rows, checks every
 * column a node names, trains the model on the reference rows, and builds the perturbations,
 * monitors, policies and deployment. Slow: call it off the UI thread.
 */
public final class ScenarioCompiler {

    private ScenarioCompiler() {
    }

    /**
     * The source of a plan: what produces batches, the rows the model learns from, the data as written, where they
     * came from, and the rows replayed after the reference (null for a synthetic stream).
     */
    record Origin(BatchSource source, Frame reference, Frame schema, DataProvenance provenance, int steps,
                  Frame replayed) {
    }

    public static SimulationPlan compile(Scenario scenario, Path baseDir, RunListener listener) {
        try (OpenedModels models = new OpenedModels()) {
            return compile(scenario, baseDir, listener, models);
        }
    }

    /** As above; the model files the check opens in {@code models} are the ones the plan runs (each read once). */
    static SimulationPlan compile(Scenario scenario, Path baseDir, RunListener told, OpenedModels models) {
        ScenarioCheck.require(scenario, baseDir, models);
        // Every note is told at once and kept with the plan, for the run's files, report and window.
        List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
        RunListener listener = new ForwardingListener(told) {
            @Override
            public void onNote(String note) {
                notes.add(note);
                super.onNote(note);
            }
        };
        ScenarioNode sourceNode = scenario.nodesOfKind("source.").get(0);
        Origin origin = NodeCatalog.DATASET_SOURCE.equals(sourceNode.type())
                ? datasetOrigin(scenario, sourceNode, baseDir, listener) : syntheticOrigin(scenario, sourceNode);
        Frame schema = origin.schema();

        ScenarioNode modelNode = scenario.modelNodes().get(0);
        ScenarioModel scenarioModel = ScenarioModel.of(modelNode, origin.reference(), schema, scenario.seed(),
                origin.provenance().sha256(), baseDir, listener, models);
        typedInputs(scenario, modelNode, scenarioModel.model(), schema, sourceNode, listener);
        ServedModel served = ServedModel.of(scenario, modelNode, scenarioModel.model(), origin.reference(),
                baseDir, listener);
        TaskModel model = served.model();
        double trainingRowsShare = TrainingRows.share(modelNode, scenarioModel.model().card(), origin, listener);
        TaskNodes.check(scenario, model.task(), modelNode.id());
        String target = scenarioModel.target();
        List<RunFindings.Leak> leaks = leakNotes(modelNode, origin.schema(), target, scenarioModel.features(),
                model.task(), listener);
        String positive = scenarioModel.positive();
        LabelCodec labels = LabelCodec.of(origin.reference().column(target), target, positive, model.task(),
                model.card().classes());
        ModelRefit refit = served.refit(scenarioModel.refit());

        List<Perturbation> perturbations = new ArrayList<>();
        List<Perturbation> poisoning = new ArrayList<>();
        List<String> slices = new ArrayList<>();
        double threshold = 0.5;
        double decisionThreshold = scenario.nodesOfKind(NodeCatalog.SLICE_METRICS).stream()
                .mapToDouble(n -> n.number("threshold")).findFirst().orElse(threshold);
        for (ScenarioNode node : scenario.topologicalOrder()) {
            Perturbation perturbation = NodeCatalog.BOUNDARY_SEEKING.equals(node.type())
                    ? PerturbationFactory.boundarySeeking(node, schema, origin.reference(), model, decisionThreshold)
                    : PerturbationFactory.create(node, schema, labels);
            if (perturbation != null) {
                (NodeCatalog.POISONING.equals(node.type()) ? poisoning : perturbations).add(perturbation);
            }
            if (NodeCatalog.SLICE_METRICS.equals(node.type())) {
                for (String column : node.strings("slices")) {
                    PerturbationFactory.requireColumn(node, schema, column);
                    slices.add(column);
                }
                threshold = node.number("threshold");
            }
        }
        Challenger challenger = null;
        for (ScenarioNode node : scenario.nodesOfKind(NodeCatalog.CHALLENGER)) {
            challenger = ScenarioModel.challenger(node, origin.reference(), schema, model, scenario.seed(),
                    origin.provenance().sha256(), baseDir, listener, models);
        }
        LabelsOnlyMetrics.notes(modelNode.id(), model, challenger).forEach(listener::onNote);
        // Prediction drift, CBPE and DLE start from the initial model's scores of the reference rows.
        boolean scoreReference = !scenario.nodesOfKind(NodeCatalog.PREDICTION_DRIFT).isEmpty()
                || !scenario.nodesOfKind(NodeCatalog.CBPE_MONITOR).isEmpty()
                || !scenario.nodesOfKind(NodeCatalog.DLE_MONITOR).isEmpty();
        ModelTask task = ModelTask.of(model, threshold);
        Predictions referencePredictions = scoreReference ? Predictions.of(model, origin.reference())
                : new Predictions(model.task(), new double[0], model.task() == Task.MULTICLASS ? new double[0][] : null);
        int[] referenceLabels = scoreReference ? task.labels(origin.reference()) : new int[0];
        Operations operations = Operations.of(scenario, modelNode.id(), task, scenarioModel.features(), refit,
                poisoning, origin.reference(),
                referenceLabels, referencePredictions, challenger);
        SliceBins bins = SliceBins.fit(scenario, origin.reference());
        return new SimulationPlan(scenario, origin.source(), perturbations, model, slices, threshold, origin.steps(),
                origin.provenance(), operations.labelDelay(), withOutcomeShare(operations, sourceNode.id(),
                        task, origin.reference(), slices, bins, positive, origin.steps(), origin.source()), operations.policies(),
                operations.deployment() == null ? null
                        : operations.deployment().withModelBytes(served.bytes()),
                operations.selectiveLabels(), challenger, bins, operations.attacks(),
                new PlanNotes(notes, trainingRowsShare, leaks), models.handOver());
    }

    /**
     * The scenario's monitors, the outcome-share check every run makes (not with selective labels, whose
     * labelled rows are not a sample of the batch; its false-alarm rate held over the run's {@code steps}), the naive baseline on every step's rows and a multiclass model's
     * recall of each class.
     */
    private static List<org.twinbench.sim.monitor.Monitor> withOutcomeShare(Operations operations, String sourceId,
                                                                          ModelTask task, Frame reference,
                                                                          List<String> slices, SliceBins bins,
                                                                          String positive, int steps,
                                                                          BatchSource source) {
        List<org.twinbench.sim.monitor.Monitor> monitors = new ArrayList<>(operations.monitors());
        // The mix of outcomes, overall and per slice: a classifier's prior (a regression has no classes).
        if (!operations.selectiveLabels() && task.task() != Task.REGRESSION) {
            List<String> outcomes = task.task() == Task.BINARY ? List.of("not " + positive, positive) : task.classes();
            org.twinbench.sim.monitor.OutcomeShareMonitor share = org.twinbench.sim.monitor.OutcomeShareMonitor.of(
                    sourceId, outcomes, task.labels(reference), reference, slices, bins, steps);
            // A replayed file's steps come from its production rows, themselves a sample (their pool counts).
            monitors.add(source instanceof org.twinbench.sim.source.DatasetSource replay
                    ? share.drawnFrom(replay.production().rowCount(),
                            replay.sampling() == org.twinbench.sim.source.DatasetSource.Sampling.WITH_REPLACEMENT)
                    : share);
        }
        monitors.add(org.twinbench.sim.monitor.BaselineMonitor.of(task, task.labels(reference),
                task.amounts(reference), slices, bins::values));
        if (task.task() == Task.MULTICLASS) {
            monitors.add(new org.twinbench.sim.monitor.ClassRecallMonitor(task));
        }
        return monitors;
    }

    /**
     * An ONNX model's whole-number and yes/no inputs, before the run: every row of the data must hold values
     * they take (the check read the first rows only), so a run never stops half-way on the data as read; a
     * perturbation that moves such a column is told, since its fractions are rounded as the model is fed.
     */
    private static void typedInputs(Scenario scenario, ScenarioNode modelNode, TaskModel model, Frame data,
                                    ScenarioNode sourceNode, RunListener listener) {
        if (!(ScenarioModel.unwrapped(model) instanceof org.twinbench.model.OnnxTaskModel onnx)
                || onnx.typedColumns().isEmpty()) {
            return;
        }
        List<String> problems = onnx.valueProblems(data);
        if (!problems.isEmpty()) {
            String file = sourceNode.params().get("path") == null ? "the data" : sourceNode.string("path");
            throw new ScenarioException(problems.stream().map(p -> "node " + modelNode.id() + ": " + file + ": " + p)
                    .collect(java.util.stream.Collectors.joining("\n")));
        }
        java.util.Map<String, String> typed = onnx.typedColumns();
        for (ScenarioNode node : scenario.topologicalOrder()) {
            if (!node.type().startsWith("perturbation.") || NodeCatalog.MISSING_VALUES.equals(node.type())) {
                continue;
            }
            NodeType type = NodeCatalog.find(node.type()).orElse(null);
            List<String> moved = new ArrayList<>();
            for (String param : List.of("column", "columns")) {
                if (type != null && type.param(param).isPresent() && node.params().get(param) != null) {
                    (param.equals("column") ? List.of(node.string(param)) : node.strings(param)).stream()
                            .filter(c -> "int64".equals(typed.get(c)) || "int32".equals(typed.get(c)))
                            .forEach(moved::add);
                }
            }
            if (!moved.isEmpty()) {
                listener.onNote("node " + node.id() + " moves " + String.join(", ", moved.stream().map(c -> "'" + c
                        + "'").toList()) + ", which the ONNX model takes as whole numbers: the moved values are rounded"
                        + " to the nearest whole number as the model is fed");
            }
        }
    }

    private static Origin datasetOrigin(Scenario scenario, ScenarioNode sourceNode, Path baseDir,
                                        RunListener listener) {
        listener.onPhase("Loading " + sourceNode.requiredString("path"));
        Path dataFile = baseDir.resolve(sourceNode.requiredString("path")).normalize();
        boolean follow = sourceNode.flag("follow");
        FollowSource.Snapshot snapshot = follow ? FollowSource.snapshot(sourceNode, dataFile) : null;
        Dataset dataset = follow ? snapshot.dataset() : TableLoader.load(dataFile, SourceEncoding.options(sourceNode));
        Frame all = PersonalSlices.mask(dataset.frame(), dataset, scenario);
        Frame asWritten = all;
        String timeColumn = sourceNode.string("time_column");
        double[] times = null;
        String window = sourceNode.string("window");
        String monthColumn = sourceNode.string("month_column");
        if (monthColumn != null && timeColumn == null) {
            throw new ScenarioException("node " + sourceNode.id() + ": month_column needs a time_column of years");
        }
        if (timeColumn != null) {
            PerturbationFactory.requireColumn(sourceNode, all, timeColumn);
            if (monthColumn != null) {
                PerturbationFactory.requireColumn(sourceNode, all, monthColumn);
                if (follow) {
                    throw new ScenarioException("node " + sourceNode.id() + ": follow reads dates from time_column;"
                            + " it cannot follow a year and a month_column");
                }
            }
            times = TimeColumns.replayTimes(sourceNode, all, timeColumn,
                    window != null || sourceNode.string("reference_until") != null);
            if (monthColumn == null) {
                String months = TimeColumns.monthsBeside(all, timeColumn);
                if (months != null) {
                    listener.onNote("node " + sourceNode.id() + ": time_column '" + timeColumn + "' holds years, so"
                            + " the rows of one year replay in the file's order; set month_column to '" + months
                            + "' to replay them month by month");
                }
            }
            int[] order = times != null ? TimeColumns.order(times) : timeOrder(all.column(timeColumn));
            all = all.select(order);
            times = times == null ? null : TimeColumns.sorted(times, order);
        }
        // In file order, whether the file is sorted by a column (said, and then its halves differ by construction).
        java.util.Optional<org.twinbench.data.FileOrder.Sorted> sorted = timeColumn != null
                || "shuffled".equals(sourceNode.string("split")) ? java.util.Optional.empty()
                : org.twinbench.data.FileOrder.sortedBy(all, dataset);
        if (timeColumn == null) {
            all = splitOrder(scenario, sourceNode, all, sorted, dataFile, listener);
        }
        int referenceRows = referenceRows(sourceNode, all, times, dataFile);
        if (timeColumn == null && !"shuffled".equals(sourceNode.string("split")) && sorted.isEmpty()) {
            List<FileHalves.Difference> differing = FileHalves.differing(all, dataset, referenceRows);
            if (!differing.isEmpty()) {
                listener.onNote(FileHalves.note(dataFile.getFileName().toString(), differing, sourceNode));
            }
        }
        Frame production = all.slice(referenceRows, all.rowCount());
        int steps = sourceNode.integer("steps");
        BatchSource source;
        if (window != null) {
            if (timeColumn == null) {
                throw new ScenarioException("node " + sourceNode.id() + ": window '" + window
                        + "' needs a time_column to read the dates from");
            }
            CalendarSource calendar = CalendarSource.of(sourceNode.id(), production,
                    java.util.Arrays.copyOfRange(times, referenceRows, times.length), CalendarSource.Window.of(window),
                    CalendarSource.AtEnd.of(sourceNode.string("at_end")));
            if (calendar.windowCount() == 0) {
                throw new ScenarioException("node " + sourceNode.id() + ": " + dataFile + " has no dated rows to replay"
                        + " after the reference");
            }
            source = !follow ? calendar : FollowSource.of(sourceNode, production, snapshot, dataFile,
                    TimeColumns.format(sourceNode, asWritten.column(timeColumn), timeColumn), calendar,
                    rows -> PersonalSlices.mask(rows, dataset, scenario), listener::onNote);
        } else if (follow) {
            throw new ScenarioException("node " + sourceNode.id() + ": follow needs a time_column and a window"
                    + " (day, week, month or quarter): a window closes when a row of a later one arrives");
        } else {
            String sampling = sourceNode.string("sampling");
            DatasetSource.Sampling how = timeColumn != null ? DatasetSource.Sampling.IN_ORDER
                    : sampling != null ? DatasetSource.Sampling.of(sampling)
                    : sourceNode.flag("replace") ? DatasetSource.Sampling.WITH_REPLACEMENT
                    : DatasetSource.Sampling.PER_STEP;
            source = new DatasetSource(sourceNode.id(), production, sourceNode.integer("batch_size"), how,
                    scenario.seed(), CalendarSource.AtEnd.of(sourceNode.string("at_end"))
                    == CalendarSource.AtEnd.STOP);
        }
        if (source.steps(steps) < steps) {
            listener.onNote(runsOut(source.steps(steps), steps + " steps asked"));
            steps = source.steps(steps);
        }
        // The file's own row order in the schema, so that a check names the row as the file has it.
        return new Origin(source, all.slice(0, referenceRows), asWritten, dataset.provenance(), steps, production);
    }

    /**
     * The rows in the order the reference is cut from: the file's (said so when the file is sorted by a column,
     * whose first rows then differ from the rest by construction), or shuffled with the run's seed.
     */
    private static Frame splitOrder(Scenario scenario, ScenarioNode sourceNode, Frame all,
                                    java.util.Optional<org.twinbench.data.FileOrder.Sorted> sorted, Path dataFile,
                                    RunListener listener) {
        if ("shuffled".equals(sourceNode.string("split"))) {
            int[] order = new int[all.rowCount()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            // Step -1: a draw of its own, before any step's, from the seed and the source node.
            java.util.SplittableRandom random = Seeds.random(scenario.seed(), sourceNode.id(), 0, -1);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            return all.select(order);
        }
        sorted.ifPresent(column -> listener.onNote(sortedNote(dataFile.getFileName().toString(), column, sourceNode)));
        return all;
    }

    /**
     * A feature that gives the outcome away in {@code rows} (the data-quality check {@code leakage}: an amount that is
     * 0 for everyone refused, a column of AUC ≥ 0.99; a one-feature tree right on 99% of a multiclass outcome's rows,
     * a near-copy of an amount) makes every figure of the run look better than
     * the model can do where it is used before the outcome is known: said before the run, and returned for the
     * verdict (which calls the figures optimistic). {@code rows} are every row of a data file (the reference and the
     * rows replayed after it: a reference cut from a file grouped by its outcome can hold two classes of three, which
     * an ordinary feature tells apart perfectly) or a generated source's reference.
     */
    private static List<RunFindings.Leak> leakNotes(ScenarioNode modelNode, Frame rows, String target,
                                                    List<String> features, Task task, RunListener listener) {
        List<RunFindings.Leak> leaks = new ArrayList<>();
        for (org.twinbench.data.QualityFinding finding
                : org.twinbench.data.DataQuality.leakage(rows, target, features, task)) {
            if (finding.check().equals("leakage")) {
                // One column, or two that give an amount between them (data.PairLeakage): each is a leak.
                List<String> leaking = finding.columns().stream().filter(c -> !c.equals(target)).toList();
                listener.onNote("model " + modelNode.id() + ": " + finding.message() + "; the run's figures show a "
                        + "model that knows the outcome: leave " + (leaking.size() == 1 ? "the column" : "the columns")
                        + " out of the features");
                leaking.forEach(c -> leaks.add(new RunFindings.Leak(c, finding.message())));
            }
        }
        return leaks;
    }

    /** What a user is told when the reference is cut from the first rows of a file sorted by a column. */
    public static String sortedNote(String file, org.twinbench.data.FileOrder.Sorted sorted, ScenarioNode sourceNode) {
        return file + " is sorted by " + sorted.describe() + ": the reference (its first "
                + Math.round(100 * sourceNode.number("reference_share")) + "% of rows) and the rows replayed after"
                + " it differ by construction, so drift and outcome-share alarms will follow from the file's order."
                + " Set the source's split to shuffled to compare like with like, or give a time_column if the rows"
                + " are in time order";
    }

    /** What a user is told when a replay in time order runs out before the steps asked for. */
    public static String runsOut(int steps, String asked) {
        return "the data runs out after " + steps + " steps (" + asked + "): the run ends there;"
                + " set the source's at_end to loop to replay it again";
    }

    /**
     * The reference rows: those before {@code reference_until} (rows in time order), or the first
     * {@code reference_share} of them.
     */
    private static int referenceRows(ScenarioNode sourceNode, Frame all, double[] times, Path dataFile) {
        String until = sourceNode.string("reference_until");
        int referenceRows;
        if (until != null) {
            if (times == null) {
                throw new ScenarioException("node " + sourceNode.id() + ": reference_until needs a time_column");
            }
            double cut = TimeColumns.date(sourceNode, "reference_until", until);
            referenceRows = 0;
            while (referenceRows < times.length && times[referenceRows] < cut) {
                referenceRows++;
            }
        } else {
            referenceRows = (int) Math.round(all.rowCount() * sourceNode.number("reference_share"));
        }
        if (referenceRows < 10 || all.rowCount() - referenceRows < 1) {
            throw new ScenarioException("node " + sourceNode.id() + ": " + dataFile + " has " + all.rowCount()
                    + " rows" + (until != null ? ", " + referenceRows + " of them before " + until : "")
                    + ", too few to split into reference (at least 10 rows) and production");
        }
        return referenceRows;
    }

    private static Origin syntheticOrigin(Scenario scenario, ScenarioNode node) {
        SyntheticSource source = SyntheticSources.of(node, scenario.seed());
        Frame reference = source.reference(node.integer("reference_rows"), scenario.seed());
        // The generated data is identified by what generates it: the source node and the seed.
        String identity = ScenarioFormat.toJson(new Scenario("", "", scenario.seed(), List.of(node), List.of()));
        DataProvenance provenance = new DataProvenance("synthetic:" + node.type(), Sha256.of(identity),
                reference.rowCount(), reference.columnNames().size());
        return new Origin(source, reference, reference, provenance, node.integer("steps"), null);
    }

    /**
     * Row indices in time order: numbers ascending, dates and timestamps by the time they name (read as
     * {@link org.twinbench.data.DateTimes} reads them), other text in string order; missing values last;
     * ties keep file order.
     */
    public static int[] timeOrder(Column column) {
        if (column instanceof CategoricalColumn text) {
            double[] seconds = TimeColumns.secondsOrNull(text);
            if (seconds != null) {
                return TimeColumns.order(seconds);
            }
        }
        Integer[] order = new Integer[column.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Comparator<Integer> byTime = column instanceof NumericColumn numeric
                ? java.util.Comparator.comparingDouble(i -> Double.isNaN(numeric.get(i)) ? Double.POSITIVE_INFINITY
                : numeric.get(i))
                : java.util.Comparator.comparing(i -> ((CategoricalColumn) column).get(i),
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        java.util.Arrays.sort(order, byTime);
        return java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

}
