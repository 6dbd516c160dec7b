package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.BundledSamples;
import org.twinbench.data.Dataset;
import org.twinbench.data.TableLoader;
import org.twinbench.ui.fx.AppExecutor;

/**
 * "Checking the model against …" does not wait for the app executor: with every executor thread
 * held (as a run holds one until it ends), the check of the loans model against loans.csv still
 * answers.
 */
class ModelCheckWhileRunTest {

    @TempDir
    Path home;

    private final AppExecutor executor = new AppExecutor();
    private final CountDownLatch runEnds = new CountDownLatch(1);

    @AfterEach
    void close() {
        runEnds.countDown();
        executor.close();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    @Test
    void theCheckAnswersWhileEveryExecutorThreadIsBusy() throws Exception {
        Path samples = BundledSamples.extractTo(home.resolve("samples"));
        ModelPanelViewModel panel = new ModelPanelViewModel(executor, Runnable::run);
        panel.open(samples.resolve("loans-logistic.onnx"));
        await(() -> panel.modelProperty().get() != null);
        assertThat(panel.modelProperty().get()).as(panel.errorProperty().get()).isNotNull();
        Dataset loans = TableLoader.load(samples.resolve("loans.csv"));

        // Hold every executor thread, and queue more behind them, as long runs do.
        CountDownLatch held = new CountDownLatch(Runtime.getRuntime().availableProcessors() + 2);
        for (int i = 0; i < Runtime.getRuntime().availableProcessors() + 2; i++) {
            executor.submit(() -> {
                held.countDown();
                try {
                    runEnds.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        held.await(100, TimeUnit.MILLISECONDS);
        panel.check(loans);
        await(() -> !panel.fitProperty().get().startsWith("Checking"));
        assertThat(runEnds.getCount()).as("the executor is still held").isEqualTo(1);
        assertThat(panel.fitProperty().get()).isEqualTo("Fits loans.csv: every column the model reads is there.");
    }
}
