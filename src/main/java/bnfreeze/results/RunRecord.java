package bnfreeze.results;

import bnfreeze.train.EpochRecord;
import java.nio.file.Path;
import java.util.List;

/** A complete run: its directory (relative to the results root), its summary and its epoch log. */
public record RunRecord(Path directory, RunSummary summary, List<EpochRecord> epochs) {}
