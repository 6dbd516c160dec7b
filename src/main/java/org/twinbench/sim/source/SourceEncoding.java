package org.twinbench.sim.source;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import org.twinbench.data.LoadOptions;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;

/**
 * The {@code encoding} a dataset node names for its file: {@code auto} (detected as the loader detects it)
 * or a charset Java knows by that name or an alias ({@code UTF-16LE}, {@code windows-1252}, {@code latin1} …).
 * The same reading serves the load, the check and a followed file, so they never disagree.
 */
public final class SourceEncoding {

    /** The value that leaves the encoding to detection. */
    public static final String AUTO = "auto";

    private SourceEncoding() {
    }

    /**
     * The charset the node names, or null for {@code auto}.
     *
     * @throws ScenarioException naming the node and the parameter when the name is not an encoding
     */
    public static Charset of(ScenarioNode node) {
        String name = node.string("encoding");
        if (name == null || name.strip().equalsIgnoreCase(AUTO)) {
            return null;
        }
        String problem = problem(name);
        if (problem != null) {
            throw new ScenarioException("node " + node.id() + ": encoding " + problem);
        }
        return Charset.forName(name.strip());
    }

    /** What is wrong with {@code name} as an encoding, or null when it is one (or {@code auto}). */
    public static String problem(String name) {
        if (name.strip().equalsIgnoreCase(AUTO)) {
            return null;
        }
        try {
            Charset.forName(name.strip());
            return null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return "'" + name + "' is not an encoding; use auto or a name such as UTF-8, UTF-16LE, UTF-16BE,"
                    + " windows-1252 or ISO-8859-1";
        }
    }

    /** How the node's file is read: detected, but in the encoding the node names. */
    public static LoadOptions options(ScenarioNode node) {
        return LoadOptions.detect().withCharset(of(node));
    }
}
