package io.latentlab.plugins.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.plugins.InstalledPackages;
import io.latentlab.plugins.PluginFolder;
import io.latentlab.plugins.PluginScaffold;

/** {@code latentlab plugins list | install JAR | uninstall BUNDLE | new KIND NAME}. */
@Component(service = Command.class)
public final class PluginsCommand implements Command {

    /** How long {@code install} waits for a started plugin's components to register. */
    private static final long REGISTRATION_WAIT_MILLIS = 5_000;

    @Reference
    private PluginFolder folder;

    @Reference
    private ContributionRegistry registry;

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "plugins list | install JAR | uninstall BUNDLE: plugin bundles in " + PluginFolder.folder()
                + ", started at every start (headless and workbench); plugins new KIND NAME [--dir DIR] [--id ID]:"
                + " a plugin project (KIND: " + String.join(", ", PluginScaffold.KINDS) + ")";
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
                        List<String> provided = provided(plugin.symbolicName());
                        out.println("    provides: " + (provided.isEmpty() ? "nothing" : String.join(", ", provided)));
                    }
                    return 0;
                }
                case "install" -> {
                    if (arguments.size() != 2) {
                        break;
                    }
                    PluginFolder.Plugin plugin = folder.install(Path.of(arguments.get(1)));
                    out.println("Installed " + plugin.symbolicName() + " " + plugin.version() + " into " + plugin.jar());
                    List<String> provided = awaitProvided(plugin.symbolicName());
                    out.println("  provides: " + (provided.isEmpty() ? "no contributions (does it declare @Component"
                            + " services of Latentlab's contribution interfaces?)" : String.join(", ", provided)));
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
                case "new" -> {
                    return newProject(arguments.subList(1, arguments.size()), out, err);
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

    /** @return "activation 'swish'", ... for each contribution the bundle provides now */
    private List<String> provided(String bundle) {
        List<String> provided = new ArrayList<>();
        for (ContributionKind kind : ContributionKind.all()) {
            for (RegisteredContribution<?> registered : registry.list(kind.serviceType())) {
                if (registered.kind().equals(kind) && registered.bundle().equals(bundle)) {
                    provided.add(kind.label() + " '" + registered.id() + "'");
                }
            }
        }
        return provided;
    }

    /** Declarative Services registers a started bundle's components as it starts; allow it a moment. */
    private List<String> awaitProvided(String bundle) throws InterruptedException {
        long deadline = System.currentTimeMillis() + REGISTRATION_WAIT_MILLIS;
        List<String> provided = provided(bundle);
        while (provided.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            provided = provided(bundle);
        }
        return provided;
    }

    /** {@code plugins new KIND NAME [--dir DIR] [--id ID]}. */
    private int newProject(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        List<String> positional = new ArrayList<>();
        String dir = null;
        String id = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (("--dir".equals(argument) || "--id".equals(argument)) && i + 1 < arguments.size()) {
                if ("--dir".equals(argument)) {
                    dir = arguments.get(++i);
                } else {
                    id = arguments.get(++i);
                }
            } else if (argument.startsWith("--")) {
                err.println("latentlab plugins new: unknown option " + argument + "; usage: latentlab plugins new KIND NAME"
                        + " [--dir DIR] [--id ID]");
                return 2;
            } else {
                positional.add(argument);
            }
        }
        if (positional.size() != 2) {
            err.println("usage: latentlab plugins new KIND NAME [--dir DIR] [--id ID]   KIND: "
                    + String.join(", ", PluginScaffold.KINDS) + "; NAME: the bundle, e.g. org.example.gelu");
            return 2;
        }
        String kind = positional.get(0);
        String bundle = positional.get(1);
        // the kind and the names are checked by PluginScaffold.write, whose message says what is wrong
        String contributionId = id == null ? PluginScaffold.defaultId(bundle) : id;
        Path directory = Path.of(dir == null ? bundle : dir).toAbsolutePath().normalize();
        Path home = PluginScaffold.installation();
        PluginScaffold.Project project;
        try {
            project = PluginScaffold.write(kind, bundle, contributionId, directory, home,
                    new InstalledPackages(context)::newest);
        } catch (IllegalArgumentException e) {
            err.println("latentlab plugins new: " + e.getMessage());
            return 2;
        }
        out.println("Wrote the " + kind + " plugin " + bundle + " (id '" + contributionId + "') into " + directory + ":");
        project.files().forEach(file -> out.println("  " + file));
        registry.find(ContributionKind.all().stream().filter(k -> k.label().equals(kind)).findFirst().orElseThrow()
                .serviceType(), contributionId).ifPresent(existing -> out.println("Note: an installed " + kind + " is"
                        + " already called '" + contributionId + "'; of two with one id the higher bundle version is"
                        + " used: choose another with --id"));
        out.println("Next:");
        out.println("  cd " + directory);
        out.println("  ./mvnw verify                                   # build and test (in OSGi, with the test kit)");
        out.println("  " + home.resolve("latentlab") + " plugins install " + project.jar());
        out.println("  " + home.resolve("latentlab") + " train " + project.experiment());
        return 0;
    }

}
