/** The study commands: {@code sweep}, {@code race}, {@code benchmark}. */
package io.latentlab.studies.internal;
