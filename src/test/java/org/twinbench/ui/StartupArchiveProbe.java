package org.twinbench.ui;

import java.lang.management.ManagementFactory;

/**
 * A main class for {@link StartupArchiveTest}: starts itself again through {@link StartupArchive} as the launcher
 * does, and in the JVM that runs prints its options, whether it maps an archive, and exits with the status its
 * first argument gives.
 */
public final class StartupArchiveProbe {

    private StartupArchiveProbe() {
    }

    public static void main(String[] args) {
        int relaunched = StartupArchive.relaunch(StartupArchiveProbe.class.getName(), args);
        if (relaunched >= 0) {
            System.exit(relaunched);
        }
        System.out.println("vm_info=" + System.getProperty("java.vm.info"));
        System.out.println("child=" + System.getProperty(StartupArchive.CHILD));
        System.out.println("options=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println("args=" + String.join(",", args));
        System.exit(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    }
}
