package org.twinbench.sim.store;

import java.nio.file.Path;
import java.time.Instant;
import org.twinbench.Version;
import org.twinbench.data.DataProvenance;
import org.twinbench.model.ModelCard;
import org.twinbench.sim.ChangeSchedule;
import org.twinbench.sim.PlanNotes;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.monitor.AlarmRate;
import org.twinbench.sim.monitor.Monitor;

/**
 * What made a run, so that it can be reproduced: the scenario file and its SHA-256, the data and
 * model it used, the seed, the size of the run and the software versions.
 *
 * @param modelFile the model file, or null when the scenario trains its model in the run
 * @param modelSha256 the model file's SHA-256, or null when there is no file
 * @param alarmRates the monitors' checks that hold a stated false-alarm rate (empty when not known, as for a
 *     run read back from its files)
 * @param schedule the changes the scenario schedules and its monitors ({@link ChangeSchedule#NONE} when not known)
 * @param notes what compiling the scenario noted, and the estimated share of the data's rows the model file was
 *     trained on ({@link PlanNotes#NONE} when not known, as for a run read back from the store)
 */
public record RunProvenance(String scenarioFile, String scenarioName, String scenarioSha256, String dataFile,
                            String dataSha256, int dataRows, String modelAlgorithm, String modelFile,
                            String modelSha256, String modelTrainingDataSha256, long seed, int steps, int replicates,
                            String twinbenchVersion, String javaVersion, String createdAt,
                            java.util.List<AlarmRate> alarmRates, ChangeSchedule schedule, PlanNotes notes) {

    public RunProvenance {
        alarmRates = alarmRates == null ? java.util.List.of() : java.util.List.copyOf(alarmRates);
        schedule = schedule == null ? ChangeSchedule.NONE : schedule;
        notes = notes == null ? PlanNotes.NONE : notes;
    }

    /** A provenance with nothing noted. */
    public RunProvenance(String scenarioFile, String scenarioName, String scenarioSha256, String dataFile,
                         String dataSha256, int dataRows, String modelAlgorithm, String modelFile,
                         String modelSha256, String modelTrainingDataSha256, long seed, int steps, int replicates,
                         String twinbenchVersion, String javaVersion, String createdAt,
                         java.util.List<AlarmRate> alarmRates, ChangeSchedule schedule) {
        this(scenarioFile, scenarioName, scenarioSha256, dataFile, dataSha256, dataRows, modelAlgorithm, modelFile,
                modelSha256, modelTrainingDataSha256, seed, steps, replicates, twinbenchVersion, javaVersion,
                createdAt, alarmRates, schedule, PlanNotes.NONE);
    }

    /** A provenance without the monitors' alarm rates. */
    public RunProvenance(String scenarioFile, String scenarioName, String scenarioSha256, String dataFile,
                         String dataSha256, int dataRows, String modelAlgorithm, String modelFile,
                         String modelSha256, String modelTrainingDataSha256, long seed, int steps, int replicates,
                         String twinbenchVersion, String javaVersion, String createdAt) {
        this(scenarioFile, scenarioName, scenarioSha256, dataFile, dataSha256, dataRows, modelAlgorithm, modelFile,
                modelSha256, modelTrainingDataSha256, seed, steps, replicates, twinbenchVersion, javaVersion,
                createdAt, java.util.List.of(), ChangeSchedule.NONE);
    }

    /** What a run that replays its model's training data says beside its headline. */
    public static final String REPLAYS_TRAINING_ROWS = "This twin replays the data the model was trained on (the same"
            + " SHA-256 as its model card): its figures are optimistic.";

    /**
     * Whether the run replays the very data its model file was trained on: the data's SHA-256 is the one the
     * model card records. A model trained in the scenario (on the reference rows) or a log of scores has no
     * model file and never counts.
     */
    public boolean replaysTrainingRows() {
        return sameFileAsTraining() || notes.trainingRowsShare() >= PlanNotes.NOTABLE_TRAINING_ROWS;
    }

    private boolean sameFileAsTraining() {
        return modelFile != null && dataSha256 != null && dataSha256.equals(modelTrainingDataSha256);
    }

    /**
     * What the run says beside its headline when it replays training rows: the very file ({@link
     * #REPLAYS_TRAINING_ROWS}), or the estimated share of its rows; null when it does not.
     */
    public String trainingRowsWarning() {
        if (sameFileAsTraining()) {
            return REPLAYS_TRAINING_ROWS;
        }
        if (!replaysTrainingRows()) {
            return null;
        }
        return estimatedShare(notes.trainingRowsShare());
    }

    private static String estimatedShare(double share) {
        return String.format(java.util.Locale.ROOT, "About %.0f%% of the rows this twin replays are rows the model"
                + " was trained on (estimated from its card's sketch of its training rows): its figures are optimistic.",
                100 * share);
    }

    /**
     * What a run of {@code plan} says beside its headline when it replays rows its model file was trained on (for a
     * window that has no provenance yet), as {@link #trainingRowsWarning()} does for a recorded run; null when not.
     */
    public static String trainingRowsWarning(SimulationPlan plan) {
        if (!replaysTrainingRows(plan)) {
            return null;
        }
        DataProvenance data = plan.data();
        boolean sameFile = data != null && data.sha256() != null
                && data.sha256().equals(plan.model().card().trainingDataSha256());
        return sameFile ? REPLAYS_TRAINING_ROWS : estimatedShare(plan.notes().trainingRowsShare());
    }

    /**
     * Whether a run of {@code plan} replays rows its model file was trained on, as {@link #replaysTrainingRows()}
     * says of a recorded run: the very file, or a notable estimated share of its rows.
     */
    public static boolean replaysTrainingRows(SimulationPlan plan) {
        DataProvenance data = plan.data();
        boolean fromFile = plan.scenario().modelNodes().stream().anyMatch(n -> n.string("path", null) != null);
        boolean sameFile = fromFile && data != null && data.sha256() != null
                && data.sha256().equals(plan.model().card().trainingDataSha256());
        return sameFile || plan.notes().trainingRowsShare() >= PlanNotes.NOTABLE_TRAINING_ROWS;
    }

    /** The same provenance for a run that made {@code actual} steps (a followed file ends when it goes idle). */
    public RunProvenance withSteps(int actual) {
        return new RunProvenance(scenarioFile, scenarioName, scenarioSha256, dataFile, dataSha256, dataRows,
                modelAlgorithm, modelFile, modelSha256, modelTrainingDataSha256, seed, actual, replicates,
                twinbenchVersion, javaVersion, createdAt, alarmRates, schedule, notes);
    }

    public static RunProvenance of(Path scenarioFile, SimulationPlan plan, int replicates, Instant createdAt) {
        return of(scenarioFile.toString(), DataProvenance.sha256(scenarioFile), scenarioFile.toAbsolutePath().getParent(),
                plan, replicates, createdAt);
    }

    /**
     * The provenance of a run of a scenario never saved (a what-if from a run of the history, in the window):
     * its file is {@value #UNSAVED}, its SHA-256 that of the scenario's text as recorded ({@code scenarioJson}),
     * and a model file it names is resolved against {@code baseDir}.
     */
    public static RunProvenance ofUnsaved(String scenarioJson, Path baseDir, SimulationPlan plan, int replicates,
                                          Instant createdAt) {
        return of(UNSAVED, org.twinbench.data.Sha256.of(scenarioJson), baseDir, plan, replicates, createdAt);
    }

    /** What a run of a scenario not saved to a file records as its scenario file. */
    public static final String UNSAVED = "(unsaved scenario)";

    private static RunProvenance of(String scenarioFile, String scenarioSha256, Path baseDir, SimulationPlan plan,
                                    int replicates, Instant createdAt) {
        DataProvenance data = plan.data();
        ModelCard card = plan.model().card();
        // A model node that reads a file (.twinmodel or ONNX) names it, relative to the scenario; trained
        // models and logged scores have none.
        Path modelFile = plan.scenario().modelNodes().stream()
                .filter(n -> n.string("path", null) != null)
                .map(n -> baseDir.resolve(n.requiredString("path")).normalize())
                .findFirst().orElse(null);
        return new RunProvenance(scenarioFile, plan.scenario().name(),
                scenarioSha256, data == null ? null : data.file(),
                data == null ? null : data.sha256(), data == null ? 0 : data.rows(), card.algorithm(),
                modelFile == null ? null : modelFile.toString(),
                modelFile == null ? null : DataProvenance.sha256(modelFile),
                card.trainingDataSha256(), plan.scenario().seed(), plan.steps(), replicates, Version.get(),
                System.getProperty("java.version"), createdAt.toString(),
                plan.monitors().stream().map(Monitor::alarmRate).filter(r -> r.checksPerStep() > 0).toList(),
                ChangeSchedule.of(plan.scenario()), plan.notes());
    }
}
