package bnfreeze.results;

/**
 * What one benchmark case measured.
 *
 * @param imagesPerSecond batch size divided by the median time of a step
 * @param peakRssMb       peak resident memory of the process (JVM heap, off-heap arrays and native code)
 * @param steps           measured steps after warm-up
 * @param detail          what else is worth knowing (build loaded, oneDNN in use, checkpoint time)
 */
public record Measurement(String name, String implementation, double imagesPerSecond, double peakRssMb, int steps,
                          String detail) {}
