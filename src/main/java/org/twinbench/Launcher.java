package org.twinbench;

import org.twinbench.cli.TwinBenchCommand;

/**
 * The single entry point. With no arguments it opens the workbench window; with a subcommand it
 * runs the headless command line and never touches the JavaFX toolkit.
 *
 * <p>This class deliberately does not extend {@code javafx.application.Application}: {@code java -jar}
 * refuses such a main class when JavaFX sits on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals(org.twinbench.ui.StartupArchive.MAKE)) {
            // The Linux package, once installed: the window's class archive for this install (ui.StartupArchive).
            System.exit(org.twinbench.ui.StartupArchive.make(java.nio.file.Path.of(args[1])));
        }
        if (opensGui(args)) {
            // The window starts sooner in a JVM that maps an archive of its classes (ui.StartupArchive).
            int relaunched = org.twinbench.ui.StartupArchive.relaunch(Launcher.class.getName(), args);
            if (relaunched >= 0) {
                System.exit(relaunched);
            }
            org.twinbench.ui.StartupTrace.mark("main");
            org.twinbench.ui.StartupTrace.archive();
            // The JIT compilers below the FX thread from the start (ui.fx.ThreadNiceness): the window's first frame
            // comes sooner when the FX thread is not made to wait for a core behind them.
            Thread nice = new Thread(org.twinbench.ui.fx.ThreadNiceness::lowerCompilers, "twinbench-nice");
            nice.setDaemon(true);
            nice.start();
            // While the toolkit starts, another thread loads the classes the window's first frame needs.
            org.twinbench.ui.StartupClasses.preload();
            org.twinbench.ui.TwinBenchApp.launchApp(args);
        } else {
            System.exit(TwinBenchCommand.execute(args));
        }
    }

    /**
     * No arguments, or only a file of a type the installers associate with TwinBench (a scenario or a
     * model bundle, as a double-click in the file manager passes it), means the user wants the window.
     */
    static boolean opensGui(String[] args) {
        return args.length == 0
                || (args.length == 1 && (args[0].endsWith(".twin.json") || args[0].endsWith(".twinmodel")));
    }
}
