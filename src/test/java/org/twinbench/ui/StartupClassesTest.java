package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The start-up preloader: loads and links the listed classes without running their static initialisers. */
class StartupClassesTest {

    /** Set by {@link Marked}'s static initialiser. */
    static final AtomicBoolean MARKED_INITIALISED = new AtomicBoolean();

    /** A class whose static initialiser leaves a mark, loaded here only by name. */
    static final class Marked {
        static {
            MARKED_INITIALISED.set(true);
        }
    }

    private static final ClassLoader LOADER = StartupClassesTest.class.getClassLoader();

    private static InputStream list(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loadsAListedClassWithoutRunningItsStaticInitialiser() throws Exception {
        String name = StartupClassesTest.class.getName() + "$Marked";

        assertThat(StartupClasses.load(list(name + "\n"), LOADER)).isEqualTo(1);
        assertThat(MARKED_INITIALISED).isFalse();

        // Loaded, not initialised: the first real use still runs the initialiser, on the thread that uses it.
        Class.forName(name, true, LOADER);
        assertThat(MARKED_INITIALISED).isTrue();
    }

    @Test
    void passesOverNamesThatAreNotOnTheClassPathAndBlankLines() {
        String text = "org.twinbench.ui.NoSuchView\n\n  org.twinbench.Launcher  \nnot a class name\njava.util.ArrayList\n";

        assertThat(StartupClasses.load(list(text), LOADER)).isEqualTo(2);
    }

    @Test
    void withoutAListNothingIsLoaded() {
        assertThat(StartupClasses.load(null, LOADER)).isZero();
    }

    /**
     * The shipped list is the window's: it names the main view and the toolkit's controls, and (other than classes
     * of another platform's toolkit) its names are on the class path. Should this fail after classes were renamed or
     * removed, write the list again with {@code scripts/startup-classes.sh}.
     */
    @Test
    void theShippedListNamesClassesOfTheWindowThatExist() throws IOException {
        List<String> names = lines(StartupClasses.LIST);
        List<String> ours = names.stream().filter(n -> n.startsWith("org.twinbench.")).toList();

        assertThat(names).hasSizeGreaterThan(1_000).contains("org.twinbench.ui.MainView",
                "org.twinbench.ui.TwinBenchApp", "javafx.scene.control.TableView", "javafx.fxml.FXMLLoader");
        assertThat(names).doesNotHaveDuplicates().noneMatch(n -> n.contains("$$Lambda") || n.contains("/"));
        assertThat(StartupClasses.load(list(String.join("\n", ours)), LOADER))
                .as("of the list's %d TwinBench classes", ours.size()).isGreaterThanOrEqualTo((int) (ours.size() * 0.9));
        assertThat(StartupClasses.load(list(String.join("\n", names)), LOADER))
                .as("of the list's %d classes", names.size()).isGreaterThanOrEqualTo((int) (names.size() * 0.8));
    }

    /**
     * The first notice's list ({@link RunNotices#prepare}) names ControlsFX's notification popup and its skin, and every
     * name in it is on the class path; a comment line is passed over. Should this fail after an upgrade of JavaFX or
     * ControlsFX, record a first run's end again and list the classes the FX thread loads as the notice shows.
     */
    @Test
    void theFirstNoticesListNamesItsPopupsClassesAndAllExist() throws IOException {
        List<String> lines = lines(RunNotices.CLASSES);
        List<String> names = lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        assertThat(lines.get(0)).startsWith("#");
        assertThat(names).hasSizeGreaterThan(100).doesNotHaveDuplicates()
                .contains("org.controlsfx.control.Notifications", "impl.org.controlsfx.skin.NotificationBar",
                        "org.controlsfx.control.NotificationPane");
        assertThat(StartupClasses.load(list(String.join("\n", lines)), LOADER)).isEqualTo(names.size());
    }

    /** The lines of the resource {@code name} on the class path. */
    private static List<String> lines(String name) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                StartupClasses.class.getResourceAsStream(name), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
