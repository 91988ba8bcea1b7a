package dev.tributary.launcher.config.internal;

/**
 * Where a value sits in the file: its path as users write it ({@code functions[1].subscribe.ordering}) and the
 * 1-based line of its key, or of the list item.
 */
public record Location(String path, int line, int depth) {

    /** The file as a whole. */
    public static final Location ROOT = new Location("", 1, 0);

    public Location child(String key, int keyLine) {
        return new Location(path.isEmpty() ? key : path + "." + key, keyLine, depth + 1);
    }

    public Location element(int index, int itemLine) {
        return new Location(path + "[" + index + "]", itemLine, depth + 1);
    }
}
