package io.latentlab.ui.plugins.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.plugins.InstalledPackages;
import io.latentlab.plugins.PluginFolder;
import io.latentlab.plugins.PluginScaffold;
import io.latentlab.ui.PartInjection;
import io.latentlab.ui.ViewParts;

/**
 * Every installed contribution (layers, activations, losses, optimizers, schedules, models,
 * datasets, augmentations) with the bundle and version it comes from; installing a plugin
 * bundle at run time (kept in the plugin folder, so it is there at the next start), and
 * uninstalling one. A bundle that does not resolve or fails to start is reported and not kept,
 * and the workbench carries on. New Plugin Project... writes a plugin project to start from.
 */
public final class PluginsView extends ViewPart {

    /** The view id (plugin.xml). */
    public static final String ID = "io.latentlab.ui.plugins.view";

    private static final int REFRESH_MILLISECONDS = 2000;

    /** Eclipse's plain text editor (org.eclipse.ui.editors), for a new project's README. */
    private static final String TEXT_EDITOR = "org.eclipse.ui.DefaultTextEditor";

    @Inject
    @Service
    ContributionRegistry registry;

    /** Absent when io.latentlab.plugins is not running: the view still lists what is installed. */
    @Inject
    @Optional
    @Service
    PluginFolder pluginFolder;

    private TableViewer viewer;
    private List<RegisteredContribution<?>> shown = List.of();

    @Override
    public void createPartControl(Composite parent) {
        PartInjection.inject(this, getSite(), parent);
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ViewParts.<RegisteredContribution<?>>column(viewer, "Kind", 100, c -> c.kind().label());
        ViewParts.<RegisteredContribution<?>>column(viewer, "Id", 160, RegisteredContribution::id);
        ViewParts.<RegisteredContribution<?>>column(viewer, "Name", 200, c -> c.contribution().name());
        ViewParts.<RegisteredContribution<?>>column(viewer, "Bundle", 230, RegisteredContribution::bundle);
        ViewParts.<RegisteredContribution<?>>column(viewer, "Version", 130, RegisteredContribution::version);
        ViewParts.<RegisteredContribution<?>>column(viewer, "Description", 500, c -> c.contribution().doc());
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(ViewParts.action("Install Plugin Bundle...", "Install a bundle jar that contributes layers, optimizers,"
                + " models...; it is active at once, no restart", this::install));
        toolbar.add(ViewParts.action("Uninstall", "Uninstall the bundle of the selected contribution", this::uninstall));
        toolbar.add(ViewParts.action("New Plugin Project...", "Write a standalone plugin project (an activation, layer,"
                + " loss, optimizer, schedule, model, dataset or augmentation) that builds against this installation",
                this::newPluginProject));
        refresh();
        ViewParts.every(viewer.getControl(), () -> REFRESH_MILLISECONDS, this::refresh);
    }

    /** Reads the registry again; the table changes only when the contributions do. */
    public void refresh() {
        List<RegisteredContribution<?>> all = new ArrayList<>();
        for (ContributionKind kind : ContributionKind.all()) {
            for (RegisteredContribution<? extends Contribution> registered : registry.list(kind.serviceType())) {
                if (registered.kind().equals(kind)) {
                    all.add(registered);
                }
            }
        }
        if (!all.equals(shown)) {
            shown = List.copyOf(all);
            viewer.setInput(shown);
        }
    }

    /**
     * Selects a contribution and scrolls to it.
     *
     * @param contribution one of {@link #contributions()}
     */
    public void show(RegisteredContribution<?> contribution) {
        viewer.setSelection(new StructuredSelection(contribution), true);
    }

    /** @return the contributions in the table (for tests) */
    public List<RegisteredContribution<?>> contributions() {
        return shown;
    }

    /** Install Plugin Bundle...: asks for a jar and installs it. */
    void install() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.jar"});
        String file = dialog.open();
        if (file != null) {
            install(new File(file));
        }
    }

    /**
     * Installs and starts a plugin bundle; on failure reports it and uninstalls it again.
     *
     * @param jar the bundle jar
     * @return the started bundle, or {@code null} if it failed (the user was told)
     */
    public Bundle install(File jar) {
        try {
            PluginFolder.Plugin plugin = folder().install(jar.toPath()); // kept in the plugin folder: survives restarts
            refresh();
            shown.stream().filter(c -> c.bundle().equals(plugin.symbolicName())).findFirst().ifPresent(this::show);
            for (Bundle bundle : bundles()) {
                if (plugin.symbolicName().equals(bundle.getSymbolicName())) {
                    return bundle;
                }
            }
            return null;
        } catch (BundleException | IOException | RuntimeException e) {
            String message = "Cannot install " + jar.getName() + ": " + e.getMessage();
            ILog.of(getClass()).error(message, e);
            MessageDialog.openError(getSite().getShell(), "Install Plugin Bundle", message
                    + "\n\nThe bundle was not kept; everything else keeps working. Details are in the Error Log.");
            return null;
        }
    }

    /**
     * Asks for a kind, a bundle name and a folder, writes the plugin project there (as
     * {@code latentlab plugins new} does) and opens its README, which says how to build, install
     * and train it.
     *
     * @return the project's folder, if one was written
     */
    public java.util.Optional<Path> newPluginProject() {
        NewPluginProjectDialog dialog = new NewPluginProjectDialog(getSite().getShell(),
                Path.of(System.getProperty("user.home"), "latentlab-plugins"));
        if (dialog.open() != Window.OK || dialog.choice().isEmpty()) {
            return java.util.Optional.empty();
        }
        NewPluginProjectDialog.Choice choice = dialog.choice().get();
        try {
            PluginScaffold.Project project = PluginScaffold.write(choice.kind(), choice.bundle(), choice.id(),
                    choice.directory(), PluginScaffold.installation(),
                    new InstalledPackages(FrameworkUtil.getBundle(getClass()).getBundleContext())::newest);
            // the text editor, not whatever the system associates with .md (it could start another program)
            getSite().getPage().openEditor(new FileStoreEditorInput(EFS.getLocalFileSystem()
                    .getStore(project.directory().resolve("README.md").toUri())), TEXT_EDITOR);
            return java.util.Optional.of(project.directory());
        } catch (IOException | IllegalArgumentException | PartInitException e) {
            String message = "Cannot write the plugin project " + choice.bundle() + " into " + choice.directory() + ": "
                    + e.getMessage();
            ILog.of(getClass()).error(message, e);
            MessageDialog.openError(getSite().getShell(), "New Plugin Project", message);
            return java.util.Optional.empty();
        }
    }

    private PluginFolder folder() {
        if (pluginFolder == null) {
            throw new IllegalStateException("the plugin folder service (io.latentlab.plugins) is not running");
        }
        return pluginFolder;
    }

    private Bundle[] bundles() {
        return FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles();
    }

    private void uninstall() {
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (selected instanceof RegisteredContribution<?> contribution) {
            uninstall(contribution);
        }
    }

    /**
     * Uninstalls the plugin bundle that provides a contribution (Latentlab's own bundles stay).
     *
     * @param contribution a listed contribution
     * @return whether its bundle was removed from the plugin folder (else it was uninstalled for this session only, or not at all)
     */
    public boolean uninstall(RegisteredContribution<?> contribution) {
        if (contribution.bundle().startsWith("io.latentlab.")) {
            MessageDialog.openInformation(getSite().getShell(), "Uninstall", contribution.bundle()
                    + " is part of Latentlab and stays installed; only plugin bundles can be uninstalled here.");
            return false;
        }
        try {
            if (folder().uninstall(contribution.bundle())) {
                refresh();
                return true;
            }
        } catch (IOException | IllegalStateException e) {
            ILog.of(getClass()).warn("cannot remove " + contribution.bundle() + " from the plugin folder: " + e.getMessage());
        }
        for (Bundle bundle : bundles()) {
            if (bundle.getSymbolicName().equals(contribution.bundle())
                    && bundle.getVersion().toString().equals(contribution.version())) {
                try {
                    bundle.uninstall();
                } catch (BundleException e) {
                    MessageDialog.openError(getSite().getShell(), "Uninstall", "Cannot uninstall " + contribution.bundle()
                            + ": " + e.getMessage());
                }
            }
        }
        refresh();
        return false;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
