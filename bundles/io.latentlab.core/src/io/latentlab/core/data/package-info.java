/**
 * Datasets: a {@link io.latentlab.core.data.DatasetFactory} contribution loads examples
 * ({@link io.latentlab.core.data.Dataset}) from files or embedded resources. Corrupt or
 * truncated files fail with {@link io.latentlab.core.data.DatasetException}, naming the file
 * and byte offset; a partial load is never returned.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package io.latentlab.core.data;
