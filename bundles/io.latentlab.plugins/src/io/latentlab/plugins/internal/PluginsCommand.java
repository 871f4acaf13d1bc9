package io.latentlab.plugins.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.plugins.PluginFolder;

/** {@code latentlab plugins list | install JAR | uninstall BUNDLE}. */
@Component(service = Command.class)
public final class PluginsCommand implements Command {

    @Reference
    private PluginFolder folder;

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "plugins list | install JAR | uninstall BUNDLE: plugin bundles in " + PluginFolder.folder()
                + ", started at every start (headless and workbench)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        String action = arguments.isEmpty() ? "list" : arguments.get(0);
        try {
            switch (action) {
                case "list" -> {
                    List<PluginFolder.Plugin> plugins = folder.plugins();
                    if (plugins.isEmpty()) {
                        out.println("No plugins in " + PluginFolder.folder());
                    }
                    for (PluginFolder.Plugin plugin : plugins) {
                        out.printf("%-40s %-16s %-10s %s%n", plugin.symbolicName(), plugin.version(), plugin.state(),
                                plugin.jar().getFileName());
                    }
                    return 0;
                }
                case "install" -> {
                    if (arguments.size() != 2) {
                        break;
                    }
                    PluginFolder.Plugin plugin = folder.install(Path.of(arguments.get(1)));
                    out.println("Installed " + plugin.symbolicName() + " " + plugin.version() + " into " + plugin.jar());
                    return 0;
                }
                case "uninstall" -> {
                    if (arguments.size() != 2) {
                        break;
                    }
                    if (!folder.uninstall(arguments.get(1))) {
                        err.println("latentlab plugins: no plugin " + arguments.get(1) + " in " + PluginFolder.folder());
                        return 1;
                    }
                    out.println("Uninstalled " + arguments.get(1));
                    return 0;
                }
                default -> {
                }
            }
        } catch (Exception e) {
            err.println("latentlab plugins " + action + ": " + e.getMessage());
            return 1;
        }
        err.println("usage: latentlab " + summary());
        return 2;
    }
}
