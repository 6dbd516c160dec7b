package org.twinbench.ui.wizard;

import java.util.Locale;

/** Small text helpers of the wizard's plain-language pages. */
final class WizardWords {

    private WizardWords() {
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
