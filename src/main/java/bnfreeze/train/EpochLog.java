package bnfreeze.train;

import bnfreeze.data.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code epochs.csv} of a run: one row per phase and epoch. The whole file is rewritten
 * atomically after every epoch, so a run killed at any moment leaves the epochs it finished.
 * Numbers are written in full precision so that two runs can be compared byte for byte.
 */
public final class EpochLog {

    public static final String FILE_NAME = "epochs.csv";
    public static final String HEADER = "phase,epoch,loss,acc,val_loss,val_acc,seconds";

    private final Path file;
    private final List<EpochRecord> records = new ArrayList<>();

    public EpochLog(Path file) {
        this.file = file;
    }

    /** Continues an existing log (e.g. when resuming); a missing file is an empty log. */
    public static EpochLog continuing(Path file) {
        EpochLog log = new EpochLog(file);
        log.records.addAll(read(file));
        return log;
    }

    public void append(EpochRecord record) {
        records.add(record);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (EpochRecord r : records) {
            csv.append(r.phase()).append(',').append(r.epoch()).append(',').append(r.loss()).append(',')
                    .append(r.acc()).append(',').append(r.valLoss()).append(',').append(r.valAcc()).append(',')
                    .append(r.seconds()).append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    public List<EpochRecord> records() {
        return List.copyOf(records);
    }

    public static List<EpochRecord> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                throw new IllegalArgumentException(file + ": not an epoch log (header must be " + HEADER + ")");
            }
            List<EpochRecord> records = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",", -1);
                if (f.length != 7) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 7 fields, found " + f.length);
                }
                records.add(new EpochRecord(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6])));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": malformed number (" + e.getMessage() + ")");
        }
    }
}
