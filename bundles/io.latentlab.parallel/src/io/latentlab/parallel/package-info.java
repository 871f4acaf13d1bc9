/**
 * Data-parallel training: processes that train one model together, each on its shard of every
 * batch, sum their gradients every step with a ring all-reduce over TCP that only the job's own
 * processes (holders of its secret) can join.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.latentlab.parallel;
