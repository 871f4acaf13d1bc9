package io.latentlab.analyses.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * {@code latentlab interpolate RUN_DIR --from I --to J [--steps 10] [--spherical] [--out strip.png]}:
 * encodes two test images and decodes the path between their codes as a strip.
 */
@Component(service = Command.class)
public final class InterpolateCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "interpolate";
    }

    @Override
    public String summary() {
        return "interpolate RUN_DIR --from I --to J [--steps 10] [--spherical] [--out strip.png]: decode the path"
                + " between two test images' codes (VAE)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        boolean spherical = arguments.contains("--spherical");
        List<String> rest = arguments.stream().filter(a -> !"--spherical".equals(a)).toList();
        int from = -1;
        int to = -1;
        int steps = 10;
        Path file = Path.of("strip.png");
        try {
            for (int i = 1; i + 1 < rest.size(); i += 2) {
                switch (rest.get(i)) {
                    case "--from" -> from = number("--from", rest.get(i + 1), 0, Integer.MAX_VALUE, err);
                    case "--to" -> to = number("--to", rest.get(i + 1), 0, Integer.MAX_VALUE, err);
                    case "--steps" -> steps = number("--steps", rest.get(i + 1), 2, 1000, err);
                    case "--out" -> file = Path.of(rest.get(i + 1));
                    default -> throw new IllegalArgumentException(rest.get(i));
                }
            }
        } catch (NumberFormatException e) {
            return RunCommands.INVALID; // said by number()
        } catch (IllegalArgumentException e) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        if (rest.size() % 2 == 0 || from < 0 || to < 0 || steps < 2) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        Path directory = RunCommands.runDirectory("interpolate", rest.get(0), true, err);
        if (directory == null) {
            return RunCommands.INVALID;
        }
        int a = from;
        int b = to;
        int count = steps;
        Path target = file;
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            CheckedExperiment checked = RunDirectory.experiment(new ExperimentReader(registry), directory);
            ExperimentRunner.LoadedRun loaded = runner.load(directory, checked);
            INDArray test = loaded.dataset().testFeatures();
            INDArray pair = test.get(Nd4j.createFromArray(a, b));
            INDArray codes = loaded.model().encode(pair);
            INDArray path = LatentPaths.between(codes.getRow(0), codes.getRow(1), count, spherical);
            ImageGrid.write(loaded.model().decode(path), count, target);
            out.println("Wrote " + target.toAbsolutePath().normalize() + " (" + count + " images from test image " + a
                    + " to " + b + ", " + (spherical ? "spherical" : "linear") + ")");
        });
    }

    /** A whole-number option, or a NumberFormatException after the message. */
    private static int number(String option, String text, int min, int max, PrintStream err) {
        Integer value = RunCommands.wholeNumber("interpolate", option, text, min, max, err);
        if (value == null) {
            throw new NumberFormatException(option);
        }
        return value;
    }
}
