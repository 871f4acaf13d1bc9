package io.latentlab.ui.plugins.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Install Plugin (the welcome page; {@code io.latentlab.ui.installPlugin}): shows the Plugins view,
 * where the installed plugin will be listed, and asks for the bundle jar as its toolbar does.
 */
public final class InstallPluginHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            PluginsView view = (PluginsView) HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage()
                    .showView(PluginsView.ID);
            view.install();
        } catch (PartInitException e) {
            throw new ExecutionException("cannot show the Plugins view", e);
        }
        return null;
    }
}
