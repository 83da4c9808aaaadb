package bnfreeze.results;

import java.util.Map;

/**
 * Where a run's numbers came from, so that any published row can be traced and run again.
 *
 * @param command          the command that repeats the run
 * @param commit           git commit of the code, or {@code unknown}
 * @param dirty            whether the working tree had uncommitted changes
 * @param definitionFile   the experiment definition, relative to the repository
 * @param definitionSha256 hash of the definition as the run read it (its canonical YAML)
 * @param java             Java runtime version
 * @param libraries        artifact → version of DL4J, ND4J and the backend
 * @param backend          ND4J backend ({@code cpu} or {@code cuda})
 * @param device           CPU model or GPU name(s)
 * @param os               operating system
 * @param threads          threads ND4J used
 * @param dataChecksums    data file → SHA-256 of its content
 * @param baseNetwork      identity of the base network's weights (cache key or weight file checksum)
 * @param resumedFrom      the checkpoint an interrupted run was resumed from, or null
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Provenance(String command, String commit, boolean dirty, String definitionFile,
                         String definitionSha256, String java, Map<String, String> libraries, String backend,
                         String device, String os, int threads, Map<String, String> dataChecksums,
                         String baseNetwork, String resumedFrom) {}
