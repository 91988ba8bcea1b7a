package dev.tributary.testkit.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of a server JVM that a test JVM starts: runs the server's own main class with the remaining arguments,
 * and exits when the test JVM exits, even when that is killed, so that no server is left holding a port.
 *
 * <p>Arguments: the main class, then its arguments.
 */
public final class ExitWithParentMain {

    private ExitWithParentMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            System.err.println("usage: ExitWithParentMain MAIN_CLASS [ARGS...]");
            System.exit(2);
        }
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
