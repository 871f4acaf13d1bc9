package io.latentlab.core.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.optim.OptimizerFactory;

/** In OSGi, the registry service sees the DS contributions of the installed bundles, and loses them when a bundle stops. */
class RegistryInOsgiTest {

    private static ContributionRegistry registry(BundleContext context) throws InterruptedException {
        for (String name : List.of("io.latentlab.core", "io.latentlab.layers.core", "io.latentlab.optimizers.core")) {
            for (Bundle bundle : context.getBundles()) {
                if (name.equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.ACTIVE) {
                    try {
                        bundle.start(Bundle.START_TRANSIENT);
                    } catch (Exception e) {
                        throw new AssertionError("cannot start " + name, e);
                    }
                }
            }
        }
        ServiceTracker<ContributionRegistry, ContributionRegistry> tracker = new ServiceTracker<>(context,
                ContributionRegistry.class, null);
        tracker.open();
        ContributionRegistry registry = tracker.waitForService(10_000);
        assertNotNull(registry, "no ContributionRegistry service");
        return registry;
    }

    @Test
    void builtInLayersActivationsAndOptimizersAreRegisteredWithTheirBundle() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ContributionRegistry registry = registry(context);
        List<String> layers = registry.list(LayerFactory.class).stream().map(RegisteredContribution::id).toList();
        assertTrue(layers.containsAll(List.of("dense", "conv2d", "conv2d_transpose", "max_pooling2d", "avg_pooling2d",
                "upsampling2d", "flatten", "reshape", "dropout", "batch_norm", "concat", "add", "relu", "sigmoid", "tanh",
                "leaky_relu", "prelu", "rrelu", "softmax", "identity")), layers.toString());
        assertTrue(registry.list(OptimizerFactory.class).stream().map(RegisteredContribution::id).toList()
                .containsAll(List.of("sgd", "momentum", "rmsprop", "adam", "adamw")));
        assertTrue(registry.list(LayerFactory.class).stream().filter(r -> r.id().equals("dense")).findFirst().orElseThrow()
                .bundle().equals("io.latentlab.layers.core"));
    }

    @Test
    void stoppingABundleRemovesItsContributions() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ContributionRegistry registry = registry(context);
        Bundle optimizers = List.of(context.getBundles()).stream()
                .filter(b -> "io.latentlab.optimizers.core".equals(b.getSymbolicName())).findFirst().orElseThrow();
        optimizers.stop(Bundle.STOP_TRANSIENT);
        try {
            assertTrue(registry.find(OptimizerFactory.class, "adam").isEmpty(), "adam still registered after stop");
        } finally {
            optimizers.start(Bundle.START_TRANSIENT);
        }
        assertTrue(registry.find(OptimizerFactory.class, "adam").isPresent(), "adam not back after restart");
    }
}
