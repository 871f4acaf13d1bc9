package io.latentlab.experiments;

import java.util.List;
import java.util.stream.Collectors;

/** An experiment file has problems; all of them are listed. */
public final class InvalidExperimentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ExperimentProblem> problems;

    /**
     * @param problems every problem found
     */
    public InvalidExperimentException(List<ExperimentProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the experiment:\n"
                + problems.stream().map(ExperimentProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found */
    public List<ExperimentProblem> problems() {
        return problems;
    }
}
