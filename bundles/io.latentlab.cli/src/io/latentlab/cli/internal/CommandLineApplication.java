package io.latentlab.cli.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.latentlab.cli.Command;

/** The headless application: runs the {@link Command} named by the first argument. */
public final class CommandLineApplication implements IApplication {

    static final int USAGE_ERROR = 2;

    @Override
    public Object start(IApplicationContext context) {
        String[] arguments = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        context.applicationRunning();
        return run(Arrays.asList(arguments), System.out, System.err);
    }

    /**
     * Runs one command line (public for tests).
     *
     * @param arguments the command and its arguments
     * @param out where results go
     * @param err where problems go
     * @return the exit code: 0, 1 for a failure, 2 for a usage error
     */
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        BundleContext bundleContext = FrameworkUtil.getBundle(getClass()).getBundleContext();
        Map<String, Command> commands = commands(bundleContext);
        if (arguments.isEmpty() || List.of("help", "--help", "-h").contains(arguments.get(0))) {
            printUsage(commands.values(), out);
            return arguments.isEmpty() ? USAGE_ERROR : EXIT_OK;
        }
        Command command = commands.get(arguments.get(0));
        if (command == null) {
            err.println("latentlab: unknown command '" + arguments.get(0) + "'. Commands: "
                    + String.join(", ", commands.keySet()));
            return USAGE_ERROR;
        }
        try {
            return command.run(arguments.subList(1, arguments.size()), out, err);
        } catch (RuntimeException e) {
            // a message a user can act on; the stack trace is for us, in a file the message names
            err.println("latentlab " + command.name() + ": " + ErrorReport.describe(e));
            ErrorReport.write(command.name(), arguments, e).ifPresent(file -> err.println("  (details: " + file + ")"));
            return 1;
        } catch (OutOfMemoryError e) {
            // never exit 0 after this; files written so far stay as they were written (atomically)
            err.println("latentlab " + command.name() + ": out of memory (" + e.getMessage() + "); the Java heap is "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB: give it more with LATENTLAB_VM_ARGS=-Xmx8g,"
                    + " or make the experiment smaller");
            return 1;
        }
    }

    private static Map<String, Command> commands(BundleContext context) {
        Map<String, Command> commands = new TreeMap<>();
        try {
            Collection<ServiceReference<Command>> references = context.getServiceReferences(Command.class, null);
            references.stream().sorted(Comparator.reverseOrder()) // highest ranking first wins
                    .forEach(reference -> Optional.ofNullable(context.getService(reference))
                            .ifPresent(command -> commands.putIfAbsent(command.name(), command)));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // a null filter is always valid
        }
        return commands;
    }

    private static void printUsage(Collection<Command> commands, PrintStream out) {
        out.println("usage: latentlab [<command> [arguments]]   (no command: start the workbench)");
        out.println();
        for (Command command : commands) {
            out.printf("  %-12s %s%n", command.name(), command.summary());
        }
    }

    @Override
    public void stop() {
        // Commands finish their current step on interrupt; nothing to release here.
    }
}
