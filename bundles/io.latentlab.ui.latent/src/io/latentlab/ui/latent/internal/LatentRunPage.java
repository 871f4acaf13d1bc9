package io.latentlab.ui.latent.internal;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.runs.RunInfo;
import io.latentlab.ui.runs.RunEditorPage;

/** The run editor's Latent page, for runs whose model encodes examples into codes. */
@Component(service = RunEditorPage.class)
public final class LatentRunPage implements RunEditorPage {

    /** The page's title. */
    public static final String TITLE = "Latent";

    @Reference
    ContributionRegistry registry;

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public boolean appliesTo(Path run) {
        return RunInfo.hasLatentCodes(run);
    }

    @Override
    public Runnable create(Composite parent, Path run) {
        new LatentSpace(parent, run, registry);
        return () -> { }; // a trained run's codes do not change
    }
}
