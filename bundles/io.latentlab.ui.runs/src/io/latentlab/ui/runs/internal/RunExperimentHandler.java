package io.latentlab.ui.runs.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

import io.latentlab.ui.runs.RunsUi;

/** Run Experiment on a selected {@code *.experiment.yaml} file. */
public final class RunExperimentHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection) {
            IFile file = Adapters.adapt(selection.getFirstElement(), IFile.class);
            if (file != null && file.getLocation() != null) {
                RunsUi.train(file.getLocation().toFile().toPath());
            }
        }
        return null;
    }
}
