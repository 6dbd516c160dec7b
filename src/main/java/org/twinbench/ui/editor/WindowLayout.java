package org.twinbench.ui.editor;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.twinbench.data.AtomicFiles;

/**
 * How the user left the main window's panes, kept in {@code window.properties} in the TwinBench folder
 * so the next session opens the same way: whether the results are shown under the graph, and the share
 * of the height they take. A missing or unreadable file (or a value out of range) gives the defaults.
 *
 * @param resultsShown whether the results pane is shown under the graph
 * @param resultsShare the share of the editor/results height the results take, 0.2 to 0.8
 */
public record WindowLayout(boolean resultsShown, double resultsShare) {

    /** The name of the file in the TwinBench folder. */
    public static final String FILE = "window.properties";
    /** The least and largest share the results may be given (the divider's drag limits). */
    public static final double LEAST_SHARE = 0.2;
    public static final double LARGEST_SHARE = 0.8;

    public WindowLayout {
        if (!(resultsShare >= LEAST_SHARE && resultsShare <= LARGEST_SHARE)) {
            throw new IllegalArgumentException("results share " + resultsShare + " is outside "
                    + LEAST_SHARE + "–" + LARGEST_SHARE);
        }
    }

    /** The layout of {@code home}'s file, or {@code defaults} when there is none or it cannot be read. */
    public static WindowLayout read(Path home, WindowLayout defaults) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return defaults;
        }
        Properties values = new Properties();
        try {
            values.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            boolean shown = Boolean.parseBoolean(values.getProperty("results.shown",
                    Boolean.toString(defaults.resultsShown())));
            double share = Double.parseDouble(values.getProperty("results.share",
                    Double.toString(defaults.resultsShare())));
            return new WindowLayout(shown, Math.min(LARGEST_SHARE, Math.max(LEAST_SHARE, share)));
        } catch (IOException | RuntimeException e) {
            // A damaged file only costs the user the layout of the last session.
            return defaults;
        }
    }

    /** Writes this layout to {@code home}'s file, atomically. */
    public void write(Path home) throws IOException {
        Properties values = new Properties();
        values.setProperty("results.shown", Boolean.toString(resultsShown));
        values.setProperty("results.share", String.format(Locale.ROOT, "%.3f", resultsShare));
        StringWriter text = new StringWriter();
        values.store(text, "TwinBench window layout");
        Files.createDirectories(home);
        AtomicFiles.write(home.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public WindowLayout withResultsShown(boolean shown) {
        return new WindowLayout(shown, resultsShare);
    }

    /** This layout with the results' share {@code share}, brought within the drag limits. */
    public WindowLayout withResultsShare(double share) {
        return new WindowLayout(resultsShown, Math.min(LARGEST_SHARE, Math.max(LEAST_SHARE, share)));
    }
}
