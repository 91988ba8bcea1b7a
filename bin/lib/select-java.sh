# Sourced by bin/tributary and .ci/run: points JAVA_HOME at a JDK 21 or newer.
# Order: $JAVA_HOME, the `java` on the PATH, then the newest JDK under /usr/lib/jvm.

tributary_java_major() {
    # The major version of the JDK at $1, from its release file; 0 when it is not a JDK.
    local release="$1/release" version
    [[ -x "$1/bin/java" && -x "$1/bin/javac" && -f "$release" ]] || { echo 0; return; }
    version=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release")
    echo "${version:-0}"
}

tributary_select_java() {
    local minimum=21 candidate best="" best_major=0 major
    if [[ -n "${JAVA_HOME:-}" && $(tributary_java_major "$JAVA_HOME") -ge $minimum ]]; then
        export JAVA_HOME
        return 0
    fi
    if command -v javac >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
        if [[ $(tributary_java_major "$candidate") -ge $minimum ]]; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    fi
    for candidate in /usr/lib/jvm/*; do
        [[ -d "$candidate" && ! -L "$candidate" ]] || continue
        major=$(tributary_java_major "$candidate")
        if [[ $major -ge $minimum && $major -gt $best_major ]]; then
            best="$candidate"
            best_major=$major
        fi
    done
    if [[ -n "$best" ]]; then
        export JAVA_HOME="$best"
        return 0
    fi
    echo "tributary: needs a JDK $minimum or newer; install one or point JAVA_HOME at it" >&2
    return 1
}
