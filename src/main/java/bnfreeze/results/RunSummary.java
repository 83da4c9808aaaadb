package bnfreeze.results;

import bnfreeze.eval.PhaseMetrics;
import bnfreeze.train.EpochRecord;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code summary.json} of a run. Only runs whose status is {@value #COMPLETE} are results.
 *
 * @param finalMetrics learning phase ({@code dynamic}, {@code static0}, {@code static1}) → metrics
 *                     of the saved and reloaded model
 * @param lastEpoch    the last epoch of the last phase, whose {@code valAcc} the study compares
 *                     with {@code dynamic} and {@code static0}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(String experiment, String policy, String backend, long seed, String status,
                         String startedAt, String finishedAt, String error,
                         @JsonProperty("final") Map<String, PhaseMetrics> finalMetrics, EpochRecord lastEpoch,
                         Provenance provenance) {

    public static final String FILE_NAME = "summary.json";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
}
