package io.latentlab.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;

/**
 * The example experiments shipped in {@code <product>/examples} (or {@code -Dlatentlab.examples=DIR}):
 * a new workspace starts with them in an {@code experiments} project, and File > New Experiment
 * from Example copies one in.
 */
public final class ExampleExperiments {

    /** Overrides where the examples are read from. */
    public static final String PROPERTY = "latentlab.examples";
    /** The workspace project that experiments go into. */
    public static final String PROJECT = "experiments";

    private ExampleExperiments() {
    }

    /** @return the examples folder, which may not exist (e.g. when not run from a product) */
    public static Path folder() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        Location install = Platform.getInstallLocation();
        try {
            return install == null ? Path.of("examples") : Path.of(install.getURL().toURI()).resolve("examples");
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(install.getURL().getPath()).resolve("examples");
        }
    }

    /** @return the example experiment files, by name; empty when there are none */
    public static List<Path> list() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".experiment.yaml")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** @return the experiments project, created and opened if needed */
    public static IProject project() throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
        if (!project.exists()) {
            project.create(null);
        }
        if (!project.isOpen()) {
            project.open(null);
        }
        return project;
    }

    /**
     * Copies an example into the experiments project, under a name not yet taken there.
     *
     * @param example an example file
     * @return the new workspace file
     * @throws CoreException if the project or file cannot be created
     * @throws IOException if the example cannot be read
     */
    public static IFile copyIntoWorkspace(Path example) throws CoreException, IOException {
        IProject project = project();
        String name = example.getFileName().toString();
        String stem = name.substring(0, name.length() - ".experiment.yaml".length());
        IFile file = project.getFile(name);
        for (int i = 2; file.exists(); i++) {
            file = project.getFile(stem + "-" + i + ".experiment.yaml");
        }
        try (InputStream in = Files.newInputStream(example)) {
            file.create(in, false, null);
        }
        return file;
    }

    /**
     * A workspace without projects gets the experiments project with every example, so that a
     * first start shows something to train at once.
     *
     * @return whether it seeded the workspace
     */
    public static boolean seedEmptyWorkspace() {
        IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
        List<Path> examples = list();
        if (root.getProjects().length > 0 || examples.isEmpty()) {
            return false;
        }
        try {
            for (Path example : examples) {
                copyIntoWorkspace(example);
            }
            return true;
        } catch (CoreException | IOException e) {
            ILog.of(ExampleExperiments.class).warn("cannot copy the examples into the workspace: "
                    + e.getMessage());
            return false;
        }
    }
}
