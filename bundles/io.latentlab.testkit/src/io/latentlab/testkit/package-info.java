/**
 * Checks any layer or loss author runs in one line: {@link io.latentlab.testkit.GradientCheck}
 * compares backward with central finite differences in float64 for the inputs and every
 * parameter, and checks the layer's contracts (shape inference, deterministic evaluation,
 * parameters that survive a checkpoint round trip); {@link io.latentlab.testkit.ModelGradientCheck}
 * does the same for a whole model's training step, built against
 * {@link io.latentlab.testkit.StandardContributions#registry}; {@link io.latentlab.testkit.OptimizerCheck}
 * and {@link io.latentlab.testkit.ScheduleCheck} hold an optimizer or a schedule to its author's
 * formula and to checkpoint round trips. No test framework is required: failures are
 * {@link java.lang.AssertionError}s.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package io.latentlab.testkit;
