package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard's Back, Next and Cancel stay inside its window on every page. Walking modeldata's telco churn (7,043
 * customers, 19 columns) under Xvfb, they vanished below the window's edge once the model was built: every page sat
 * in one stack, hidden pages counted in its height, and the groups page had grown with the table's many two-valued
 * columns. The table here has that shape: 24 yes/no columns beside the tenure and the outcome. It leaves by Cancel on
 * the groups page ({@link WizardWindowTest#close}), its "Yes" cells and outcome list beside the confirmation's own Yes.
 */
@ExtendWith(ApplicationExtension.class)
class WizardButtonsInViewTest extends WizardWindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private Path manyYesNoColumns() throws Exception {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("tenure");
        for (int c = 0; c < 24; c++) {
            csv.append(",service_").append((char) ('a' + c));
        }
        csv.append(",churn\n");
        for (int i = 0; i < 2400; i++) {
            int tenure = random.nextInt(72);
            csv.append(tenure);
            for (int c = 0; c < 24; c++) {
                csv.append(random.nextDouble() < 0.3 + 0.02 * c ? ",Yes" : ",No");
            }
            csv.append(tenure < 12 ^ random.nextDouble() < 0.15 ? ",Yes\n" : ",No\n");
        }
        Path file = home.resolve("services.csv");
        Files.writeString(file, csv);
        return file;
    }

    /** Whether {@code node} lies wholly inside its scene (and so inside the window). */
    private static boolean inScene(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node node = robot.lookup(query).query();
            Bounds bounds = node.localToScene(node.getBoundsInLocal());
            return node.isVisible() && bounds.getMinY() >= 0 && bounds.getMaxY() <= node.getScene().getHeight() + 0.5
                    && bounds.getMaxX() <= node.getScene().getWidth() + 0.5;
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void backNextAndCancelStayInsideTheWindowOnEveryPage(FxRobot robot) throws Exception {
        Path data = manyYesNoColumns();
        robot.interact(() -> model.data().loadData(data));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.data().dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.target().targetProperty().get()).isEqualTo("churn");
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#buildModelButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.model().modelReadyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        for (WizardNavigator.Page page : new WizardNavigator.Page[] {WizardNavigator.Page.MODEL,
            WizardNavigator.Page.CHANGES, WizardNavigator.Page.GROUPS}) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.pageProperty().get() == page);
            WaitForAsyncUtils.waitForFxEvents();
            for (String button : new String[] {"#backButton", "#nextButton", "#cancelButton"}) {
                assertThat(inScene(robot, button)).as("%s on the %s page", button, page).isTrue();
            }
            if (page != WizardNavigator.Page.GROUPS) {
                if (page == WizardNavigator.Page.CHANGES) {
                    robot.clickOn("#change-season");
                }
                robot.clickOn("#nextButton");
            }
        }
    }
}
