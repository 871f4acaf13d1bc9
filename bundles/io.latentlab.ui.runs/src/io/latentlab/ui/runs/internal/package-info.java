/** Views, handlers and jobs of the runs bundle. */
package io.latentlab.ui.runs.internal;
