package bnfreeze.cli;

import bnfreeze.data.Cifar10;
import bnfreeze.data.Cifar10Download;
import bnfreeze.data.FashionMnist;
import bnfreeze.data.FashionMnistDownload;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "data", mixinStandardHelpOptions = true, description = "Check or fetch the data sets.",
        subcommands = {DataCommand.Check.class, DataCommand.Fetch.class, DataCommand.FetchCifar10.class})
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

    @Command(name = "fetch-cifar10", mixinStandardHelpOptions = true,
            description = "Download the official CIFAR-10 binary archive, verify its published MD5 and unpack it.")
    static final class FetchCifar10 implements Callable<Integer> {
        @Option(names = "--into", paramLabel = "DIR", description = "parent directory of cifar-10-batches-bin (default: ${DEFAULT-VALUE})")
        Path into = Cifar10.downloadDirectory().getParent();

        @Override
        public Integer call() {
            Cifar10Download.fetch(into, System.out);
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
