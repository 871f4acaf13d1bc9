package io.latentlab.ui.runs.internal;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.runtime.Adapters;

import io.latentlab.runs.RunDirectory;

/** {@code io.latentlab.ui.runs.isRun}: a folder that holds a run (its experiment snapshot), for Open Run's menu item. */
public final class RunFolderTester extends PropertyTester {

    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
        IContainer folder = Adapters.adapt(receiver, IContainer.class);
        return folder != null && folder.getLocation() != null
                && folder.getLocation().append(RunDirectory.SNAPSHOT).toFile().isFile();
    }
}
