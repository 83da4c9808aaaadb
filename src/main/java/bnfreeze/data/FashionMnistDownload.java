package bnfreeze.data;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fetches the official Fashion-MNIST files, for machines without Debian's package. */
public final class FashionMnistDownload {

    private FashionMnistDownload() {}

    public static void fetch(Path directory, PrintStream out) {
        String alternative = "install Debian's dataset-fashion-mnist package, or copy the four files of "
                + "https://github.com/zalandoresearch/fashion-mnist into " + directory;
        for (DatasetFile file : FashionMnist.FILES) {
            Path target = directory.resolve(file.name());
            if (Files.exists(target)) {
                FashionMnist.verifiedContent(target, file);
                out.println(file.name() + ": present and verified");
                continue;
            }
            out.println(file.name() + ": downloading " + file.url());
            Downloads.fetch(file.url(), target, file.publishedMd5(), alternative);
            FashionMnist.verifiedContent(target, file);
        }
        out.println("Fashion-MNIST verified in " + directory);
    }
}
