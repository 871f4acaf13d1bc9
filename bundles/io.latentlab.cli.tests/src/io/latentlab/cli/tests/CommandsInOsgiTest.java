package io.latentlab.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.latentlab.cli.Command;

/** The command services as `latentlab` finds them: `info` tells the backend, the contributions and each model's networks. */
class CommandsInOsgiTest {

    private static Command command(String name) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(CommandsInOsgiTest.class).getBundleContext();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName().startsWith("io.latentlab") && bundle.getState() != Bundle.ACTIVE
                    && bundle.getHeaders().get("Fragment-Host") == null) {
                bundle.start(Bundle.START_TRANSIENT);
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (ServiceReference<Command> reference : context.getServiceReferences(Command.class, null)) {
                Command command = context.getService(reference);
                if (command != null && name.equals(command.name())) {
                    return command;
                }
            }
            Thread.sleep(50);
        }
        return null;
    }

    @Test
    void infoListsTheBackendTheContributionsAndEachModelsNetworks() throws Exception {
        Command info = command("info");
        assertNotNull(info, "no 'info' command service within 10 s");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = info.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("Contributions (ids by the bundle") && text.matches("(?s).*layer .*dense.*\\(io\\.latentlab\\.layers\\.core .*"), text);
        assertTrue(text.contains("Models and their networks") && text.matches("(?s).*\\n  vae +encoder, decoder\\n.*"), text);
        assertTrue(text.contains("io.latentlab.layers.core"), "the bundles that contribute are listed: " + text);
    }

    /** {@code latentlab info adam}: the contribution and each parameter with its type, range, default and doc. */
    @Test
    void infoOfOneContributionListsItsParameters() throws Exception {
        Command info = command("info");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, info.run(List.of("adam"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("optimizer 'adam': Adam (io.latentlab.optimizers.core "), text);
        assertTrue(text.contains("  beta_1                 a number in [0, 0.9999999]; default 0.9\n"
                + "                         decay of the first-moment estimate s\n"), text);
        assertTrue(text.contains("  learning_rate          a number in [0, 10]; default 0.001\n"), text);

        ByteArrayOutputStream unknown = new ByteArrayOutputStream();
        assertEquals(2, info.run(List.of("adma"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(unknown, true, StandardCharsets.UTF_8)));
        assertTrue(unknown.toString(StandardCharsets.UTF_8).contains("unknown contribution 'adma'; did you mean 'adam'?"),
                unknown.toString(StandardCharsets.UTF_8));
    }

    /**
     * A command that fails unexpectedly (a plugin's bug) ends with exit 1 and one line naming the
     * failure and its cause; the stack trace goes to a file the line names, not to the terminal.
     */
    @Test
    void anUnexpectedFailureIsOneLineAndAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path crashes) throws Exception {
        command("info"); // every Latentlab bundle started
        BundleContext context = FrameworkUtil.getBundle(CommandsInOsgiTest.class).getBundleContext();
        var registration = context.registerService(Command.class, new Command() {
            @Override
            public String name() {
                return "explode";
            }

            @Override
            public String summary() {
                return "fails";
            }

            @Override
            public int run(List<String> arguments, PrintStream out, PrintStream err) {
                throw new IllegalStateException("layer 'odd' (faulty from org.example.faulty 1.0.0) failed in forward",
                        new ArithmeticException("/ by zero"));
            }
        }, null);
        System.setProperty("latentlab.crashes", crashes.toString());
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new io.latentlab.cli.internal.CommandLineApplication().run(List.of("explode", "now"),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals(1, exit, text);
            assertTrue(text.startsWith("latentlab explode: layer 'odd' (faulty from org.example.faulty 1.0.0) failed in"
                    + " forward: / by zero\n  (details: " + crashes), text);
            assertTrue(!text.contains("\tat "), "no stack trace on the terminal: " + text);
            try (var files = java.nio.file.Files.list(crashes)) {
                java.nio.file.Path report = files.findFirst().orElseThrow();
                String details = java.nio.file.Files.readString(report);
                assertTrue(details.startsWith("latentlab explode now\n") && details.contains("ArithmeticException: / by zero")
                        && details.contains("\tat "), details);
            }
        } finally {
            System.clearProperty("latentlab.crashes");
            registration.unregister();
        }
    }
}
