package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/**
 * The wizard opened at 1060 × 740 whatever the screen: on a 1280 × 720 laptop (looked at under Xvfb) its last 60
 * pixels, the Back / Next / Cancel row among them, lay below the screen's edge. It now takes what the screen's usable
 * area allows, less room for the frame and title bar.
 */
class WizardSizeTest {

    @Test
    void theWizardFitsTheScreenItOpensOn() {
        assertThat(WizardView.sceneSize(new Rectangle2D(0, 0, 1920, 1080))).isEqualTo(new Dimension2D(1060, 740));
        // 1280 × 720 with a 30-pixel panel: 690 usable, 630 for the scene under a title bar.
        assertThat(WizardView.sceneSize(new Rectangle2D(0, 0, 1280, 690))).isEqualTo(new Dimension2D(1060, 630));
        assertThat(WizardView.sceneSize(new Rectangle2D(0, 0, 1024, 600))).isEqualTo(new Dimension2D(984, 540));
    }
}
