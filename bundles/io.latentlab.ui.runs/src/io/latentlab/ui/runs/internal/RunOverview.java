package io.latentlab.ui.runs.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunInfo;
import io.latentlab.runs.RunRecord;

/**
 * The run editor's Overview page: what the run is and how it went, at a glance: status, model
 * and dataset, the headline metric, every final metric, duration and examples per second, the
 * command that trains it again, and Export Network as ONNX.... The run editor refreshes it while it is the page shown.
 */
final class RunOverview {

    private final Path run;
    private final Label heading;
    private final Text facts;
    private final Text command;

    /**
     * @param parent the page to fill
     * @param run the run directory
     * @param exportOnnx what Export Network as ONNX... does (the same as in the Runs view)
     */
    RunOverview(Composite parent, Path run, Runnable exportOnnx) {
        this.run = run;
        GridLayoutFactory.swtDefaults().margins(16, 12).applyTo(parent);
        heading = new Label(parent, SWT.WRAP);
        heading.setFont(JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(heading);
        facts = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        facts.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(facts);
        new Label(parent, SWT.NONE).setText("Train it again (the experiment as it was, from the run's snapshot):");
        command = new Text(parent, SWT.SINGLE | SWT.READ_ONLY | SWT.BORDER);
        command.setFont(JFaceResources.getTextFont());
        command.setText("latentlab train " + run.resolve(RunDirectory.SNAPSHOT));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(command);
        Button export = new Button(parent, SWT.PUSH);
        export.setText("Export Network as ONNX...");
        export.setToolTipText("Write the run's networks as ONNX models, for ONNX Runtime, PyTorch or C++");
        export.addListener(SWT.Selection, event -> exportOnnx.run());
        refresh();
    }

    /** Reads the run's files again. */
    void refresh() {
        RunInfo info = RunInfo.of(run);
        String headline = info.headlineMetric().isEmpty() ? "" : "   " + info.headlineMetric() + " = "
                + String.format(Locale.ROOT, "%.5g", info.headlineValue());
        String text = info.name() + "   " + info.status() + headline;
        if (!text.equals(heading.getText())) {
            heading.setText(text);
            heading.getParent().layout(true);
        }
        String shown = String.join("\n", lines(info, RunRecord.summary(run)));
        if (!shown.equals(facts.getText())) {
            facts.setText(shown);
        }
    }

    private List<String> lines(RunInfo info, Map<String, String> summary) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-30s %s", "model", info.model()));
        lines.add(String.format(Locale.ROOT, "%-30s %s", "dataset", info.dataset()));
        if (!info.description().isEmpty()) {
            lines.add(String.format(Locale.ROOT, "%-30s %s", "description", info.description()));
        }
        for (String key : List.of("epochs_completed", "steps", "processes", "seconds", "examples_per_second",
                "training_seconds", "training_examples_per_second")) {
            if (summary.containsKey(key)) {
                lines.add(String.format(Locale.ROOT, "%-30s %s", key.replace('_', ' '), summary.get(key)));
            }
        }
        summary.forEach((key, value) -> {
            if (key.startsWith("metrics.")) {
                lines.add(String.format(Locale.ROOT, "%-30s %s", key.substring("metrics.".length()), value));
            }
        });
        summary.forEach((key, value) -> {
            if (key.startsWith("networks.")) {
                lines.add(String.format(Locale.ROOT, "%-30s %s trainable values", key.substring("networks.".length()), value));
            }
        });
        lines.add(String.format(Locale.ROOT, "%-30s %s", "folder", run));
        return lines;
    }

    /** @return the heading and the facts as shown (for tests) */
    String text() {
        return heading.getText() + "\n" + facts.getText();
    }
}
