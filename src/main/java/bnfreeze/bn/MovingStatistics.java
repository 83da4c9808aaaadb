package bnfreeze.bn;

import bnfreeze.model.BatchNormKernels;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The moving-average update of a BatchNormalization layer's mean and variance, written the way
 * DL4J applies it: as a "gradient" that the layer's no-op updater subtracts from the parameter,
 * {@code delta = stat[t] - stat[t+1]}, where {@code stat[t+1] = decay * stat[t] + (1 - decay) * batchStat}.
 * (DL4J chose this form so that the update survives gradient sharing in distributed training.)
 */
final class MovingStatistics {

    private MovingStatistics() {}

    /**
     * Writes into {@code gradientViews} the update that moves the layer's statistics towards the
     * mean and (biased) variance of {@code input}, the batch the layer has just normalized.
     */
    static void writeUpdate(BatchNormalization conf, Map<String, INDArray> params, Map<String, INDArray> gradientViews,
                            INDArray input) {
        int[] reduce = reductionDimensions(conf, input.rank());
        double decay = conf.getDecay();
        INDArray batchMean;
        INDArray batchVar;
        if ((input.rank() == 2 || conf.getCnn2DFormat() == CNN2DFormat.NCHW) && BatchNormKernels.supports(input)) {
            // the statistics the layer normalized with, computed the same way
            float[] mean = new float[(int) input.size(1)];
            float[] variance = new float[mean.length];
            BatchNormKernels.statistics(input, mean, variance);
            batchMean = Nd4j.createFromArray(mean);
            batchVar = Nd4j.createFromArray(variance);
        } else {
            batchMean = input.mean(reduce);
            batchVar = input.var(false, reduce);
        }

        INDArray mean = params.get(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_MEAN)
                .assign(mean.sub(batchMean.reshape(mean.shape())).muli(1 - decay));

        if (conf.isUseLogStd()) {
            INDArray log10Std = params.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
            INDArray var = Transforms.pow(Nd4j.valueArrayOf(log10Std.shape(), 10.0, log10Std.dataType()), log10Std, false);
            var.muli(var);
            INDArray nextVar = var.mul(decay).addi(batchVar.reshape(var.shape()).mul(1 - decay));
            // log10(std[t]) - log10(std[t+1]) = log10(var[t] / var[t+1]) / 2
            gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD)
                    .assign(Transforms.log(var.divi(nextVar), 10.0, false).muli(0.5));
        } else {
            INDArray var = params.get(BatchNormalizationParamInitializer.GLOBAL_VAR);
            gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_VAR)
                    .assign(var.sub(batchVar.reshape(var.shape())).muli(1 - decay));
        }
    }

    /** All dimensions but the channel one. */
    static int[] reductionDimensions(BatchNormalization conf, int rank) {
        if (rank == 2) {
            return new int[] {0};
        }
        if (rank == 4) {
            return conf.getCnn2DFormat() == CNN2DFormat.NHWC ? new int[] {0, 1, 2} : new int[] {0, 2, 3};
        }
        throw new IllegalArgumentException("BatchNormalization input of rank " + rank + " is not supported");
    }
}
