package dev.steward.e2e;

/** The stack extension for test classes in other packages (the console's browser tests). */
public class StackAccess extends StackExtension {
}
