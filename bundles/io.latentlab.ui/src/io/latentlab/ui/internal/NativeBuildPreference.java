package io.latentlab.ui.internal;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import io.latentlab.nd4j.Nd4jRuntime;

/**
 * The workbench's choice of ND4J native build (Preferences > Latentlab > Backend). The native
 * library loads once per process, so the choice is applied when the workbench starts, before
 * anything touches ND4J; a build named on the command line
 * ({@code -Dorg.bytedeco.javacpp.platform.extension=...}) wins.
 */
public final class NativeBuildPreference {

    /** Preference key. */
    public static final String KEY = "nativeBuild";
    /** Let {@link Nd4jRuntime} choose: oneDNN AVX2 where the CPU has AVX2 and FMA, else generic. */
    public static final String AUTOMATIC = "automatic";
    /** The oneDNN build for CPUs with AVX2 and FMA. */
    public static final String ONEDNN_AVX2 = "onednn-avx2";
    /** The generic x86-64 build (no oneDNN): for comparisons, or CPUs where the other misbehaves. */
    public static final String GENERIC = "generic";

    private static final String NODE = "io.latentlab.ui";
    private static ScopedPreferenceStore store;

    private NativeBuildPreference() {
    }

    /** @return the store the Backend page edits */
    public static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, NODE);
            store.setDefault(KEY, AUTOMATIC);
        }
        return store;
    }

    /** Applies the stored choice; called at start-up. */
    public static void applyAtStart() {
        apply(store().getString(KEY));
    }

    /**
     * @param choice {@link #AUTOMATIC}, {@link #ONEDNN_AVX2} or {@link #GENERIC}
     * @return the native build property now in force ({@code null}: chosen automatically at load)
     */
    public static String apply(String choice) {
        String given = System.getProperty(Nd4jRuntime.NATIVE_BUILD_PROPERTY);
        if (given != null && !Boolean.getBoolean(CHOSEN_HERE)) {
            return given; // set on the command line
        }
        switch (choice == null ? AUTOMATIC : choice) {
            case ONEDNN_AVX2 -> System.setProperty(Nd4jRuntime.NATIVE_BUILD_PROPERTY, Nd4jRuntime.ONEDNN_AVX2);
            case GENERIC -> System.setProperty(Nd4jRuntime.NATIVE_BUILD_PROPERTY, "");
            default -> {
                System.clearProperty(Nd4jRuntime.NATIVE_BUILD_PROPERTY);
                System.clearProperty(CHOSEN_HERE);
                return null;
            }
        }
        System.setProperty(CHOSEN_HERE, "true");
        return System.getProperty(Nd4jRuntime.NATIVE_BUILD_PROPERTY);
    }

    /** Marks the native build property as set from the preference, not the command line. */
    private static final String CHOSEN_HERE = "latentlab.nativeBuildFromPreference";
}
