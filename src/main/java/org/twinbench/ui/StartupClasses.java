package org.twinbench.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads and links, on a thread of its own, the classes the window needs for its first frame, while the main thread
 * starts the toolkit and the FX thread builds the window: the FX thread then finds most of them loaded and verified
 * instead of reading each from its jar in turn. The list ({@value #LIST}, written by
 * {@code scripts/startup-classes.sh}) is in the order the window loads them. A class is loaded and linked but not
 * initialised, so no static initialiser runs on this thread (JavaFX's initialise one another and must run where the
 * toolkit expects); a name the list has but the class path has not is passed over. Off unless
 * {@code -Dtwinbench.startup.preload=true}: on the quiet 2-core machine it did not bring the first frame sooner
 * (docs/limits.md, "Judged on a quiet machine") and it costs CPU.
 */
public final class StartupClasses {

    /** The resource listing the classes, one binary name a line. */
    static final String LIST = "/org/twinbench/ui/startup-classes.txt";

    private StartupClasses() {
    }

    /** Starts loading the listed classes on a daemon thread; returns at once. */
    public static void preload() {
        if (!Boolean.parseBoolean(System.getProperty("twinbench.startup.preload", "false"))) {
            return;
        }
        Thread thread = new Thread(() -> {
            int loaded = load(StartupClasses.class.getResourceAsStream(LIST), StartupClasses.class.getClassLoader());
            StartupTrace.mark("preloaded_" + loaded);
        }, "twinbench-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Loads and links each class {@code list} names through {@code loader}, without initialising it; returns how many
     * it loaded (names it cannot load and lines starting with {@code #} are passed over). {@code list} may be null (no list): nothing is loaded.
     */
    static int load(InputStream list, ClassLoader loader) {
        if (list == null) {
            return 0;
        }
        int loaded = 0;
        try (BufferedReader names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            String name;
            while ((name = names.readLine()) != null) {
                if (!name.isBlank() && !name.startsWith("#") && link(name.strip(), loader)) {
                    loaded++;
                }
            }
        } catch (IOException e) {
            // The list is part of the jar; if it cannot be read the window only starts as it would without it.
        }
        return loaded;
    }

    private static boolean link(String name, ClassLoader loader) {
        try {
            // Asking for the constructors links (verifies) the class; initialize=false keeps its static initialiser.
            Class.forName(name, false, loader).getDeclaredConstructors();
            return true;
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return false;
        }
    }
}
