package bnfreeze.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values computed by hand. */
class ResamplingTest {

    private static ImageSet grey(int height, int width, int... pixels) {
        byte[] bytes = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            bytes[i] = (byte) pixels[i];
        }
        return new ImageSet(1, 1, height, width, bytes, new int[] {0});
    }

    private static int[] pixels(ImageSet set) {
        int[] out = new int[set.pixels().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = set.pixels()[i] & 0xFF;
        }
        return out;
    }

    @Test
    void bilinearEnlargementPlacesPixelCentresAtHalfPixelPositions() {
        // output x in 0..3 samples input x' = (x + 0.5) / 2 - 0.5 = -0.25 (edge), 0.25, 0.75, 1.25 (edge)
        ImageSet out = Resampling.bilinear(grey(2, 2, 0, 100, 200, 255), 4, 4);

        assertThat(pixels(out)).containsExactly(
                0, 25, 75, 100,
                50, 72, 117, 139,       // row 1, a quarter down: (1,1) = 0.75*25 + 0.25*213.75 = 72.19
                150, 167, 200, 216,     // row 2, three quarters: (2,2) = 0.25*75 + 0.75*241.25 = 199.69
                200, 214, 241, 255);
    }

    @Test
    void bilinearResultsAreRoundedHalfUp() {
        ImageSet out = Resampling.bilinear(grey(1, 2, 0, 2), 1, 4);

        assertThat(pixels(out)).containsExactly(0, 1, 2, 2); // 0.5 -> 1, 1.5 -> 2
    }

    @Test
    void areaAveragingWeighsPartlyCoveredPixelsByTheCoveredFraction() {
        // 3 -> 2: output 0 covers [0, 1.5): (30 + 0.5 * 60) / 1.5 = 40; output 1: (0.5 * 60 + 90) / 1.5 = 80
        ImageSet out = Resampling.areaAverage(grey(1, 3, 30, 60, 90), 1, 2);

        assertThat(pixels(out)).containsExactly(40, 80);
    }

    @Test
    void areaAveragingByAnIntegerFactorIsTheBlockMean() {
        ImageSet out = Resampling.areaAverage(grey(2, 4, 10, 20, 30, 40, 50, 60, 70, 81), 1, 2);

        assertThat(pixels(out)).containsExactly(35, 55); // (10+20+50+60)/4, (30+40+70+81)/4 = 55.25
    }

    @Test
    void lowResolutionKeepsTheSizeAndBlursDetail() {
        int[] checkerboard = new int[28 * 28];
        for (int i = 0; i < checkerboard.length; i++) {
            checkerboard[i] = ((i / 28) + (i % 28)) % 2 == 0 ? 255 : 0;
        }
        ImageSet out = Resampling.lowResolution(grey(28, 28, checkerboard), 8);

        assertThat(out.height()).isEqualTo(28);
        assertThat(out.width()).isEqualTo(28);
        for (int p : pixels(out)) {
            assertThat(p).isBetween(100, 155); // the one-pixel pattern averages out to grey
        }
    }
}
