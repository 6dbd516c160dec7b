package org.twinbench.ui.wizard;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.twinbench.data.Task;
import org.twinbench.sim.whatif.WhatIfModel;
import org.twinbench.sim.whatif.WhatIfQuestion;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * The guided "Will my model hold up?" wizard: its six pages, each with a small view model that
 * keeps what the user entered (also when they go back), and the page shown. Moves on only when the
 * current page has what it needs; arriving on the results tries the changes. Every text the pages
 * produce is plain language, without ML words.
 */
public final class WizardNavigator {

    /** The pages, in order. */
    public enum Page { DATA, TARGET, MODEL, CHANGES, GROUPS, RESULTS }

    /** The seed of every what-if study of the wizard: the same answers give the same verdicts. */
    static final long SEED = 20261127L;

    private final WizardStatus status = new WizardStatus();
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.DATA);
    private final DataPageModel data;
    private final TargetPageModel target;
    private final ModelPageModel model;
    private final ChangesPageModel changes = new ChangesPageModel();
    private final GroupsPageModel groups = new GroupsPageModel();
    private final ResultsPageModel results;
    private final BackgroundTask.Runner runner;
    private final WizardWork work;
    /** The ranking of the changes under way (a newer one drops an older one's answer). */
    private final BackgroundTask.Key ranking = new BackgroundTask.Key();

    /**
     * @param background where reading, training and trying run (the app executor)
     * @param fxThread where their results arrive
     */
    public WizardNavigator(Executor background, Executor fxThread) {
        this.work = new WizardWork(background);
        this.runner = new BackgroundTask.Runner(work, fxThread);
        this.data = new DataPageModel(runner, status);
        this.target = new TargetPageModel(data.dataProperty());
        this.model = new ModelPageModel(runner, status, data, target);
        this.results = new ResultsPageModel(runner, status);
        data.dataProperty().addListener((obs, old, frame) -> {
            model.reset();
            target.guessFrom(frame);
            groups.offer(frame, target.targetProperty().get());
        });
        // Another outcome: the groups are offered again without it, so it is never checked (or
        // changed by a scenario) as a group of itself.
        target.targetProperty().addListener((obs, old, chosen) -> {
            model.invalidate();
            groups.offer(data.dataProperty().get(), chosen);
        });
        target.outcomeToWatchProperty().addListener((obs, old, chosen) -> model.invalidate());
        // A model built: the groups it serves worst are offered first.
        model.foundProperty().addListener((obs, old, found) -> groups.found(found));
    }

    /** Why the user cannot go on from the current page yet, or "" when they can. */
    public String blocker() {
        return switch (page.get()) {
            case DATA -> data.blocker();
            case TARGET -> target.blocker();
            case MODEL -> model.blocker();
            case CHANGES -> changes.blocker();
            case GROUPS, RESULTS -> "";
        };
    }

    public void next() {
        if (!blocker().isEmpty() || page.get() == Page.RESULTS) {
            status.problem(blocker());
            return;
        }
        status.problem("");
        page.set(Page.values()[page.get().ordinal() + 1]);
        if (page.get() == Page.CHANGES) {
            describeChanges();
        }
        if (page.get() == Page.RESULTS) {
            results.tryChanges(question(), model.givenTask() != null ? model.givenTask()
                    : target.taskProperty().get(), model.modelSummaryProperty().get(),
                    model.givenModelProperty().get() != null);
        }
    }

    /** Each change says which of the user's columns it touches and how, for the data, outcome and model chosen. */
    private void describeChanges() {
        changes.rank(java.util.List.of());
        WhatIfQuestion now = question();
        org.twinbench.data.Frame frame = data.dataProperty().get();
        if (frame != null && (now.model() != null || target.taskProperty().get() == org.twinbench.data.Task.BINARY)) {
            // A ranking that cannot be made (a column the search cannot score) leaves the page in its own order.
            runner.task(context -> org.twinbench.sim.whatif.ChangeReach.rank(now, frame)).whileCurrent(ranking.next())
                    .onSuccess(changes::rank).onFailure(e -> changes.rank(java.util.List.of())).start();
        }
        changes.describeWith(change -> {
            WhatIfQuestion asked = question();
            return ChangeWords.of(new WhatIfQuestion(asked.data(), asked.target(), asked.positive(), asked.features(),
                    asked.groups(), java.util.List.of(change), asked.seed(), asked.model()),
                    data.dataProperty().get(), change);
        });
    }

    public void back() {
        if (page.get() != Page.DATA) {
            results.cancel();
            status.busy("");
            status.problem("");
            page.set(Page.values()[page.get().ordinal() - 1]);
        }
    }

    public void startOver() {
        cancelWork();
        page.set(Page.DATA);
        status.problem("");
    }

    /**
     * Stops the background work (on Cancel, Done, closing, starting over): the trial of the changes stops, and a file
     * being read, a model being built (with its search for the groups it serves worst) and the ranking of the changes
     * deliver nothing any more. Before, only the trial stopped: a model or ranking finished after Cancel still filled
     * the closed wizard's pages and cleared its busy line.
     */
    public void cancelWork() {
        results.cancel();
        data.cancel();
        model.cancel();
        ranking.invalidate();
        status.busy("");
    }

    /** Whether any of the wizard's background tasks is still queued or running (delivering or not). */
    public boolean working() {
        return work.pending() > 0;
    }

    /** Whether cancelling would throw away something the user entered. */
    public boolean hasEntries() {
        return data.dataProperty().get() != null;
    }

    /** What the results page asks: the user's data, target, model, changes and groups. */
    public WhatIfQuestion question() {
        WhatIfModel given = model.givenModelProperty().get();
        return new WhatIfQuestion(data.dataFileProperty().get(), target.targetProperty().get(),
                target.outcomeToWatchProperty().get(), model.features(), groups.chosenGroups(),
                changes.chosenChanges(), SEED, given == null ? model.builtModelProperty().get() : given.file());
    }

    public DataPageModel data() {
        return data;
    }

    public TargetPageModel target() {
        return target;
    }

    public ModelPageModel model() {
        return model;
    }

    public ChangesPageModel changes() {
        return changes;
    }

    public GroupsPageModel groups() {
        return groups;
    }

    public ResultsPageModel results() {
        return results;
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** What the wizard is doing in the background, or "". */
    public ReadOnlyStringProperty busyProperty() {
        return status.busyProperty();
    }

    /** Why the user cannot go on, or what went wrong, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return status.problemProperty();
    }
}
