package io.latentlab.ui.tests.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

/** Experiment files in the test workspace, as a researcher keeps them: in the "experiments" project. */
public final class WorkspaceFiles {

    private WorkspaceFiles() {
    }

    /**
     * @param name the file name, e.g. {@code typo.experiment.yaml}
     * @param text its content
     * @return the file, replacing one of that name left by another test
     * @throws CoreException if the workspace refuses
     */
    public static IFile experiment(String name, String text) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("experiments");
        if (!project.exists()) {
            project.create(null);
        }
        project.open(null);
        IFile file = project.getFile(name);
        if (file.exists()) {
            file.delete(true, null);
        }
        file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
        return file;
    }
}
