package org.twinbench.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.twinbench.sim.Alarm;

/**
 * The desktop notices of a window's run (shown with ControlsFX {@code Notifications}, see
 * docs/decisions/0007-controlsfx-where-it-serves.md): its alarms and its end. They are coalesced so a
 * run that raises alarms at every step does not bury the screen: the first alarm is announced at once;
 * alarms that follow within {@link #QUIET_NANOS} are held and announced together with the next alarm
 * after that, or folded into the one notice that says the run has ended. Policy actions (retraining,
 * rollback) are counted with the alarms.
 */
final class RunNotices {

    /** At most one alarm notice per this much time (10 s). */
    static final long QUIET_NANOS = 10_000_000_000L;

    /** One notice: a title, a line of text, and whether it warns (an alarm) or informs (an end). */
    record Notice(String title, String text, boolean warning) {
    }

    private final Consumer<Notice> show;
    private final LongSupplier clock;
    private final List<Alarm> held = new ArrayList<>();
    private long lastShown = Long.MIN_VALUE;
    private final List<Alarm> thisRun = new ArrayList<>();
    private boolean running;

    RunNotices(Consumer<Notice> show, LongSupplier clock) {
        this.show = show;
        this.clock = clock;
    }

    /** Follows a window's run: alarms added while it runs, and its end with the status line's last words. */
    static RunNotices follow(ObservableBooleanValue running, ObservableList<Alarm> alarms, ObservableStringValue status,
                             Consumer<Notice> show) {
        RunNotices notices = new RunNotices(show, System::nanoTime);
        running.addListener((obs, was, now) -> {
            if (now) {
                notices.started();
            } else {
                // The run's last words reach the status line just after it stops running.
                javafx.application.Platform.runLater(() -> notices.ended(status.get()));
            }
        });
        alarms.addListener((ListChangeListener<Alarm>) change -> {
            while (change.next()) {
                if (change.wasAdded() && !change.wasReplaced() && running.get()) {
                    notices.alarms(change.getAddedSubList());
                }
            }
        });
        return notices;
    }

    /** The classes the first notice loads, one binary name a line ({@link #prepare}). */
    static final String CLASSES = "/org/twinbench/ui/notice-classes.txt";

    /**
     * Loads and links the classes the first notice needs ({@value #CLASSES}: ControlsFX's popup, its skin, the
     * layouts and transitions it uses) on a daemon thread of its own, below the FX thread, and returns at once: the
     * first run's end otherwise loads them on the FX thread as it shows its notice (about 140 classes, 90 ms of the FX
     * thread's CPU on this project's 2-core machine, in a frame of up to 200 ms; docs/limits.md). Nothing is
     * initialised, so no static initialiser runs off the FX thread. Run once the window has drawn its first frame.
     */
    static void prepare() {
        Thread thread = new Thread(() -> {
            org.twinbench.ui.fx.ThreadNiceness.lowerThisThread();
            StartupClasses.load(RunNotices.class.getResourceAsStream(CLASSES), RunNotices.class.getClassLoader());
        }, "twinbench-notice-classes");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Shows a notice with ControlsFX {@code Notifications} at the bottom right of the owner's screen for 8 s. */
    static Consumer<Notice> desktop(java.util.function.Supplier<javafx.stage.Window> owner) {
        return notice -> {
            javafx.stage.Window window = owner.get();
            if (window == null || !window.isShowing()) {
                return;
            }
            org.controlsfx.control.Notifications note = org.controlsfx.control.Notifications.create()
                    .title(notice.title()).text(wrap(notice.text(), LINE)).owner(window)
                    .position(javafx.geometry.Pos.BOTTOM_RIGHT).hideAfter(javafx.util.Duration.seconds(8));
            if (notice.warning()) {
                note.showWarning();
            } else {
                note.showInformation();
            }
        };
    }

    /** Characters a notice's line holds: about 520 px, so a notice fits inside a 1280-pixel-wide window. */
    static final int LINE = 70;

    /**
     * {@code text} broken at spaces into lines of at most {@code width} characters (a longer word keeps
     * a line of its own): ControlsFX draws a notice's text on one line, which a long alarm detail would
     * carry past the screen's edge.
     */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            int line = 0;
            for (String word : paragraph.split(" ")) {
                if (line > 0 && line + 1 + word.length() > width) {
                    out.append('\n');
                    line = 0;
                } else if (line > 0) {
                    out.append(' ');
                    line++;
                }
                out.append(word);
                line += word.length();
            }
        }
        return out.toString();
    }

    void started() {
        running = true;
        held.clear();
        thisRun.clear();
        lastShown = Long.MIN_VALUE;
    }

    /** Alarms the run raised; announced now, or held while the last notice is less than {@link #QUIET_NANOS} old. */
    void alarms(List<? extends Alarm> added) {
        if (!running || added.isEmpty()) {
            return;
        }
        held.addAll(added);
        thisRun.addAll(added);
        long now = clock.getAsLong();
        if (lastShown == Long.MIN_VALUE || now - lastShown >= QUIET_NANOS) {
            lastShown = now;
            show.accept(new Notice(count(held), describe(held), true));
            held.clear();
        }
    }

    /**
     * The run has ended with this status line ("Finished: 60 steps", "Stopped", "Cannot run: …"): one notice of its
     * first sentence, on one short line ({@link #headline}), and the counts of the run's alarms and actions — those
     * still held among them — "Finished: 60 steps · 6 alarms, 1 retraining". The status line keeps the rest (the
     * verdict, the run's notes).
     */
    void ended(String status) {
        if (!running) {
            return;
        }
        running = false;
        String text = headline(status);
        if (!thisRun.isEmpty()) {
            text += " · " + count(thisRun);
        }
        held.clear();
        boolean failed = text.startsWith("Cannot run") || text.startsWith("Run failed");
        show.accept(new Notice(failed ? "The run failed" : "Run ended", text, failed));
    }

    /**
     * The first sentence of a status line, at most {@link #LINE} characters (cut at a word, with "…"): "Finished: 60
     * steps" of "Finished: 60 steps. Verdict: AMBER: …", "The run has ended" of none.
     */
    static String headline(String status) {
        String text = status == null || status.isBlank() ? "The run has ended" : status.strip();
        int end = text.indexOf(". ");
        text = end > 0 ? text.substring(0, end) : text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return shortened(text);
    }

    /** {@code text} of at most {@link #LINE} characters, cut at a word with "…" when longer. */
    static String shortened(String text) {
        if (text.length() <= LINE) {
            return text;
        }
        int cut = text.lastIndexOf(' ', LINE - 1);
        return text.substring(0, cut > 0 ? cut : LINE - 1).stripTrailing() + "…";
    }

    /** How many of each kind, in words: "1 alarm", "2 alarms, 1 retraining". */
    static String count(List<? extends Alarm> alarms) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put(Alarm.ALARM, 0);
        alarms.forEach(alarm -> counts.merge(alarm.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> {
            if (n > 0) {
                String word = switch (kind) {
                    case Alarm.ALARM -> n == 1 ? "alarm" : "alarms";
                    case Alarm.RETRAIN -> n == 1 ? "retraining" : "retrainings";
                    case Alarm.ROLLBACK -> n == 1 ? "rollback" : "rollbacks";
                    case Alarm.PROMOTE -> n == 1 ? "promotion" : "promotions";
                    default -> kind;
                };
                parts.add(n + " " + word);
            }
        });
        return String.join(", ", parts);
    }

    /**
     * What alarms say together, on one short line: the step, the node and what its alarm is about ("step 34 ·
     * feature-drift: income drifted", the figures left to the alarm list: a notice of two lines was drawn one line
     * high and cut at the screen's edge), or the steps and the nodes of several.
     */
    static String describe(List<? extends Alarm> alarms) {
        if (alarms.size() == 1) {
            Alarm alarm = alarms.get(0);
            String detail = alarm.detail() == null ? "" : alarm.detail().strip();
            int figures = detail.indexOf(": ");
            String about = figures > 0 ? detail.substring(0, figures) : detail;
            return shortened("step " + alarm.step() + " · " + alarm.nodeId() + (about.isEmpty() ? "" : ": " + about));
        }
        Set<String> nodes = new LinkedHashSet<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (Alarm alarm : alarms) {
            nodes.add(alarm.nodeId());
            first = Math.min(first, alarm.step());
            last = Math.max(last, alarm.step());
        }
        return (first == last ? "step " + first : "steps " + first + "–" + last) + " · " + String.join(", ", nodes);
    }
}
