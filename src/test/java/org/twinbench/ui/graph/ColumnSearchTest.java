package org.twinbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;

/**
 * A column picker over a long list of columns — the 30 measurements of scikit-learn's breast cancer
 * set — offers a searchable list beside the field; over wine's 13 it is the plain list alone.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnSearchTest {

    private final List<String> typed = new ArrayList<>();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private ParamEditor editor;

    @Start
    void start(Stage stage) {
        NodeType.ParamSpec spec = NodeCatalog.find(NodeCatalog.COVARIATE_SHIFT).orElseThrow().param("column").orElseThrow();
        editor = ParamEditor.of(spec, new ParamEditor.Sink() {
            @Override
            public Optional<String> text(String param, String text) {
                typed.add(param + "=" + text);
                return Optional.empty();
            }

            @Override
            public Optional<String> value(String param, Object value) {
                typed.add(param + "=" + value);
                return Optional.empty();
            }
        }, columns, path -> path);
        stage.setScene(new Scene((javafx.scene.Parent) editor.control(), 600, 80));
        stage.show();
    }

    private static List<String> header(String resource, String... drop) throws Exception {
        String first = Files.readAllLines(Path.of("src/test/resources", resource)).get(0);
        List<String> names = new ArrayList<>(Arrays.asList(first.split(",")));
        names.removeAll(List.of(drop));
        return names;
    }

    @Test
    void thirtyColumnsAreSearchedThirteenAreListed(FxRobot robot) throws Exception {
        List<String> breast = header("onnx-exported/breast-cancer.csv", "diagnosis");
        assertThat(breast).hasSize(30);
        robot.interact(() -> columns.setAll(breast));
        @SuppressWarnings("unchecked")
        SearchableComboBox<String> search = robot.lookup("#param-column-search").queryAs(SearchableComboBox.class);
        assertThat(search.isVisible()).isTrue();
        assertThat(search.getItems()).containsExactlyElementsOf(breast);
        assertThat(search.getPromptText()).isEqualTo("search 30 columns");

        robot.interact(() -> search.setValue("worst_concave_points"));
        assertThat(typed).containsExactly("column=worst_concave_points");
        @SuppressWarnings("unchecked")
        ComboBox<String> field = robot.lookup("#param-column").queryAs(ComboBox.class);
        assertThat(field.getEditor().getText()).isEqualTo("worst_concave_points");

        List<String> wine = header("tasks/engine/wine-train.csv", "row", "cultivar", "alcohol_level");
        assertThat(wine).hasSize(13);
        robot.interact(() -> columns.setAll(wine));
        assertThat(search.isVisible()).as("13 columns fit a plain list").isFalse();
        assertThat(field.getItems()).containsExactlyElementsOf(wine);
        assertThat(field.getEditor().getText()).as("the chosen column stays typed").isEqualTo("worst_concave_points");
    }
}
