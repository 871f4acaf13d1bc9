package io.latentlab.ui.editor.internal;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;

/** Checks an experiment's text against the installed contributions and shows its problems as markers on the file. */
public final class ExperimentProblems {

    /** The marker type (see plugin.xml). */
    public static final String MARKER = "io.latentlab.ui.editor.problem";

    private ExperimentProblems() {
    }

    /**
     * @param registry the installed contributions
     * @param file the experiment file (markers go there)
     * @param text its current text (perhaps unsaved)
     * @return the problems found, empty when the experiment is valid
     * @throws CoreException if the markers cannot be written
     */
    public static List<ExperimentProblem> check(ContributionRegistry registry, IFile file, String text) throws CoreException {
        List<ExperimentProblem> problems;
        try {
            new ExperimentReader(registry).check(file.getLocation().toFile().toPath(), text);
            problems = List.of();
        } catch (InvalidExperimentException e) {
            problems = e.problems();
        } catch (RuntimeException e) {
            problems = List.of(new ExperimentProblem(file.getName(), 1, 1, "", "cannot check: " + e));
        }
        file.deleteMarkers(MARKER, false, IResource.DEPTH_ZERO);
        for (ExperimentProblem problem : problems) {
            IMarker marker = file.createMarker(MARKER);
            marker.setAttribute(IMarker.SEVERITY, IMarker.SEVERITY_ERROR);
            marker.setAttribute(IMarker.LINE_NUMBER, problem.line());
            marker.setAttribute(IMarker.LOCATION, "line " + problem.line() + ", column " + problem.column()
                    + (problem.path().isEmpty() ? "" : ", " + problem.path()));
            marker.setAttribute(IMarker.MESSAGE, (problem.path().isEmpty() ? "" : problem.path() + ": ") + problem.message());
        }
        return problems;
    }
}
