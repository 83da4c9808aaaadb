package bnfreeze.data;

import java.util.SplittableRandom;

/** Per-epoch shuffling that can be reproduced from (seed, epoch) alone. */
public final class EpochOrder {

    private EpochOrder() {}

    /** A permutation of {@code 0..n-1} determined by {@code seed} and {@code epoch}. */
    public static int[] permutation(int n, long seed, int epoch) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1L)));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
