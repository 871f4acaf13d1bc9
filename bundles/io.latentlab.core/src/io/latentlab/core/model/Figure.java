package io.latentlab.core.model;

import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A figure a model adds to its runs beside the sample grid: a GAN's images from the same noise at
 * every epoch, a VQ-VAE's codebook usage, a U-Net's overlays. The runner asks for the model's
 * figures whenever it writes a sample grid and keeps every epoch's ({@code figures/ID/epoch-NNN.*}
 * in the run directory); the workbench shows each figure as a page of the run editor, with a
 * slider over the epochs. Figures are data, not widgets, so a model bundle stays headless.
 */
public sealed interface Figure {

    /** @return the figure's file name, unique within its model: lower-case letters, digits and '-' */
    String id();

    /** @return the title of its page, short (a tab), e.g. {@code Fixed noise} */
    String title();

    /**
     * Images of the same examples in bands one above the other, as in the sample grid (grey
     * [n, 1, h, w] or colour [n, 3, h, w], values in [0, 1]), with an optional caption per example
     * (e.g. its IoU) shown on its image in the last band.
     *
     * @param id the figure's id
     * @param title its page's title
     * @param bands one image per example each, all the same shape
     * @param captions one per example, or none
     */
    record Images(String id, String title, List<INDArray> bands, List<String> captions) implements Figure {

        /** Checks the id, that there is a band and that the bands and captions agree. */
        public Images {
            checkId(id, title);
            bands = List.copyOf(bands);
            captions = List.copyOf(captions);
            if (bands.isEmpty()) {
                throw new IllegalArgumentException("figure '" + id + "' has no images");
            }
            long examples = bands.get(0).size(0);
            for (INDArray band : bands) {
                if (!Arrays.equals(band.shape(), bands.get(0).shape())) {
                    throw new IllegalArgumentException("figure '" + id + "': bands " + Arrays.toString(band.shape())
                            + " and " + Arrays.toString(bands.get(0).shape()) + " differ in shape");
                }
            }
            if (!captions.isEmpty() && captions.size() != examples) {
                throw new IllegalArgumentException("figure '" + id + "' has " + captions.size() + " captions for "
                        + examples + " examples");
            }
        }
    }

    /**
     * Values as bars, one per category (e.g. how often each codebook entry is chosen).
     *
     * @param id the figure's id
     * @param title its page's title
     * @param category what the bars are, e.g. {@code codebook entry} (the axis under them)
     * @param value what their height is, e.g. {@code share of vectors}
     * @param values the heights, bar 0 first
     */
    record Bars(String id, String title, String category, String value, double[] values) implements Figure {

        /** Checks the id and that there is a bar. */
        public Bars {
            checkId(id, title);
            values = values.clone();
            if (values.length == 0) {
                throw new IllegalArgumentException("figure '" + id + "' has no values");
            }
        }
    }

    private static void checkId(String id, String title) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a figure's id is lower-case letters, digits and '-' (a file name), not '"
                    + id + "'");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("figure '" + id + "' has no title");
        }
    }
}
