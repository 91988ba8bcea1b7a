package dev.tributary.embedded.internal;

/**
 * Lets a child server JVM follow its parent out: when the process that started it exits, even by SIGKILL,
 * the child exits too, running its shutdown hooks, instead of lingering with the port and the data.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("parent process " + parent.pid() + " exited; stopping");
            System.exit(0);
        }));
    }
}
