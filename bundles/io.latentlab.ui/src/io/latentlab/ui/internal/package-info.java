/** Workbench advisors and the perspective factory behind {@link io.latentlab.ui.WorkbenchLayout}. */
package io.latentlab.ui.internal;
