package io.latentlab.core;

/**
 * One thing wrong with the parameters given to a contribution.
 *
 * @param parameter the parameter's name (empty when the problem is not about one parameter)
 * @param expected what a valid value looks like
 * @param actual what was given, as text
 * @param message a sentence saying what is wrong, for people
 */
public record ParameterProblem(String parameter, String expected, String actual, String message) {
}
