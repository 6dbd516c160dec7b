package org.twinbench.ui.graph;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.twinbench.scenario.NodeType.ParamSpec;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;

/**
 * Controller of {@code fxml/InspectorView.fxml}: the selected node's id and parameters, one editor
 * per parameter kind with its help text and, below it, what is wrong with the value as it is typed.
 * With no single node selected it shows the scenario's name, description and seed.
 */
public final class InspectorView {

    @FXML private VBox root;
    @FXML private Label subjectTitle;
    @FXML private Label subjectHelp;
    @FXML private VBox fields;

    private InspectorViewModel model;
    private final Map<String, ParamEditor> editors = new LinkedHashMap<>();
    /** What the panel currently shows: a node id and type, or null for the scenario's details. */
    private String shownId;
    private String shownType;
    private boolean header;
    private TextField nameField;
    private TextArea descriptionField;
    private TextField seedField;
    private boolean syncing;
    private Label problemsLabel;
    /** The error marks on the shown node's fields (ControlsFX); a new set per node shown. */
    private InspectorDecorations decorations = new InspectorDecorations();

    public void bind(InspectorViewModel viewModel) {
        this.model = viewModel;
        viewModel.subjectProperty().addListener((obs, old, now) -> rebuildIfNeeded());
        // A check against the data arrives after the edit: the node's list and each parameter's line follow it.
        viewModel.nodeProblems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            showNodeProblems();
            sync();
        });
        viewModel.document().scenarioProperty().addListener((obs, old, now) -> {
            rebuildIfNeeded();
            sync();
        });
        rebuildIfNeeded();
        sync();
    }

    private void rebuildIfNeeded() {
        Optional<ScenarioNode> node = model.node();
        String id = node.map(ScenarioNode::id).orElse(null);
        String type = node.map(ScenarioNode::type).orElse(null);
        boolean same = node.isPresent() ? !header && id.equals(shownId) && type.equals(shownType) : header;
        if (same) {
            return;
        }
        fields.getChildren().clear();
        editors.clear();
        decorations = new InspectorDecorations();
        problemsLabel = null;
        shownId = id;
        shownType = type;
        header = node.isEmpty();
        if (node.isEmpty()) {
            buildHeader();
        } else {
            buildNode(node.get(), model.type().orElse(null));
        }
    }

    private void buildHeader() {
        Scenario scenario = model.document().scenario();
        subjectTitle.setText("Scenario");
        subjectHelp.setText("Select a node to edit its parameters.");
        nameField = new TextField(scenario.name());
        nameField.setId("scenario-name");
        descriptionField = new TextArea(scenario.description());
        descriptionField.setId("scenario-description");
        descriptionField.setWrapText(true);
        descriptionField.setPrefRowCount(3);
        seedField = new TextField(Long.toString(scenario.seed()));
        seedField.setId("scenario-seed");
        seedField.setTooltip(new Tooltip("Every random draw derives from this number: the same seed gives the same run"));
        Label error = problemLabel("scenario-error");
        Runnable apply = () -> {
            if (!syncing) {
                show(error, model.setHeader(nameField.getText(), descriptionField.getText(), seedField.getText()));
            }
        };
        nameField.textProperty().addListener((obs, old, now) -> apply.run());
        descriptionField.textProperty().addListener((obs, old, now) -> apply.run());
        seedField.textProperty().addListener((obs, old, now) -> apply.run());
        fields.getChildren().addAll(caption("Name", "What the scenario is called in reports"), nameField,
                caption("Description", "One or two sentences on the story it tells"), descriptionField,
                caption("Seed", "Random seed of the run"), seedField, error);
    }

    private void buildNode(ScenarioNode node, NodeType type) {
        subjectTitle.setText(type == null ? node.type() : type.title());
        subjectHelp.setText(type == null ? "This node type is unknown to this TwinBench." : type.description());
        TextField idField = new TextField(node.id());
        idField.setId("inspector-id");
        idField.setTooltip(new Tooltip("The node's name in the scenario file; edges refer to it"));
        Label idError = problemLabel("error-id");
        decorations.register("id", idField);
        java.util.function.Consumer<Optional<String>> renamed = problem -> {
            show(idError, problem);
            decorations.problem("id", problem);
        };
        idField.setOnAction(e -> renamed.accept(model.rename(idField.getText())));
        idField.focusedProperty().addListener((obs, was, now) -> {
            if (!now && !idField.getText().equals(shownId)) {
                renamed.accept(model.rename(idField.getText()));
            }
        });
        fields.getChildren().addAll(caption("Id", "Press Enter to rename"), idField, idError, nodeProblems());
        if (type == null) {
            return;
        }
        Path base = model.document().baseDirectory();
        for (ParamSpec spec : type.params()) {
            ParamEditor editor = ParamEditor.of(spec, new ParamEditor.Sink() {
                @Override
                public Optional<String> text(String param, String text) {
                    return model.setText(param, text);
                }

                @Override
                public Optional<String> value(String param, Object value) {
                    return model.setValue(param, value);
                }
            }, model.columnsFor(spec), absolute -> relativize(base, absolute));
            Label error = problemLabel("error-" + spec.name());
            decorations.register(spec.name(), editor.control());
            editor.onProblem(problem -> {
                show(error, problem);
                decorations.problem(spec.name(), problem);
            });
            editor.show(node.params().get(spec.name()));
            editors.put(spec.name(), editor);
            Label help = new Label(spec.help());
            help.getStyleClass().add("param-help");
            help.setWrapText(true);
            fields.getChildren().addAll(caption(spec.name() + (spec.required() ? " *" : ""), spec.help()),
                    editor.control(), help, error);
        }
    }

    /**
     * What stops the node from running, as {@code validate} says it (checked against the data and models in
     * the background): one line each, kept up to date while the node is shown.
     */
    private Label nodeProblems() {
        problemsLabel = problemLabel("node-problems");
        showNodeProblems();
        return problemsLabel;
    }

    private void showNodeProblems() {
        if (problemsLabel != null) {
            List<String> problems = model.nodeProblems();
            show(problemsLabel, problems.isEmpty() ? Optional.empty()
                    : Optional.of(problems.stream().map(p -> "⚠ " + p).collect(Collectors.joining("\n"))));
        }
    }

    /** What the error mark on a parameter's field says, if it has one (for tests). */
    Optional<String> decoration(String param) {
        return decorations.shown(param);
    }

    private static String relativize(Path base, String absolute) {
        Path file = Path.of(absolute);
        return base != null && file.startsWith(base) ? base.relativize(file).toString() : absolute;
    }

    /** Shows values changed elsewhere (undo, redo) in the open editors, and refreshes their problems. */
    private void sync() {
        syncing = true;
        try {
            if (header) {
                Scenario scenario = model.document().scenario();
                setIfDifferent(nameField, scenario.name());
                setIfDifferent(descriptionField, scenario.description());
                if (!seedField.getText().strip().equals(Long.toString(scenario.seed()))) {
                    seedField.setText(Long.toString(scenario.seed()));
                }
                return;
            }
            model.node().ifPresent(node -> editors.forEach((name, editor) -> {
                editor.show(node.params().get(name));
                editor.report(model.problemOf(name));
            }));
        } finally {
            syncing = false;
        }
    }

    private static void setIfDifferent(javafx.scene.control.TextInputControl field, String text) {
        if (!field.getText().equals(text)) {
            field.setText(text);
        }
    }

    private static Label caption(String text, String help) {
        Label label = new Label(text);
        label.getStyleClass().add("param-name");
        label.setTooltip(new Tooltip(help));
        return label;
    }

    private static Label problemLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("param-problem");
        label.setWrapText(true);
        label.setManaged(false);
        label.setVisible(false);
        return label;
    }

    private static void show(Label label, Optional<String> problem) {
        label.setText(problem.orElse(""));
        label.setVisible(problem.isPresent());
        label.setManaged(problem.isPresent());
    }
}
