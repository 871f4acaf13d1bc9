package io.latentlab.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.model.Figure;
import io.latentlab.nd4j.Nd4jRuntime;

/** A model's figures are checked where they are made, so that a bad one names itself. */
class FigureTest {

    @Test
    void anIdMustBeAFileName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Figure.Bars("Codebook Usage", "Codebook usage", "entry", "share", new double[] {1}));
        assertEquals("a figure's id is lower-case letters, digits and '-' (a file name), not 'Codebook Usage'",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Figure.Bars("../up", "t", "c", "v", new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Figure.Bars("usage", " ", "c", "v", new double[] {1}));
    }

    @Test
    void bandsAndCaptionsMustAgree() {
        Nd4jRuntime.initialize();
        IllegalArgumentException shapes = assertThrows(IllegalArgumentException.class, () -> new Figure.Images("overlays",
                "Overlays", List.of(Nd4j.zeros(4, 1, 2, 2), Nd4j.zeros(4, 3, 2, 2)), List.of()));
        assertEquals("figure 'overlays': bands [4, 3, 2, 2] and [4, 1, 2, 2] differ in shape", shapes.getMessage());
        IllegalArgumentException captions = assertThrows(IllegalArgumentException.class, () -> new Figure.Images("overlays",
                "Overlays", List.of(Nd4j.zeros(4, 1, 2, 2)), List.of("IoU 1.00")));
        assertEquals("figure 'overlays' has 1 captions for 4 examples", captions.getMessage());
        assertEquals("figure 'usage' has no values", assertThrows(IllegalArgumentException.class,
                () -> new Figure.Bars("usage", "Usage", "c", "v", new double[0])).getMessage());
    }

    @Test
    void valuesAreCopied() {
        double[] values = {0.5, 0.5};
        Figure.Bars bars = new Figure.Bars("usage", "Usage", "entry", "share", values);
        values[0] = 9;
        assertEquals(0.5, bars.values()[0]);
    }
}
