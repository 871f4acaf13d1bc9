package io.latentlab.ui.internal;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import io.latentlab.nd4j.BackendInfo;
import io.latentlab.nd4j.Nd4jRuntime;

/**
 * Preferences > Latentlab > Backend: what ND4J runs on now, and the native build to load at
 * the next start. Latentlab ships ND4J's CPU backend only (no CUDA bundle is installed).
 */
public final class BackendPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** The page id (plugin.xml). */
    public static final String ID = "io.latentlab.ui.backend";

    /** Creates the page. */
    public BackendPreferencePage() {
        super(GRID);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(NativeBuildPreference.store());
        String running;
        try {
            running = String.join("\n", Nd4jRuntime.initialize().describe());
        } catch (IllegalStateException e) {
            running = "ND4J " + BackendInfo.nd4jVersion() + " did not load: " + e.getMessage();
        }
        setDescription("Device: CPU (ND4J's native CPU backend; no GPU backend is installed).\nRunning now:\n" + running
                + "\n\nThe native build below is loaded at the next start of the workbench.");
    }

    @Override
    protected void createFieldEditors() {
        addField(new RadioGroupFieldEditor(NativeBuildPreference.KEY, "Native build", 1, new String[][] {
            {"Automatic (oneDNN AVX2 where the CPU has AVX2 and FMA, else generic)", NativeBuildPreference.AUTOMATIC},
            {"oneDNN AVX2 (fastest convolutions on AVX2 CPUs)", NativeBuildPreference.ONEDNN_AVX2},
            {"Generic x86-64 (no oneDNN)", NativeBuildPreference.GENERIC}}, getFieldEditorParent(), true));
    }
}
