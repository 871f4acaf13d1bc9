package io.latentlab.nd4j;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

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
                info = describe();
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException("ND4J could not load its native CPU backend: " + e, e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        return info;
    }

    private static BackendInfo describe() {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        Properties properties = Nd4j.getExecutioner().getEnvironmentInformation();
        Map<String, String> environment = new TreeMap<>();
        properties.forEach((key, value) -> environment.put(String.valueOf(key), String.valueOf(value)));
        return new BackendInfo(backend, Nd4j.factory().blas().getBlasVendor().name(), nativeVariant(),
                Nd4j.getEnvironment().maxThreads(), intValue(environment.get("blas.threads")),
                Map.copyOf(environment));
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

    private static int intValue(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
