package bnfreeze.cli;

import bnfreeze.bn.FrozenBnPolicy;
import bnfreeze.data.DataFileException;
import bnfreeze.experiment.Backend;
import bnfreeze.experiment.BackendUnavailableException;
import bnfreeze.experiment.DefinitionException;
import bnfreeze.experiment.NativeBuilds;
import bnfreeze.train.NumericalFailureException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar target/bnfreeze.jar <command>}. Every failure the user can cause or fix ends
 * in one line on standard error and a non-zero exit status: 2 for bad input (arguments,
 * definitions, data), 3 for an unavailable backend, 4 for a numerical failure of a run, 1 for
 * anything unexpected.
 */
@Command(name = "bnfreeze", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "What should a frozen BatchNormalization layer do while the layers above it are fine-tuned?",
        subcommands = {RunCommand.class, DemoCommand.class, MatrixCommand.class, ResultsCommand.class, ValidateCommand.class, DataCommand.class, BenchCommand.class, BenchWorkerCommand.class})
public final class Main {

    public static final int BAD_INPUT = 2;
    public static final int BACKEND_UNAVAILABLE = 3;
    public static final int NUMERICAL_FAILURE = 4;

    public static void main(String[] args) {
        NativeBuilds.configure();
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)}, with picocli's own output and all error lines going to the given writers. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .registerConverter(FrozenBnPolicy.class, FrozenBnPolicy::fromId)
                .registerConverter(Backend.class, Backend::fromId)
                .setParameterExceptionHandler(Main::badArguments)
                .setExecutionExceptionHandler(Main::failure);
        return commandLine.execute(args);
    }

    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("bnfreeze: " + firstLine(e.getMessage()) + " (see: " + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help)");
        return BAD_INPUT;
    }

    private static int failure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int status;
        if (isBadInput(e)) {
            status = BAD_INPUT;
        } else if (e instanceof BackendUnavailableException) {
            status = BACKEND_UNAVAILABLE;
        } else if (e instanceof NumericalFailureException) {
            status = NUMERICAL_FAILURE;
        } else {
            err.println("bnfreeze: unexpected failure, details follow");
            e.printStackTrace(err);
            return 1;
        }
        err.println("bnfreeze: " + firstLine(e.getMessage()));
        return status;
    }

    /** Failures the user causes and can fix: arguments, definitions, data. */
    static boolean isBadInput(Throwable e) {
        return e instanceof DataFileException || e instanceof DefinitionException || e instanceof IllegalArgumentException
                || e instanceof bnfreeze.model.WeightsUnavailableException;
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"bnfreeze " + (version == null ? "(development build)" : version)};
        }
    }
}
