package io.latentlab.analyses.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.analyses.LatentPaths;
import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.ImageGrid;
import io.latentlab.runs.RunCommands;
import io.latentlab.runs.RunDirectory;

/**
 * {@code latentlab latent-map RUN_DIR [--out PREFIX]}: for a model with a 2-D latent space, the
 * decoded manifold over [-3, 3]^2 (PREFIX-manifold.png) and a scatter of the test set's codes
 * coloured by label (PREFIX-scatter.png; for any latent size the first two dimensions).
 */
@Component(service = Command.class)
public final class LatentMapCommand implements Command {

    private static final int SIZE = 600;

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "latent-map";
    }

    @Override
    public String summary() {
        return "latent-map RUN_DIR [--out latent]: decoded 2-D manifold (latent-manifold.png) and a scatter of test"
                + " codes coloured by label (latent-scatter.png)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (!(arguments.size() == 1 || (arguments.size() == 3 && "--out".equals(arguments.get(1))))) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        Path directory = RunCommands.runDirectory("latent-map", arguments.get(0), true, err);
        if (directory == null) {
            return RunCommands.INVALID;
        }
        String prefix = arguments.size() == 3 ? arguments.get(2) : "latent";
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            CheckedExperiment checked = RunDirectory.experiment(new ExperimentReader(registry), directory);
            ExperimentRunner.LoadedRun loaded = runner.load(directory, checked);
            double[][] codes = loaded.model().encode(loaded.dataset().testFeatures()).castTo(DataType.DOUBLE).toDoubleMatrix();
            INDArray labels = loaded.dataset().testLabels();
            Path scatter = Path.of(prefix + "-scatter.png");
            writeScatter(codes, labels, scatter);
            out.println("Wrote " + scatter.toAbsolutePath().normalize() + " (" + codes.length + " codes, dimensions 1 and 2"
                    + " of " + codes[0].length + ")");
            if (loaded.model().latentDimensions() == 2) {
                INDArray grid = LatentPaths.manifold();
                Path manifold = Path.of(prefix + "-manifold.png");
                ImageGrid.write(loaded.model().decode(grid), LatentPaths.MANIFOLD_SIDE, manifold);
                out.println("Wrote " + manifold.toAbsolutePath().normalize() + " (decoded " + LatentPaths.MANIFOLD_SIDE + "x" + LatentPaths.MANIFOLD_SIDE
                        + " grid over [-3, 3]^2)");
            } else {
                out.println("No manifold: the latent space has " + loaded.model().latentDimensions()
                        + " dimensions (a 2-D VAE, latent_dim: 2, gets one)");
            }
        });
    }

    private static void writeScatter(double[][] codes, INDArray labels, Path file) throws IOException {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] code : codes) {
            minX = Math.min(minX, code[0]);
            maxX = Math.max(maxX, code[0]);
            double y = code.length > 1 ? code[1] : 0;
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, SIZE, SIZE);
        graphics.setStroke(new BasicStroke(1f));
        int margin = 20;
        for (int i = 0; i < codes.length; i++) {
            int label = labels == null ? 0 : (int) labels.getDouble(i, 0);
            graphics.setColor(Color.getHSBColor((label % 10) / 10f, 0.85f, 0.85f));
            int x = margin + (int) ((codes[i][0] - minX) / Math.max(maxX - minX, 1e-9) * (SIZE - 2 * margin));
            double yValue = codes[i].length > 1 ? codes[i][1] : 0;
            int y = SIZE - margin - (int) ((yValue - minY) / Math.max(maxY - minY, 1e-9) * (SIZE - 2 * margin));
            graphics.fillOval(x - 2, y - 2, 4, 4);
        }
        for (int label = 0; label < 10; label++) { // legend
            graphics.setColor(Color.getHSBColor(label / 10f, 0.85f, 0.85f));
            graphics.fillRect(SIZE - 60, 10 + label * 14, 10, 10);
            graphics.setColor(Color.BLACK);
            graphics.drawString(Integer.toString(label), SIZE - 45, 19 + label * 14);
        }
        graphics.dispose();
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        ImageIO.write(image, "png", temporary.toFile());
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
