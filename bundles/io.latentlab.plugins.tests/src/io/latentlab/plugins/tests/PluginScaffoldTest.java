package io.latentlab.plugins.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

import io.latentlab.plugins.InstalledPackages;
import io.latentlab.plugins.PluginScaffold;

/**
 * The project {@code latentlab plugins new} writes, file by file, for every kind; names and
 * directories it refuses. (releng/plugin-sdk-test.sh builds, tests, installs and trains each kind.)
 */
class PluginScaffoldTest {

    /** A Latentlab installation as far as the scaffold reads it: lib/find-java.sh and a plugins/ folder. */
    private static Path installation(Path root) throws Exception {
        Files.createDirectories(root.resolve("plugins"));
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/find-java.sh"), "# finds java\nlatentlab_find_java() { export JAVA_HOME=/jdk; }\n");
        return root;
    }

    private static Optional<Version> installed(String name) {
        return Optional.of(name.startsWith("org.nd4j") ? new Version(1, 0, 0) : new Version(2, 3, 1));
    }

    @Test
    void everyKindGetsACompleteProject(@TempDir Path temporary) throws Exception {
        Path home = installation(temporary.resolve("latentlab"));
        for (String kind : PluginScaffold.KINDS) {
            Path directory = temporary.resolve(kind);
            PluginScaffold.Project project = PluginScaffold.write(kind, "org.example.my_" + kind, "my_" + kind, directory,
                    home, PluginScaffoldTest::installed);
            String className = "My" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
            assertEquals(className, project.className());
            for (String file : List.of("pom.xml", "latentlab.target", "mvnw", ".mvn/wrapper/maven-wrapper.properties",
                    ".mvn/maven.config", ".gitignore", "README.md", "src/main/resources/META-INF/MANIFEST.MF",
                    "src/main/java/org/example/my_" + kind + "/" + className + ".java",
                    "src/test/java/org/example/my_" + kind + "/" + className + "Test.java", "my_" + kind + ".experiment.yaml")) {
                assertTrue(Files.isRegularFile(directory.resolve(file)), kind + ": " + file + " was not written");
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file);
                    assertFalse(text.contains("@@"), file + " keeps a template placeholder");
                }
            }
            String java = Files.readString(directory.resolve("src/main/java/org/example/my_" + kind + "/" + className + ".java"));
            assertTrue(java.startsWith("package org.example.my_" + kind + ";") && java.contains("public final class "
                    + className) && java.contains("ID = \"my_" + kind + "\""), java);
            assertTrue(Files.readString(project.experiment()).contains("my_" + kind), kind + "'s experiment does not use it");
            String manifest = Files.readString(directory.resolve("src/main/resources/META-INF/MANIFEST.MF"));
            assertTrue(manifest.contains("Bundle-SymbolicName: org.example.my_" + kind + "\n"), manifest);
            assertTrue(manifest.contains("io.latentlab.core;version=\"[2.3,3)\""), "ranges from the installed version: "
                    + manifest);
            assertTrue(manifest.contains("io.latentlab.testkit;version=\"[2.3,3)\";resolution:=optional"), manifest);
            assertTrue(manifest.contains("org.junit.jupiter.api;version=\"[5.14,6)\";resolution:=optional"), manifest);
            assertEquals(project.jar(), directory.resolve("target/org.example.my_" + kind + "-1.0.0.jar"));
        }
        Path mvnw = temporary.resolve("activation/mvnw");
        assertTrue(Files.isExecutable(mvnw));
        String wrapper = Files.readString(mvnw);
        assertTrue(wrapper.contains("latentlab_find_java() { export JAVA_HOME=/jdk; }\nlatentlab_find_java || exit 1"),
                "the installation's find-java.sh is inlined: the project stands alone");
        assertFalse(wrapper.contains("features/io.latentlab.runtime.feature"), "nothing points into Latentlab's sources");
        assertEquals("-Dlatentlab.home=" + home.toAbsolutePath().normalize() + "\n",
                Files.readString(temporary.resolve("activation/.mvn/maven.config")));
        assertTrue(Files.readString(temporary.resolve("activation/latentlab.target"))
                .contains("path=\"${system_property:latentlab.home}/plugins\" type=\"Directory\""));
    }

    @Test
    void refusesBadNamesKindsDirectoriesAndInstallations(@TempDir Path temporary) throws Exception {
        Path home = installation(temporary.resolve("latentlab"));
        assertEquals(Optional.empty(), PluginScaffold.problemWithName("org.example.gelu"));
        assertTrue(PluginScaffold.problemWithName("Org.example").orElseThrow().contains("lower-case Java identifier"));
        assertTrue(PluginScaffold.problemWithName("org.example.new").orElseThrow().contains("Java keyword"));
        assertTrue(PluginScaffold.problemWithName("org..x").orElseThrow().contains("not a bundle name"));
        assertTrue(PluginScaffold.problemWithName("org.2x").isPresent());
        assertEquals("gelu", PluginScaffold.defaultId("org.example.gelu"));

        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> PluginScaffold.write("metric",
                "org.example.m", "m", temporary.resolve("m"), home, PluginScaffoldTest::installed));
        assertTrue(kind.getMessage().contains("unknown kind 'metric': one of activation, layer"), kind.getMessage());

        IllegalArgumentException id = assertThrows(IllegalArgumentException.class, () -> PluginScaffold.write("loss",
                "org.example.m", "My-Loss", temporary.resolve("m"), home, PluginScaffoldTest::installed));
        assertTrue(id.getMessage().contains("'My-Loss' is not an id"), id.getMessage());

        Path taken = Files.createDirectories(temporary.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");
        IllegalArgumentException occupied = assertThrows(IllegalArgumentException.class, () -> PluginScaffold.write(
                "loss", "org.example.m", "m", taken, home, PluginScaffoldTest::installed));
        assertTrue(occupied.getMessage().contains("exists and is not empty"), occupied.getMessage());
        assertEquals("mine", Files.readString(taken.resolve("notes.txt")), "nothing of the user's is touched");

        IllegalArgumentException notInstalled = assertThrows(IllegalArgumentException.class, () -> PluginScaffold.write(
                "loss", "org.example.m", "m", temporary.resolve("m"), temporary.resolve("nowhere"),
                PluginScaffoldTest::installed));
        assertTrue(notInstalled.getMessage().contains("is not a Latentlab installation"), notInstalled.getMessage());

        IllegalArgumentException missingPackage = assertThrows(IllegalArgumentException.class, () -> PluginScaffold.write(
                "loss", "org.example.m", "m", temporary.resolve("m2"), home, name -> Optional.empty()));
        assertTrue(missingPackage.getMessage().contains("is not exported by any installed bundle"),
                missingPackage.getMessage());
    }

    /** The import ranges come from what this framework exports, and a refusal names what is installed. */
    @Test
    void installedPackagesOfTheRunningFramework() {
        InstalledPackages packages = new InstalledPackages(FrameworkUtil.getBundle(getClass()).getBundleContext());
        assertEquals(2, packages.newest("io.latentlab.core").orElseThrow().getMajor());
        assertTrue(packages.newest("org.example.nothing").isEmpty());
        List<String> unsatisfied = packages.unsatisfied("io.latentlab.core;version=\"[3.0,4)\","
                + "org.osgi.framework;version=\"[1.8,2)\",org.example.gone,org.example.optional;resolution:=optional");
        assertEquals(2, unsatisfied.size(), unsatisfied.toString());
        assertTrue(unsatisfied.get(0).matches("io\\.latentlab\\.core \\[3\\.0\\.0,4\\.0\\.0\\) \\(installed: "
                + "io\\.latentlab\\.core 2\\.\\d+\\.\\d+ \\(from io\\.latentlab\\.core .*\\)\\)"), unsatisfied.get(0));
        assertEquals("org.example.gone (any version) (installed: none)", unsatisfied.get(1));
    }
}
