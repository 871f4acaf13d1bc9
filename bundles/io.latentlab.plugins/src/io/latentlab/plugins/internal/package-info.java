/** The plugins command. */
package io.latentlab.plugins.internal;
