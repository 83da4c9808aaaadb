package bnfreeze.results;

/**
 * What the results page needs to know of an experiment besides its runs.
 *
 * @param needs     what running it requires, shown while it has no runs
 * @param reference the study's published numbers, or null
 */
public record ExperimentInfo(String name, String description, String needs, Reference reference) {}
