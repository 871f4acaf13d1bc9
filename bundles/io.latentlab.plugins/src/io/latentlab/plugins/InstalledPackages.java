package io.latentlab.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.ManifestElement;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The Java packages the running bundles export, with their versions: what a plugin's
 * Import-Package can be satisfied by. Used for the import ranges of new plugin projects and to
 * say, when a plugin is refused, which version of each package it needed is installed.
 */
public final class InstalledPackages {

    /**
     * A package as one bundle exports it.
     *
     * @param name the package
     * @param version its version
     * @param bundle the exporting bundle's symbolic name
     * @param bundleVersion that bundle's version
     */
    public record Export(String name, Version version, String bundle, Version bundleVersion) {

        @Override
        public String toString() {
            return name + " " + version + " (from " + bundle + " " + bundleVersion + ")";
        }
    }

    private final BundleContext context;

    /** @param context any bundle's context */
    public InstalledPackages(BundleContext context) {
        this.context = context;
    }

    /**
     * @param name a package
     * @return every resolved bundle's export of it, newest first
     */
    public List<Export> exports(String name) {
        List<Export> exports = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                continue; // not resolved: it exports nothing anyone can use
            }
            for (BundleCapability capability : wiring.getCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
                if (name.equals(capability.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))) {
                    Object version = capability.getAttributes().get(Constants.VERSION_ATTRIBUTE);
                    exports.add(new Export(name, version instanceof Version v ? v : Version.emptyVersion,
                            bundle.getSymbolicName(), bundle.getVersion()));
                }
            }
        }
        exports.sort(Comparator.comparing(Export::version).reversed());
        return exports;
    }

    /**
     * @param name a package
     * @return the newest installed version of it
     */
    public Optional<Version> newest(String name) {
        return exports(name).stream().map(Export::version).findFirst();
    }

    /**
     * The mandatory imports of a manifest that no installed bundle satisfies, each with what is
     * installed instead: "io.latentlab.core [3.0,4) (installed: io.latentlab.core 2.0.0 (from
     * io.latentlab.core 0.1.0))".
     *
     * @param importPackage the Import-Package header's value, or null
     * @return one line per unsatisfied import
     */
    public List<String> unsatisfied(String importPackage) {
        List<String> lines = new ArrayList<>();
        if (importPackage == null) {
            return lines;
        }
        ManifestElement[] elements;
        try {
            elements = ManifestElement.parseHeader(Constants.IMPORT_PACKAGE, importPackage);
        } catch (BundleException e) {
            return List.of("Import-Package cannot be read: " + e.getMessage());
        }
        for (ManifestElement element : elements) {
            if (Constants.RESOLUTION_OPTIONAL.equals(element.getDirective(Constants.RESOLUTION_DIRECTIVE))) {
                continue;
            }
            String rangeText = element.getAttribute(Constants.VERSION_ATTRIBUTE);
            VersionRange range = rangeText == null ? new VersionRange("0.0.0") : new VersionRange(rangeText);
            for (String name : element.getValueComponents()) {
                List<Export> exports = exports(name);
                if (exports.stream().noneMatch(e -> range.includes(e.version()))) {
                    lines.add(name + " " + (rangeText == null ? "(any version)" : range.toString()) + " (installed: "
                            + (exports.isEmpty() ? "none"
                            : String.join(", ", exports.stream().map(Export::toString).toList())) + ")");
                }
            }
        }
        return lines;
    }
}
