package io.latentlab.nd4j;

import java.util.Map;

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
}
