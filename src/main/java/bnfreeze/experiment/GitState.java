package bnfreeze.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The commit of the code a run used, and whether the working tree differed from it. */
record GitState(String commit, boolean dirty) {

    static GitState of(Path directory) {
        String commit = git(directory, "rev-parse", "HEAD");
        if (commit == null || commit.isBlank()) {
            return new GitState("unknown", false);
        }
        String status = git(directory, "status", "--porcelain", "--untracked-files=no");
        return new GitState(commit.trim(), status != null && !status.isBlank());
    }

    private static String git(Path directory, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
