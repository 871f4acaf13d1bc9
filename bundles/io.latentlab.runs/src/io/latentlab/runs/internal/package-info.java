/** The run commands: {@code train}, {@code resume}, {@code branch}, {@code eval}, {@code list}. */
package io.latentlab.runs.internal;
