package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.twinbench.ui.shots.WindowShots;

/**
 * The wizard's Back, Next and Cancel stay inside its window on every page. Walking modeldata's telco churn (7,043
 * customers, 19 columns) under Xvfb, they vanished below the window's edge once the model was built: every page sat
 * in one stack, hidden pages counted in its height, and the groups page had grown with the table's many two-valued
 * columns. Walked here on 2,400 of those customers, the window at the size it opens at on a 1280 × 720 laptop. It
 * leaves by Cancel on the groups page ({@link WizardWindowTest#close}), its "Yes" cells and outcome list beside the
 * confirmation's own Yes.
 * <p>Screenshots of the data and groups pages: {@link WindowShots}.
 */
@ExtendWith(ApplicationExtension.class)
class WizardButtonsInViewTest extends WizardWindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /**
     * 2,400 of modeldata's telco customers (R's {@code wa_churn}, drawn at random: {@code rdata/make_data.sh}), 19
     * columns beside churn, shuffled by R so the first half is no different from the second.
     */
    static Path telcoChurn() throws java.io.IOException {
        Path file = home.resolve("wa_churn.csv");
        Files.copy(Path.of("src/test/resources/rdata/wa_churn_random.csv"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** The wizard at the size it opens at on a 1280 × 720 laptop ({@link WizardSizeTest}): 1060 × 660. */
    private static void toLaptop(FxRobot robot) throws Exception {
        javafx.geometry.Dimension2D laptop = WizardView.sceneSize(new javafx.geometry.Rectangle2D(0, 0, 1280, 720));
        Stage wizard = wizardStage();
        robot.interact(() -> {
            wizard.setWidth(laptop.getWidth());
            wizard.setHeight(laptop.getHeight());
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wizard.getScene().getHeight() <= laptop.getHeight());
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
        Path data = telcoChurn();
        toLaptop(robot);
        robot.interact(() -> model.data().loadData(data));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.data().dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        WindowShots.take(robot, wizardStage(), "wizard-data-telco-churn");
        toLaptop(robot);
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
            if (page == WizardNavigator.Page.GROUPS) {
                WindowShots.take(robot, wizardStage(), "wizard-groups-telco-churn");
            } else {
                if (page == WizardNavigator.Page.CHANGES) {
                    robot.clickOn("#change-season");
                }
                robot.clickOn("#nextButton");
            }
        }
    }
}
