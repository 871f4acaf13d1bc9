package io.latentlab.core;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when parameters do not match a {@link ParameterSchema}; carries every problem at once. */
public final class InvalidParametersException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ParameterProblem> problems;

    /**
     * @param owner what the parameters were for, e.g. {@code layer 'dense'}
     * @param problems every problem found
     */
    public InvalidParametersException(String owner, List<ParameterProblem> problems) {
        super("Invalid parameters for " + owner + ":\n" + problems.stream().map(p -> "  - " + p.message())
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found */
    public List<ParameterProblem> problems() {
        return problems;
    }
}
