package dev.tributary.testkit;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The OS account a server that refuses root (PostgreSQL) runs as when the tests run as root: {@code postgres},
 * which Debian's package creates for its servers, else {@code nobody}. Programs run as it through {@code setpriv},
 * which replaces itself with the program, so signals sent to the started process reach the program.
 *
 * @param name  the account's name
 * @param uid   its user id
 * @param gid   its primary group id
 */
record ServerAccount(String name, long uid, long gid) {

    private static final List<String> CANDIDATES = List.of("postgres", "nobody");

    /** The account to switch to, or empty when the tests do not run as root and can run the server themselves. */
    static Optional<ServerAccount> forCurrentUser() {
        if (new UnixSystem().getUid() != 0) {
            return Optional.empty();
        }
        for (String candidate : CANDIDATES) {
            Optional<ServerAccount> account = lookUp(candidate);
            if (account.isPresent()) {
                return account;
            }
        }
        throw new IllegalStateException("the tests run as root, which PostgreSQL refuses, and neither of the OS "
                + "accounts " + CANDIDATES + " exists to run it as: run the tests as another user, or create one "
                + "with 'useradd --system postgres'");
    }

    /** The command prefix that runs a program as this account, with its own group only. */
    List<String> setprivPrefix() {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
    }

    /** Makes {@code path} this account's, so that the server can write there. */
    void own(Path path) throws IOException {
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(name);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(Long.toString(gid));
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(user);
        view.setGroup(group);
    }

    private static Optional<ServerAccount> lookUp(String name) {
        Optional<String> uid = id(name, "-u");
        Optional<String> gid = id(name, "-g");
        if (uid.isEmpty() || gid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerAccount(name, Long.parseLong(uid.get()), Long.parseLong(gid.get())));
    }

    private static Optional<String> id(String name, String option) {
        try {
            Process id = new ProcessBuilder("id", option, name).redirectErrorStream(true).start();
            id.getOutputStream().close();
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!id.waitFor(10, TimeUnit.SECONDS) || id.exitValue() != 0 || !out.matches("[0-9]+")) {
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run 'id " + option + " " + name + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
