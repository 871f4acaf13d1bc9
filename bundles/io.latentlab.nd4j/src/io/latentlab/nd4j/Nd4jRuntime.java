package io.latentlab.nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads ND4J's backend correctly inside OSGi. Call {@link #initialize()} before the first use
 * of {@link Nd4j} on any thread; later calls return at once.
 * <p>
 * ND4J discovers its backend with {@link java.util.ServiceLoader} through the thread's context
 * class loader. On a thread whose context loader cannot see this bundle (a plain
 * {@code Thread}, a pool thread, a test runner) that lookup fails, and the failure poisons
 * the {@code Nd4j} class for the rest of the JVM. So the first load runs with this bundle's
 * class loader as the context loader.
 */
public final class Nd4jRuntime {

    /** System property (or environment variable {@code LATENTLAB_THREADS}) setting ND4J's thread count. */
    public static final String THREADS_PROPERTY = "latentlab.threads";

    /**
     * Threads when nothing is configured. libnd4j takes its OpenMP thread count from
     * {@code OMP_NUM_THREADS} when it loads (the {@code latentlab} launcher sets it); this sets
     * the BLAS and master threads, which can change at run time. Measured on the 2-core machines we build on: one
     * thread trained the benchmark autoencoders faster than two (thread start-up and spinning
     * cost more than the small ops gain); see README, Engine benchmark.
     */
    public static final int DEFAULT_THREADS = 1;

    /** javacpp's property choosing among the embedded native builds; set it to override our choice. */
    public static final String NATIVE_BUILD_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    /**
     * The build used on CPUs with AVX2 and FMA: oneDNN runs convolutions and their gradients
     * 3-8x faster than the plain builds here (README, Engine benchmark). Other CPUs get the
     * generic linux-x86_64 build, also embedded.
     */
    public static final String ONEDNN_AVX2 = "-onednn-avx2";

    private static BackendInfo info;

    private Nd4jRuntime() {
    }

    /**
     * Loads the backend if no thread has yet, and describes it.
     *
     * @return the loaded backend's description
     * @throws IllegalStateException if no ND4J backend can be loaded on this machine
     */
    public static synchronized BackendInfo initialize() {
        if (info == null) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(Nd4jRuntime.class.getClassLoader());
            try {
                chooseNativeBuild();
                int threads = configuredThreads();
                Nd4j.getEnvironment().setMaxThreads(threads);
                Nd4j.getEnvironment().setMaxMasterThreads(threads);
                Nd4j.factory().blas().setMaxThreads(threads);
                info = describe();
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException("ND4J could not load its native CPU backend: " + e, e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        return info;
    }

    /**
     * Changes the threads ND4J's BLAS calls and master loops use from now on (libnd4j's OpenMP
     * loops keep the count {@code OMP_NUM_THREADS} gave them at load).
     *
     * @param threads at least 1
     * @return the backend's description afterwards
     */
    public static synchronized BackendInfo setThreads(int threads) {
        initialize();
        int count = Math.max(1, threads);
        Nd4j.getEnvironment().setMaxThreads(count);
        Nd4j.getEnvironment().setMaxMasterThreads(count);
        Nd4j.factory().blas().setMaxThreads(count);
        info = describe();
        return info;
    }

    private static void chooseNativeBuild() {
        String chosen = System.getProperty(NATIVE_BUILD_PROPERTY);
        if (chosen == null && cpuFlags().containsAll(List.of("avx2", "fma"))) {
            System.setProperty(NATIVE_BUILD_PROPERTY, ONEDNN_AVX2);
        }
    }

    /** @return the CPU feature flags from /proc/cpuinfo; empty where it cannot be read */
    static Set<String> cpuFlags() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("flags")).findFirst()
                    .map(line -> (Set<String>) new HashSet<>(
                            Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))))
                    .orElse(Set.of());
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /** @return {@code latentlab.threads}, else {@code LATENTLAB_THREADS}, else {@code OMP_NUM_THREADS}, else 1 */
    static int configuredThreads() {
        for (String value : new String[] {System.getProperty(THREADS_PROPERTY), System.getenv("LATENTLAB_THREADS"),
            System.getenv("OMP_NUM_THREADS")}) {
            if (value != null && !value.isBlank()) {
                try {
                    return Math.max(1, Integer.parseInt(value.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("thread count '" + value + "' is not a whole number");
                }
            }
        }
        return DEFAULT_THREADS;
    }

    private static BackendInfo describe() {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        Properties properties = Nd4j.getExecutioner().getEnvironmentInformation();
        Map<String, String> environment = new TreeMap<>();
        properties.forEach((key, value) -> environment.put(String.valueOf(key), String.valueOf(value)));
        return new BackendInfo(backend, Nd4j.factory().blas().getBlasVendor().name(), nativeVariant(),
                Nd4j.getEnvironment().maxThreads(), Nd4j.factory().blas().getMaxThreads(), Map.copyOf(environment));
    }

    /** The javacpp platform directory that libnd4jcpu was extracted from, e.g. linux-x86_64-avx2. */
    private static String nativeVariant() {
        String path = Loader.getLoadedLibraries().get("nd4jcpu");
        if (path == null) {
            return "unknown";
        }
        String[] parts = path.replace('\\', '/').split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : path;
    }

}
