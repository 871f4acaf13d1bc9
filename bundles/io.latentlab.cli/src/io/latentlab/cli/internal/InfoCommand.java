package io.latentlab.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.DuplicateContribution;
import io.latentlab.core.ParameterSpec;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.UnknownContributionException;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.nd4j.BackendInfo;
import io.latentlab.nd4j.Nd4jRuntime;

/** {@code latentlab info}: the numeric backend and the installed Latentlab bundles. */
@Component(service = Command.class)
public final class InfoCommand implements Command {

    /** Command name on the command line. */
    public static final String NAME = "info";

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "print the ND4J backend, BLAS, threads, Java and the installed Latentlab bundles; info ID: one contribution and its parameters";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() == 1) {
            return describe(arguments.get(0), out, err);
        }
        if (!arguments.isEmpty()) {
            err.println("usage: latentlab info [ID]");
            return 2;
        }
        BackendInfo backend = Nd4jRuntime.initialize();
        out.println("Latentlab " + FrameworkUtil.getBundle(getClass()).getVersion());
        backend.describe().forEach(out::println);
        out.println();
        out.println("Contributions (ids by the bundle that provides them):");
        for (ContributionKind kind : ContributionKind.all()) {
            Map<String, List<String>> byBundle = new TreeMap<>();
            registry.list(kind.serviceType()).stream().filter(r -> r.kind().equals(kind))
                    .forEach(r -> byBundle.computeIfAbsent(r.bundle() + " " + r.version(), b -> new ArrayList<>()).add(r.id()));
            List<String> groups = byBundle.entrySet().stream()
                    .map(group -> String.join(", ", group.getValue()) + " (" + group.getKey() + ")").toList();
            out.printf("  %-12s %2d  %s%n", kind.label(), byBundle.values().stream().mapToInt(List::size).sum(),
                    String.join("; ", groups));
        }
        for (DuplicateContribution duplicate : registry.duplicates()) {
            out.println("  warning: " + duplicate.message());
        }
        out.println();
        out.println("Models and their networks (each may have its own optimizer under 'optimizers:'):");
        for (RegisteredContribution<ModelFactory> model : registry.list(ModelFactory.class)) {
            out.printf("  %-24s %s%n", model.id(), String.join(", ", model.contribution().networkNames()));
        }
        out.println();
        out.println("Installed bundles (Latentlab's, and every bundle that contributes, plugins included):");
        Set<String> contributing = new HashSet<>();
        for (ContributionKind kind : ContributionKind.all()) {
            registry.list(kind.serviceType()).forEach(r -> contributing.add(r.bundle()));
        }
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName() != null && (bundle.getSymbolicName().startsWith("io.latentlab")
                        || contributing.contains(bundle.getSymbolicName())))
                .sorted(Comparator.comparing(Bundle::getSymbolicName))
                .forEach(bundle -> out.printf("  %-40s %-28s %s%n", bundle.getSymbolicName(), bundle.getVersion(),
                        stateName(bundle.getState())));
        return 0;
    }

    /** {@code latentlab info ID}: what a contribution is and its parameters, from its declaration. */
    private int describe(String id, PrintStream out, PrintStream err) {
        List<RegisteredContribution<?>> found = new ArrayList<>();
        for (ContributionKind kind : ContributionKind.all()) {
            registry.list(kind.serviceType()).stream().filter(r -> r.kind().equals(kind) && r.id().equals(id))
                    .forEach(found::add);
        }
        if (found.isEmpty()) {
            err.println("latentlab info: " + UnknownContributionException.of(registry, "contribution", id, Contribution.class)
                    .getMessage());
            return 2;
        }
        for (RegisteredContribution<?> registered : found) {
            Contribution contribution = registered.contribution();
            out.println(registered.kind().label() + " '" + id + "': " + contribution.name() + " (" + registered.bundle()
                    + " " + registered.version() + ")");
            out.println("  " + contribution.doc());
            if (contribution.schema().specs().isEmpty()) {
                out.println("  no parameters");
            }
            for (ParameterSpec spec : contribution.schema().specs()) {
                out.printf("  %-22s %s; %s%s%n", spec.name(), spec.expectation(), spec.required() ? "required"
                        : "default " + spec.defaultValue(), spec.unit().isEmpty() ? "" : " (" + spec.unit() + ")");
                if (!spec.doc().isEmpty()) {
                    out.println("  " + " ".repeat(22) + " " + spec.doc());
                }
            }
        }
        return 0;
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.STARTING -> "starting (lazy)";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed (not resolved)";
            default -> Integer.toString(state);
        };
    }
}
