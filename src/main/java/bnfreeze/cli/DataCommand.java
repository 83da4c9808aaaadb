package bnfreeze.cli;

import bnfreeze.data.FashionMnist;
import bnfreeze.data.FashionMnistDownload;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "data", mixinStandardHelpOptions = true, description = "Check or fetch the data sets.",
        subcommands = {DataCommand.Check.class, DataCommand.Fetch.class})
final class DataCommand {

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Verify the Fashion-MNIST files (size and checksum).")
    static final class Check implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", description = "data directory")
        Path data;

        @Override
        public Integer call() {
            FashionMnist fashion = FashionMnist.open(Optional.ofNullable(data));
            System.out.println("Fashion-MNIST OK in " + fashion.directory());
            fashion.checksums().forEach((file, sha) -> System.out.println("  " + file + "  sha256(content) " + sha));
            return 0;
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download the official Fashion-MNIST files and verify their published MD5 checksums.")
    static final class Fetch implements Callable<Integer> {
        @Option(names = "--into", paramLabel = "DIR", description = "target directory (default: ${DEFAULT-VALUE})")
        Path into = FashionMnist.downloadDirectory();

        @Override
        public Integer call() {
            FashionMnistDownload.fetch(into, System.out);
            return 0;
        }
    }
}
