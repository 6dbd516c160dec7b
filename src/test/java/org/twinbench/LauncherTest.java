package org.twinbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which arguments open the window and which run the command line (the installed launcher relies on it). */
class LauncherTest {

    @Test
    void noArgumentsOpensTheWindow() {
        assertThat(Launcher.opensGui(new String[0])).isTrue();
    }

    @Test
    void aSingleAssociatedFileOpensTheWindow() {
        assertThat(Launcher.opensGui(new String[] {"/home/ana/loans-recession.twin.json"})).isTrue();
        assertThat(Launcher.opensGui(new String[] {"/home/ana/credit.twinmodel"})).isTrue();
    }

    @Test
    void commandsAndOtherFilesRunTheCommandLine() {
        assertThat(Launcher.opensGui(new String[] {"--version"})).isFalse();
        assertThat(Launcher.opensGui(new String[] {"validate", "a.twin.json"})).isFalse();
        assertThat(Launcher.opensGui(new String[] {"loans.csv"})).isFalse();
        assertThat(Launcher.opensGui(new String[] {"a.twin.json", "b.twin.json"})).isFalse();
    }
}
