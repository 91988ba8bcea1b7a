package dev.tributary.embedded.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of a child server JVM whose own main class is not ours: watches the parent
 * ({@link ParentWatch}), then runs the given main class with the remaining arguments.
 *
 * <p>Arguments: the main class, then its arguments.
 */
public final class ChildMain {

    private ChildMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            System.err.println("usage: ChildMain MAIN_CLASS [ARGS...]");
            System.exit(2);
        }
        ParentWatch.exitWithParent();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
