package io.latentlab.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One sub-command of {@code latentlab}, e.g. {@code info}. Register an implementation as an
 * OSGi service; the launcher finds it by {@link #name()}.
 */
public interface Command {

    /** @return the word that selects this command on the command line, e.g. {@code info} */
    String name();

    /** @return one line for {@code latentlab help} */
    String summary();

    /**
     * Runs the command.
     *
     * @param arguments the words after the command's name
     * @param out where results go
     * @param err where problems go
     * @return the process exit code: 0 on success
     */
    int run(List<String> arguments, PrintStream out, PrintStream err);
}
