package bnfreeze.train;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The Keras-style progress bar of one epoch ({@code Epoch 3/10 [=====>   ] 5/7 loss: ... acc: ...}).
 * On a terminal it redraws in place; in a log (CI, {@code make} piped to a file) it writes a line
 * every {@value #LOG_INTERVAL_MILLIS} ms, so that long epochs still show progress without
 * flooding the log.
 */
final class EpochProgress implements AutoCloseable {

    private static final int LOG_INTERVAL_MILLIS = 30_000;
    private final ProgressBar bar;

    EpochProgress(String title, int steps, PrintStream out, boolean interactive) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(title)
                .setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .setUnit(" batches", 1)
                .hideEta();
        if (interactive) {
            builder.setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(250);
        } else {
            builder.setConsumer(new DelegatingProgressBarConsumer(out::println, 100))
                    .setUpdateIntervalMillis(LOG_INTERVAL_MILLIS);
        }
        this.bar = builder.build();
    }

    void step(double meanLoss, double accuracy) {
        bar.setExtraMessage(String.format(java.util.Locale.ROOT, " - loss: %.4f - acc: %.4f", meanLoss, accuracy));
        bar.step();
    }

    @Override
    public void close() {
        bar.close();
    }
}
