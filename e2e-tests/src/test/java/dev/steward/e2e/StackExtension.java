package dev.steward.e2e;

import dev.steward.e2e.stack.DemoData;
import dev.steward.e2e.stack.Progress;
import dev.steward.e2e.stack.Stack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the whole stack once per test run (JUnit's root store closes it after the last test class),
 * through the same launcher as deploy/local/run.sh, on free random ports, with the demo data loaded.
 * Test classes take it as a {@code Stack} parameter of a {@code @BeforeAll} method or a test.
 */
public class StackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(StackExtension.class);

    /** Closes the stack when JUnit closes the root store, at the end of the run. */
    private record Running(Stack stack) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            stack.progress().say("Stack memory at the end (RSS, MiB): %s", stack.residentMiB());
            stack.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    static Stack stack(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(Running.class, k -> {
            Progress progress = new Progress(System.out);
            Stack stack = Stack.start(Stack.Options.defaults("e2e-stack", false), progress);
            DemoData.load(stack);
            progress.say("Stack memory (RSS, MiB): %s", stack.residentMiB());
            return new Running(stack);
        }, Running.class).stack();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }
}
