package org.twinbench.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Only the chosen tab's content is in the scene: a hidden tab's content has no scene and is no descendant of the
 * window's root, it comes back (the same node, with what was typed into it) when its tab is chosen, and the tab
 * left goes out.
 */
@ExtendWith(ApplicationExtension.class)
class ShownTabContentTest {

    private TextField first;
    private VBox second;
    private TextField third;
    private Tab firstTab;
    private Tab secondTab;
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        first = new TextField("first");
        second = new VBox(new TextField("a"), new TextField("b"));
        third = new TextField("third");
        firstTab = new Tab("first", first);
        secondTab = new Tab("second", second);
        tabs = new TabPane(firstTab, secondTab, new Tab("third", third));
        ShownTabContent.keepOnlyShown(tabs);
        stage.setScene(new Scene(tabs, 300, 200));
        stage.show();
    }

    @Test
    void aHiddenTabsContentIsOutOfTheSceneUntilItsTabIsChosen() throws Exception {
        Scene scene = fx(tabs::getScene);
        assertThat(fx(first::getScene)).isSameAs(scene);
        assertThat(fx(() -> second.getScene() == null && third.getScene() == null)).isTrue();
        assertThat(fx(() -> inTree(tabs, second) || inTree(tabs, third))).isFalse();
        // 1 pane's own nodes + 1 text field shown; the hidden VBox and its two fields, and the third field, not.
        assertThat(fx(() -> contains(tabs, TextField.class))).isEqualTo(1);

        fx(() -> {
            first.setText("typed while shown");
            tabs.getSelectionModel().select(secondTab);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> second.getScene() == scene));
        assertThat(fx(() -> first.getScene() == null && !inTree(tabs, first))).isTrue();
        assertThat(fx(() -> inTree(tabs, second))).isTrue();
        assertThat(fx(() -> contains(tabs, TextField.class))).isEqualTo(2);
        assertThat(fx(() -> ShownTabContent.contentOf(firstTab))).isSameAs(first);

        fx(() -> {
            tabs.getSelectionModel().select(firstTab);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> first.getScene() == scene));
        assertThat(fx(() -> first.getText())).isEqualTo("typed while shown");
        assertThat(fx(() -> second.getScene() == null && !inTree(tabs, second))).isTrue();
        assertThat(fx(firstTab::getContent)).isSameAs(first);
    }

    private static boolean inTree(Node root, Node wanted) {
        if (root == wanted) {
            return true;
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (inTree(child, wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int contains(Node root, Class<?> type) {
        int n = type.isInstance(root) ? 1 : 0;
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                n += contains(child, type);
            }
        }
        return n;
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
