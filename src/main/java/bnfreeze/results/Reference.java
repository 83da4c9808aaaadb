package bnfreeze.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the study published for an experiment, printed beside the measured numbers and never mixed
 * into them.
 *
 * @param source   where the numbers were published
 * @param software the software that produced them, e.g. "Keras 2.1.5"
 * @param setting  how the study's setting differs from the experiment's, if it does
 * @param rows     one per policy the study ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reference(String source, String software, String setting, List<Row> rows) {

    public Reference {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("reference.rows: at least one row is required");
        }
        rows = List.copyOf(rows);
    }

    /**
     * One published row; accuracies as fractions.
     *
     * @param policy  the policy it corresponds to ({@code keras} for the study's "unpatched")
     * @param testAcc final test accuracy, for experiments that report one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String policy, Double valAcc, Double dynamic, Double static0, Double static1, Double testAcc) {}
}
