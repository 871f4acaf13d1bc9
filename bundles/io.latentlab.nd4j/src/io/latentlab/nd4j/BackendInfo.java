package io.latentlab.nd4j;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.factory.Nd4j;

/**
 * What ND4J loaded: the backend, its BLAS, its thread counts and the native build in use.
 *
 * @param backend the backend class' simple name, e.g. {@code CpuBackend}
 * @param blasVendor the BLAS library, e.g. {@code OPENBLAS}
 * @param nativeVariant the javacpp platform of the loaded libnd4j, e.g. {@code linux-x86_64-avx2}
 * @param ompThreads threads libnd4j's OpenMP loops use
 * @param blasThreads threads the BLAS library uses
 * @param environment everything the executioner reports about its environment
 */
public record BackendInfo(String backend, String blasVendor, String nativeVariant, int ompThreads,
        int blasThreads, Map<String, String> environment) {

    /** @return the version of the ND4J jar on this bundle's class path, e.g. {@code 1.0.0-M2.1} */
    public static String nd4jVersion() {
        Package nd4j = Nd4j.class.getPackage();
        String version = nd4j == null ? null : nd4j.getImplementationVersion();
        return version == null ? "1.0.0-M2.1" : version;
    }

    /** @return Java, ND4J, BLAS and thread lines as {@code latentlab info} and Help > About show them */
    public List<String> describe() {
        return List.of(
                String.format("Java            %s (%s)", System.getProperty("java.version"), System.getProperty("java.vendor")),
                String.format("ND4J            %s, %s (native build %s)", nd4jVersion(), backend, nativeVariant),
                String.format("BLAS vendor     %s", blasVendor),
                String.format("Threads         %d OpenMP, %d BLAS, %d cores", ompThreads, blasThreads,
                        Runtime.getRuntime().availableProcessors()));
    }
}
