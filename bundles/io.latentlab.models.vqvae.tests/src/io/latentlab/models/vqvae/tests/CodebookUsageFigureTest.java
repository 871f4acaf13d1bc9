package io.latentlab.models.vqvae.tests;

import static io.latentlab.testkit.ModelGradientCheck.setup;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.Figure;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.models.vqvae.VqVae;
import io.latentlab.testkit.ModelGradientCheck;

/** The VQ-VAE's Codebook usage figure agrees with its evaluation's count of codes used. */
class CodebookUsageFigureTest {

    @Test
    void oneBarPerEntrySharesSumToOneAndMatchTheCodesUsed() {
        VqVae vq = new VqVae();
        Model model = vq.create(setup(vq, Map.of("codes", 6, "restart_every", 0),
                Map.of("encoder", List.of(new LayerEntry("e1", "conv2d", Map.of("filters", 3, "kernel", 2, "stride", 2))),
                        "decoder", List.of(new LayerEntry("d1", "upsampling2d", Map.of()),
                                new LayerEntry("d2", "conv2d", Map.of("filters", 1, "activation", "sigmoid")))),
                Shape.of(1, 4, 4), 0, 1));
        INDArray x = ModelGradientCheck.uniform(5, 10, 1, 4, 4);
        model.computeGradients(model.updates(1).get(0), x, null, 1); // step 1 initialises the codebook
        Figure.Bars usage = (Figure.Bars) model.figures(x, null).get(0);
        assertEquals("codebook-usage", usage.id());
        assertEquals(6, usage.values().length);
        assertEquals(1.0, Arrays.stream(usage.values()).sum(), 1e-12);
        // 10 examples x 4 positions: every share is a multiple of 1/40
        for (double share : usage.values()) {
            assertEquals(Math.round(share * 40), share * 40, 1e-9);
        }
        assertEquals(model.evaluate(x, null).get("test_codes_used"), (double) Arrays.stream(usage.values())
                .filter(share -> share > 0).count());
    }
}
