package io.latentlab.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.framework.Version;

/**
 * Writes a complete, standalone plugin project for one contribution kind ({@code latentlab
 * plugins new}): a Maven wrapper that finds a JDK 21+ by itself, a Tycho POM whose target
 * platform is an installed Latentlab's own {@code plugins/} folder (read in place: nothing is
 * copied into {@code target/}), the contribution with its schema, a test with the test kit, an
 * experiment that uses it, and a README. The templates are this bundle's {@code scaffold/}
 * folder; Latentlab's example plugins are built from the same ones.
 */
public final class PluginScaffold {

    /** The kinds a project can be written for, in the order {@code latentlab plugins new} lists them. */
    public static final List<String> KINDS = List.of("activation", "layer", "loss", "optimizer", "schedule", "model",
            "dataset", "augmentation");

    /** Imports every project has: the test kit and JUnit for its tests, the DS annotations at build time. */
    private static final List<String> COMMON_IMPORTS = List.of("io.latentlab.testkit optional",
            "org.junit.jupiter.api;version=\"[5.14,6)\";resolution:=optional",
            "org.osgi.service.component.annotations;version=\"[1.5,2)\";resolution:=optional");

    private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits");

    /**
     * What was written.
     *
     * @param directory the project
     * @param bundle its Bundle-SymbolicName (and Java package)
     * @param id the contribution's id
     * @param className the contribution's class
     * @param experiment the experiment that uses it
     * @param files every file written, relative to the project
     */
    public record Project(Path directory, String bundle, String id, String className, Path experiment,
            List<Path> files) {

        /** @return the jar {@code ./mvnw verify} builds */
        public Path jar() {
            return directory.resolve("target").resolve(bundle + "-1.0.0.jar");
        }
    }

    private PluginScaffold() {
    }

    /**
     * Checks a bundle name for a project: dot-separated lower-case Java identifiers, which also
     * become the Java package.
     *
     * @param bundle e.g. {@code org.example.gelu}
     * @return why it cannot be used, if it cannot
     */
    public static Optional<String> problemWithName(String bundle) {
        if (bundle.isEmpty() || bundle.startsWith(".") || bundle.endsWith(".") || bundle.contains("..")) {
            return Optional.of("'" + bundle + "' is not a bundle name: write dot-separated words, e.g. org.example.gelu");
        }
        for (String segment : bundle.split("\\.")) {
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.of("'" + segment + "' in '" + bundle + "' is not a lower-case Java identifier"
                        + " (letters, digits and _, starting with a letter); the name is also the Java package");
            }
            if (JAVA_KEYWORDS.contains(segment)) {
                return Optional.of("'" + segment + "' in '" + bundle + "' is a Java keyword; the name is also the Java package");
            }
        }
        return Optional.empty();
    }

    /** System property naming the Latentlab installation new projects build against (tests; another installation). */
    public static final String HOME_PROPERTY = "latentlab.home";

    /**
     * @return the Latentlab installation new projects build against: {@code -Dlatentlab.home}, else
     *         the one this runs from (its {@code plugins/} and {@code lib/} are what the project uses)
     */
    public static Path installation() {
        String given = System.getProperty(HOME_PROPERTY);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        String area = System.getProperty("osgi.install.area");
        return area == null ? Path.of(".").toAbsolutePath() : Path.of(java.net.URI.create(area.replace(" ", "%20")));
    }

    /**
     * @param id a contribution id
     * @return why it cannot be used, if it cannot
     */
    public static Optional<String> problemWithId(String id) {
        return SEGMENT.matcher(id).matches() ? Optional.empty()
                : Optional.of("'" + id + "' is not an id: lower-case words joined by _, e.g. my_gelu");
    }

    /**
     * @param directory where a project would go
     * @return why it cannot go there (a file, or a folder that is not empty), if it cannot
     */
    public static Optional<String> problemWithDirectory(Path directory) {
        if (Files.isRegularFile(directory)) {
            return Optional.of(directory + " is a file");
        }
        try {
            return Files.isDirectory(directory) && !isEmptyDirectory(directory)
                    ? Optional.of(directory + " exists and is not empty: choose another folder") : Optional.empty();
        } catch (IOException e) {
            return Optional.of(directory + " cannot be read: " + e.getMessage());
        }
    }

    /** @return the id a bundle's contribution gets by default: its last name segment ({@code org.example.gelu}: gelu) */
    public static String defaultId(String bundle) {
        return bundle.substring(bundle.lastIndexOf('.') + 1);
    }

    /**
     * Writes the project.
     *
     * @param kind one of {@link #KINDS}
     * @param bundle the bundle's symbolic name, e.g. {@code org.example.gelu}
     * @param id the contribution's id (lower case, words joined by _)
     * @param directory where the project goes: absent or empty
     * @param latentlabHome the installation it builds against (its {@code plugins/} and {@code lib/find-java.sh})
     * @param exportedVersion the installed version of a package, for the manifest's import ranges
     * @return what was written
     * @throws IOException if a file cannot be written
     * @throws IllegalArgumentException naming what is wrong with the kind, names, directory or installation
     */
    public static Project write(String kind, String bundle, String id, Path directory, Path latentlabHome,
            Function<String, Optional<Version>> exportedVersion) throws IOException {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown kind '" + kind + "': one of " + String.join(", ", KINDS));
        }
        problemWithName(bundle).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        problemWithId(id).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Path findJava = latentlabHome.resolve("lib").resolve("find-java.sh");
        if (!Files.isRegularFile(findJava) || !Files.isDirectory(latentlabHome.resolve("plugins"))) {
            throw new IllegalArgumentException(latentlabHome + " is not a Latentlab installation (no lib/find-java.sh"
                    + " and plugins/ folder)");
        }
        problemWithDirectory(directory).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        String className = className(id);
        String packagePath = bundle.replace('.', '/');
        Map<String, String> values = new LinkedHashMap<>();
        values.put("BUNDLE", bundle);
        values.put("PACKAGE_PATH", packagePath);
        values.put("PACKAGE", bundle);
        values.put("CLASS", className);
        values.put("ID", id);
        values.put("NAME", humanName(id));
        values.put("KIND", kind);
        values.put("LATENTLAB_HOME", latentlabHome.toAbsolutePath().normalize().toString());
        values.put("FIND_JAVA", Files.readString(findJava, StandardCharsets.UTF_8).strip());

        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", template("common/pom.xml"));
        files.put("latentlab.target", template("common/latentlab.target"));
        files.put("mvnw", template("common/mvnw"));
        files.put(".mvn/wrapper/maven-wrapper.properties", template("common/maven-wrapper.properties"));
        files.put(".mvn/maven.config", template("common/maven.config"));
        files.put(".gitignore", template("common/gitignore"));
        files.put("README.md", template("common/README.md"));
        files.put("src/main/java/" + packagePath + "/" + className + ".java", template(kind + "/Main.java"));
        files.put("src/test/java/" + packagePath + "/" + className + "Test.java", template(kind + "/MainTest.java"));
        files.put("src/main/resources/META-INF/MANIFEST.MF", manifest(kind, bundle, exportedVersion));
        files.put(id + ".experiment.yaml", template(kind + "/experiment.yaml"));

        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = directory.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, fill(file.getValue(), values), StandardCharsets.UTF_8);
            written.add(Path.of(file.getKey()));
        }
        Files.setPosixFilePermissions(directory.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return new Project(directory, bundle, id, className, directory.resolve(id + ".experiment.yaml"),
                List.copyOf(written));
    }

    /** Import-Package: the kind's packages and the common ones, each with a range from its installed version up to the next major. */
    private static String manifest(String kind, String bundle, Function<String, Optional<Version>> exportedVersion) {
        List<String> lines = new ArrayList<>(template(kind + "/imports").lines().filter(l -> !l.isBlank()).toList());
        lines.addAll(COMMON_IMPORTS);
        List<String> imports = new ArrayList<>();
        for (String line : lines.stream().sorted().toList()) {
            if (line.contains(";")) {
                imports.add(line);
                continue;
            }
            String[] words = line.strip().split("\\s+");
            Version version = exportedVersion.apply(words[0]).orElseThrow(() -> new IllegalArgumentException(
                    "package " + words[0] + " is not exported by any installed bundle; is this a complete Latentlab?"));
            imports.add(words[0] + ";version=\"[" + version.getMajor() + "." + version.getMinor() + ","
                    + (version.getMajor() + 1) + ")\"" + (words.length > 1 && "optional".equals(words[1])
                            ? ";resolution:=optional" : ""));
        }
        return "Manifest-Version: 1.0\n"
                + "Bundle-ManifestVersion: 2\n"
                + "Bundle-Name: @@NAME@@ (" + kind + ") for Latentlab\n"
                + "Bundle-SymbolicName: " + bundle + "\n"
                + "Bundle-Version: 1.0.0\n"
                + "Bundle-RequiredExecutionEnvironment: JavaSE-21\n"
                + "Automatic-Module-Name: " + bundle + "\n"
                + "Import-Package: " + String.join(",\n ", imports) + "\n";
    }

    private static String fill(String text, Map<String, String> values) {
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace("@@" + value.getKey() + "@@", value.getValue());
        }
        if (result.contains("@@")) {
            throw new IllegalStateException("a scaffold template has an unfilled placeholder: "
                    + result.substring(result.indexOf("@@"), Math.min(result.length(), result.indexOf("@@") + 30)));
        }
        return result;
    }

    private static String template(String name) {
        try (InputStream in = PluginScaffold.class.getResourceAsStream("/scaffold/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the scaffold template " + name + " is missing from "
                        + "io.latentlab.plugins");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code my_gelu}: MyGelu */
    static String className(String id) {
        StringBuilder name = new StringBuilder();
        for (String word : id.split("_")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        String result = name.toString();
        return Character.isJavaIdentifierStart(result.charAt(0)) ? result : "C" + result;
    }

    /** @return {@code my_gelu}: My gelu */
    private static String humanName(String id) {
        String words = id.replace('_', ' ').strip();
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static boolean isEmptyDirectory(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
