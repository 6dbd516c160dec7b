package org.twinbench.ui.data;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.twinbench.ui.data.ModelPanelViewModel.AlgorithmChoice;
import org.twinbench.ui.data.ModelPanelViewModel.TrainRequest;

/**
 * "Train a model…": the algorithm, the target, the seed of the train/holdout split and the share held
 * out. The answer has no file yet; the panel asks where to save it next.
 */
final class TrainModelDialog extends Dialog<TrainRequest> {

    static final ButtonType TRAIN = new ButtonType("Train and save…", ButtonBar.ButtonData.OK_DONE);

    /**
     * @param targets  the columns that can be predicted, the current target first
     * @param features the columns the model will read, for the note under the form
     */
    TrainModelDialog(Window owner, List<String> targets, java.util.function.Function<String, List<String>> features) {
        initOwner(owner);
        setTitle("Train a model");
        setHeaderText("Train a model on the open dataset");
        ComboBox<AlgorithmChoice> algorithm = new ComboBox<>(FXCollections.observableArrayList(AlgorithmChoice.all()));
        algorithm.setId("trainAlgorithm");
        algorithm.setValue(algorithm.getItems().get(0));
        algorithm.setTooltip(new Tooltip("Logistic regression is fast and easy to explain; the tree ensembles "
                + "capture interactions but take longer to train"));
        ComboBox<String> target = new ComboBox<>(FXCollections.observableArrayList(targets));
        target.setId("trainTarget");
        if (!targets.isEmpty()) {
            target.setValue(targets.get(0));
        }
        target.setTooltip(new Tooltip("The column with the outcome to predict (two values, e.g. yes/no)"));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
        seed.setId("trainSeed");
        seed.setEditable(true);
        seed.setTooltip(new Tooltip("The same seed gives the same split and the same model"));
        Spinner<Double> holdout = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.05, 0.5,
                ModelPanelViewModel.DEFAULT_HOLDOUT_SHARE, 0.05));
        holdout.setId("trainHoldout");
        holdout.setEditable(true);
        holdout.setTooltip(new Tooltip("Share of the rows kept aside to measure the model on data it has not seen"));
        Label note = new Label();
        note.setWrapText(true);
        note.setMaxWidth(380);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            List<String> used = features.apply(target.getValue());
            return used.isEmpty() ? "No column has the feature role: set some in the Columns tab first."
                    : "Reads the " + used.size() + " columns with the feature role: " + String.join(", ", used)
                    + ". Personal data, ids, slices and ignored columns are left out.";
        }, target.valueProperty()));
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Algorithm"), algorithm);
        form.addRow(1, new Label("Target"), target);
        form.addRow(2, new Label("Seed"), seed);
        form.addRow(3, new Label("Holdout share"), holdout);
        form.add(note, 0, 4, 2, 1);
        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().setAll(TRAIN, ButtonType.CANCEL);
        getDialogPane().lookupButton(TRAIN).disableProperty().bind(target.valueProperty().isNull());
        setResultConverter(button -> button == TRAIN ? algorithm.getValue().request(target.getValue(),
                seed.getValue(), holdout.getValue()) : null);
    }
}
