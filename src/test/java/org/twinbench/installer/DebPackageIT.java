package org.twinbench.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .deb} of the {@code installer} profile, read with {@code dpkg-deb} (nothing is installed):
 * the launcher under /opt/twinbench, a menu entry that passes the double-clicked file, the MIME types
 * of both file associations, and maintainer scripts with every jpackage token filled in.
 * Skipped where dpkg-deb is missing or the profile built no .deb.
 */
class DebPackageIT {

    private static Path deb;

    @TempDir
    static Path unpacked;

    @BeforeAll
    static void unpackTheDeb() throws Exception {
        assumeTrue(Installer.onLinux() && Installer.onPath("dpkg-deb").isPresent(), "dpkg-deb missing");
        try (Stream<Path> files = Files.list(Installer.directory())) {
            deb = files.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst().orElse(null);
        }
        assumeTrue(deb != null, "no .deb in " + Installer.directory() + " (built with --app-image-only?)");
        dpkgDeb("-x", deb.toString(), unpacked.resolve("root").toString());
        dpkgDeb("-e", deb.toString(), unpacked.resolve("control").toString());
    }

    @Test
    void controlNamesThePackageAndTheProjectVersion() throws IOException {
        String control = read("control/control");

        assertThat(control).contains("Package: twinbench\n")
                .contains("Version: " + Installer.projectVersion().replaceFirst("-.*$", "") + "-1\n")
                .contains("xdg-utils");
    }

    @Test
    void installsTheLauncherAndTheRuntime() {
        Path app = unpacked.resolve("root/opt/twinbench");

        assertThat(app.resolve("bin/TwinBench")).isExecutable();
        assertThat(app.resolve("lib/runtime/release")).isRegularFile();
        assertThat(app.resolve("lib/app/twinbench.jar")).isRegularFile();
        assertThat(app.resolve("share/doc/copyright")).content(StandardCharsets.UTF_8)
                .contains("GNU GENERAL PUBLIC LICENSE");
    }

    @Test
    void menuEntryOpensTheDoubleClickedFileWithTheProjectIcon() throws IOException {
        List<String> entry = read("root/opt/twinbench/lib/twinbench-TwinBench.desktop").lines().toList();

        assertThat(entry).contains("[Desktop Entry]", "Name=TwinBench", "Exec=/opt/twinbench/bin/twinbench %f",
                "Icon=/opt/twinbench/lib/TwinBench.png", "Terminal=false", "Type=Application",
                "StartupWMClass=org.twinbench.ui.TwinBenchApp",
                "MimeType=application/x-twinbench-scenario+json;application/x-twinbench-model");
        assertThat(unpacked.resolve("root/opt/twinbench/lib/TwinBench.png"))
                .hasSameBinaryContentAs(Path.of("installer/icons/twinbench.png"));
    }

    @Test
    void mimeInfoGlobsBothAssociatedExtensions() throws IOException {
        String mime = read("root/opt/twinbench/lib/twinbench-TwinBench-MimeInfo.xml");

        assertThat(mime).contains("type=\"application/x-twinbench-scenario+json\"")
                .contains("<glob pattern=\"*.twin.json\">")
                .contains("type=\"application/x-twinbench-model\"")
                .contains("<glob pattern=\"*.twinmodel\">");
    }

    @Test
    void maintainerScriptsRegisterTheDesktopEntryAndTheCommand() throws IOException {
        String postinst = read("control/postinst");
        String prerm = read("control/prerm");

        assertThat(postinst).contains("xdg-desktop-menu install /opt/twinbench/lib/twinbench-TwinBench.desktop")
                .contains("xdg-mime install /opt/twinbench/lib/twinbench-TwinBench-MimeInfo.xml")
                .contains("ln -sf /opt/twinbench/bin/twinbench /usr/bin/twinbench")
                .contains("/opt/twinbench/bin/twinbench --startup-archive /opt/twinbench/lib/app/startup-classes.lst");
        assertThat(prerm).contains("xdg-desktop-menu uninstall").contains("rm -f /usr/bin/twinbench")
                .contains("rm -f /opt/twinbench/lib/app/startup-*.jsa");
        assertThat(unpacked.resolve("root/opt/twinbench/lib/app/startup-classes.lst")).isRegularFile();
        assertThat(unpacked.resolve("root/opt/twinbench/bin/twinbench")).isExecutable();
        // jpackage leaves a token it does not know as it is: every one must have been replaced
        assertThat(postinst + prerm).doesNotContainPattern("\\b(APPLICATION|DESKTOP|UTILITY)_[A-Z_]+\\b");
    }

    private static String read(String relative) throws IOException {
        return Files.readString(unpacked.resolve(relative), StandardCharsets.UTF_8);
    }

    private static void dpkgDeb(String... args) throws IOException, InterruptedException {
        String[] command = Stream.concat(Stream.of("dpkg-deb"), Stream.of(args)).toArray(String[]::new);
        Installer.Run run = Installer.run(Map.of(), unpacked, 300, command);
        if (run.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + run.err());
        }
    }
}
