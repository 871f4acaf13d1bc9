/**
 * ND4J inside OSGi: this bundle embeds ND4J, its native CPU backend and OpenBLAS, exports
 * their {@code org.nd4j.*} packages, and offers {@link io.latentlab.nd4j.Nd4jRuntime} to load
 * the backend from any thread, {@link io.latentlab.nd4j.Reductions} for sums through BLAS and
 * {@link io.latentlab.nd4j.NativeMemory} to keep native memory bounded in long loops.
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package io.latentlab.nd4j;
