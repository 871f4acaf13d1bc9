package io.latentlab.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a Master and Workers, each its own JVM, with
 * a shared secret (spark.authenticate). Spark's jars come from this test's class path (Maven
 * Central), laid out as a Spark home's {@code jars/} so that Workers can start executors.
 */
final class LocalCluster implements AutoCloseable {

    private final Path folder;
    private final String secret;
    private final Path sparkHome;
    private final int port;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    /**
     * Starts a Master and waits until it listens.
     *
     * @param folder for the Spark home, logs and work directories
     * @param secret the shared secret
     */
    LocalCluster(Path folder, String secret) throws IOException, InterruptedException {
        this.folder = folder;
        this.secret = secret;
        this.sparkHome = sparkHome(folder.resolve("spark-home"));
        this.port = freePort();
        master = java("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        awaitLog("master", "I have been elected leader", 60);
    }

    /** @return the master's URL */
    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /**
     * Starts a Worker of one core and waits until the Master has registered it.
     *
     * @return the Worker's process
     */
    Process addWorker() throws IOException, InterruptedException {
        int number = workers.size() + 1;
        Path work = Files.createDirectories(folder.resolve("worker-" + number));
        Process worker = java("worker-" + number, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                "1", "--memory", "2g", "--webui-port", Integer.toString(freePort()), "--work-dir", work.toString(), url());
        workers.add(worker);
        awaitLog("worker-" + number, "Successfully registered with master", 60);
        return worker;
    }

    /**
     * A Spark home whose jars/ are this class path's jars, so that Workers can build executors' class
     * paths (a RELEASE file marks it as a distribution, whose jars are in jars/).
     */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark from the test's class path (Maven Central)\n");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(jar) && !Files.exists(jars.resolve(jar.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
        }
        return home;
    }

    private Process java(String name, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(List.of(System.getProperty("latentlab.spark.jvmOptions", "").trim().split("\\s+")));
        command.add("-Dspark.authenticate=true");
        command.add("-Dspark.authenticate.secret=" + secret);
        command.add("-cp");
        command.add(sparkHome.resolve("jars").toString() + File.separator + "*");
        command.add(mainClass);
        command.addAll(List.of(arguments));
        command.removeIf(String::isEmpty);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_SCALA_VERSION", "2.13"); // else the launcher looks for a source build
        return builder.start();
    }

    /** Waits until a process's log says something, failing with the log after the timeout. */
    void awaitLog(String name, String text, int seconds) throws IOException, InterruptedException {
        Path log = folder.resolve(name + ".log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not log '" + text + "' within " + seconds + " s:\n"
                + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : workers) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        master.destroyForcibly();
        for (Process process : workers) {
            process.waitFor(30, TimeUnit.SECONDS);
        }
        master.waitFor(30, TimeUnit.SECONDS);
    }
}
