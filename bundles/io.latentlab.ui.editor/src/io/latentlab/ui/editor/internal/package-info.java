/** The experiment editor: YAML source of an experiment, validated against the installed contributions as you type. */
package io.latentlab.ui.editor.internal;
