package bnfreeze.cli;

import bnfreeze.experiment.DefinitionException;
import bnfreeze.experiment.Definitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check experiment definitions without running anything (default: every experiments/*.yaml).")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "DEFINITION")
    List<Path> files = new ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // checking freezing points builds network configurations, which starts ND4J
        bnfreeze.experiment.Backends.activate(bnfreeze.experiment.Backends.built());
        List<Path> toCheck = files.isEmpty() ? Definitions.inDirectory(Path.of("experiments")) : files;
        int invalid = 0;
        for (Path file : toCheck) {
            try {
                Definitions.load(file);
                spec.commandLine().getOut().println("valid: " + file);
            } catch (DefinitionException e) {
                spec.commandLine().getErr().println("bnfreeze: " + e.getMessage());
                invalid++;
            }
        }
        return invalid == 0 ? 0 : Main.BAD_INPUT;
    }

}
