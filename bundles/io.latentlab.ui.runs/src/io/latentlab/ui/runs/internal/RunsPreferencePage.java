package io.latentlab.ui.runs.internal;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import io.latentlab.ui.runs.RunsPreferences;

/**
 * Preferences > Latentlab > Runs: where runs go, how often run editors read new values, ND4J threads, and
 * where Submit Sweep to Spark submits.
 */
public final class RunsPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** Creates the page. */
    public RunsPreferencePage() {
        super(GRID);
        setDescription("Runs and their editors. The runs folder applies to new runs and to the Runs view;"
                + " -Dlatentlab.runs=DIR on the command line overrides it. ND4J threads apply to BLAS and ND4J's own"
                + " loops from the next training on; libnd4j's OpenMP loops keep LATENTLAB_THREADS from start-up.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, RunsPreferences.NODE));
        getPreferenceStore().setDefault(RunsPreferences.REFRESH_MILLISECONDS, RunsPreferences.DEFAULT_REFRESH_MILLISECONDS);
    }

    @Override
    protected void createFieldEditors() {
        addField(new DirectoryFieldEditor(RunsPreferences.RUNS_FOLDER, "Runs folder (empty: runs/ in the workspace):",
                getFieldEditorParent()));
        IntegerFieldEditor refresh = new IntegerFieldEditor(RunsPreferences.REFRESH_MILLISECONDS, "Chart refresh interval (ms):",
                getFieldEditorParent());
        refresh.setValidRange(200, 60_000);
        addField(refresh);
        IntegerFieldEditor threads = new IntegerFieldEditor(RunsPreferences.THREADS,
                "ND4J threads for training (0: LATENTLAB_THREADS, default 1):", getFieldEditorParent());
        threads.setValidRange(0, Runtime.getRuntime().availableProcessors() * 2);
        addField(threads);
        // Submit Sweep to Spark (docs/cluster.md)
        addField(new StringFieldEditor(RunsPreferences.SPARK_MASTER, "Spark master (Submit Sweep to Spark; empty:"
                + " local[2]):", getFieldEditorParent()));
        addField(new FileFieldEditor(RunsPreferences.SPARK_SUBMIT, "spark-submit (empty: on the PATH):",
                getFieldEditorParent()));
        addField(new FileFieldEditor(RunsPreferences.SPARK_JAR, "Driver jar (latentlab-spark.jar):",
                getFieldEditorParent()));
        addField(new StringFieldEditor(RunsPreferences.SPARK_PRODUCT, "latentlab on the workers (empty: this"
                + " installation's path):", getFieldEditorParent()));
    }
}
