package bnfreeze.train;

import bnfreeze.data.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The epoch log of a run directory: {@code epochs.csv} holds what training computed (one row per
 * phase and epoch), {@code timings.csv} how long each epoch took. Keeping the clock out of
 * {@code epochs.csv} makes two runs with the same seed comparable byte for byte. Both files are
 * rewritten atomically after every epoch, so a run killed at any moment leaves the epochs it
 * finished; numbers are written in full precision.
 */
public final class EpochLog {

    public static final String FILE_NAME = "epochs.csv";
    public static final String TIMINGS_FILE_NAME = "timings.csv";
    public static final String HEADER = "phase,epoch,loss,acc,val_loss,val_acc";
    public static final String TIMINGS_HEADER = "phase,epoch,seconds";
    /** The format before timings moved to their own file: read, never written. */
    static final String HEADER_WITH_SECONDS = HEADER + ",seconds";

    private final Path directory;
    private final List<EpochRecord> records = new ArrayList<>();

    /** A log that starts with {@code earlier} (when resuming), written into {@code directory}. */
    public EpochLog(Path directory, List<EpochRecord> earlier) {
        this.directory = directory;
        this.records.addAll(earlier);
        if (!earlier.isEmpty()) {
            write();
        }
    }

    public EpochLog(Path directory) {
        this(directory, List.of());
    }

    public void append(EpochRecord record) {
        records.add(record);
        write();
    }

    public List<EpochRecord> records() {
        return List.copyOf(records);
    }

    private void write() {
        StringBuilder epochs = new StringBuilder(HEADER).append('\n');
        StringBuilder timings = new StringBuilder(TIMINGS_HEADER).append('\n');
        for (EpochRecord r : records) {
            epochs.append(r.phase()).append(',').append(r.epoch()).append(',').append(r.loss()).append(',')
                    .append(r.acc()).append(',').append(r.valLoss()).append(',').append(r.valAcc()).append('\n');
            timings.append(r.phase()).append(',').append(r.epoch()).append(',').append(r.seconds()).append('\n');
        }
        AtomicFiles.writeString(directory.resolve(TIMINGS_FILE_NAME), timings.toString());
        AtomicFiles.writeString(directory.resolve(FILE_NAME), epochs.toString());
    }

    /** The log of a run directory; epochs without a timing get NaN seconds. */
    public static List<EpochRecord> read(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, Double> seconds = new HashMap<>();
        for (String[] f : rows(directory.resolve(TIMINGS_FILE_NAME), TIMINGS_HEADER, 3)) {
            seconds.put(f[0] + "," + f[1], number(directory.resolve(TIMINGS_FILE_NAME), f[2]));
        }
        List<EpochRecord> records = new ArrayList<>();
        if (firstLine(file).equals(HEADER_WITH_SECONDS)) {
            for (String[] f : rows(file, HEADER_WITH_SECONDS, 7)) {
                records.add(new EpochRecord(f[0], Integer.parseInt(f[1]), number(file, f[2]), number(file, f[3]),
                        number(file, f[4]), number(file, f[5]), number(file, f[6])));
            }
            return records;
        }
        for (String[] f : rows(file, HEADER, 6)) {
            records.add(new EpochRecord(f[0], Integer.parseInt(f[1]), number(file, f[2]), number(file, f[3]),
                    number(file, f[4]), number(file, f[5]), seconds.getOrDefault(f[0] + "," + f[1], Double.NaN)));
        }
        return records;
    }

    private static String firstLine(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String[]> rows(Path file, String header, int fields) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || !lines.get(0).equals(header)) {
                throw new IllegalArgumentException(file + ": header must be " + header);
            }
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",", -1);
                if (f.length != fields) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + fields + " fields, found " + f.length);
                }
                rows.add(f);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static double number(Path file, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": malformed number \"" + text + "\"");
        }
    }
}
