#!/usr/bin/env bash
# Builds the root filesystem of the offline image (`-Pimage-offline`): a jlink'ed Java runtime from the build
# JDK plus the glibc libraries it links against, so that Jib can layer the launcher on `scratch` without
# pulling a base image from a registry. Linux only (ldd); the online image uses eclipse-temurin instead.
#
#   deploy/image/build-runtime.sh OUTPUT_DIR [JAVA_HOME [LIB_DIR]]
#
# LIB_DIR holds the launcher's runtime jars (launcher/target/lib): the native libraries some of them unpack at
# run time (RocksDB, zstd, LZ4, Snappy) link against libraries of their own, such as libstdc++, added too.
set -euo pipefail

out="${1:?usage: build-runtime.sh OUTPUT_DIR [JAVA_HOME [LIB_DIR]]}"
jdk="${2:-${JAVA_HOME:?set JAVA_HOME or pass the JDK as the second argument}}"
jars="${3:-}"
java_dir=/opt/java/openjdk   # where eclipse-temurin keeps its JRE too, so PATH and entrypoint are the same

# The modules the launcher and its dependencies use (jdeps over launcher/target/lib), plus what Kafka clients load
# by configuration: Kerberos and SASL (jdk.security.*), DNS through JNDI, extra charsets, zip file systems.
# java.desktop is left out on purpose: only optional parts reach it (java.beans in commons-lang3 and micrometer,
# java.awt.Point in PostgreSQL's geometric types).
modules=java.base,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.security.sasl,\
java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,\
jdk.security.jgss,jdk.unsupported,jdk.zipfs,jdk.charsets
# Only those this JDK has (jdk.crypto.ec is empty since Java 22 and may go).
modules=$("$jdk/bin/java" --list-modules | sed 's/@.*//' | grep -Fx -f <(tr ',' '\n' <<< "$modules") | paste -sd, -)

rm -rf "$out"
mkdir -p "$out$(dirname "$java_dir")"
"$jdk/bin/jlink" --add-modules "$modules" --output "$out$java_dir" \
    --strip-debug --no-header-files --no-man-pages --compress zip-6

# Native libraries inside the jars, for this machine's architecture (ldd ignores the others).
natives=$(mktemp -d)
trap 'rm -rf "$natives"' EXIT
if [[ -n "$jars" ]] && ! command -v unzip > /dev/null; then
    echo "build-runtime.sh: unzip is missing, so the jars' native libraries are not scanned (apt-get install unzip)" >&2
elif [[ -n "$jars" ]]; then
    for jar in "$jars"/*.jar; do
        unzip -qq -o "$jar" '*.so' -d "$natives/$(basename "$jar")" 2>/dev/null || true
    done
fi

# The shared libraries every binary and library of the runtime loads, resolved on this machine. libgcc_s is
# loaded with dlopen by glibc (thread cancellation, unwinding), so ldd does not report it.
libs=$(find "$out$java_dir" "$natives" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' | sort -u \
    | grep -v -e "^$out" -e "^$natives")
# awk reads to the end: exiting early would kill ldconfig with SIGPIPE, which pipefail turns into a failure.
libgcc=$(ldconfig -p | awk '/libgcc_s\.so\.1 .*(x86-64|AArch64)/ && !found {print $NF; found = 1}')
for lib in $libs $libgcc; do
    mkdir -p "$out$(dirname "$lib")"
    cp -L "$lib" "$out$lib"   # -L: the file itself, as the dynamic loader opens it by that name
done

# A home and a temp folder for the non-root user (uid 65532), and the name lookups glibc reads.
mkdir -p "$out/tmp" "$out/etc" "$out/opt/tributary/functions"
cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
tributary:x:65532:65532:tributary:/tmp:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
tributary:x:65532:
GROUP
echo 'hosts: files dns' > "$out/etc/nsswitch.conf"

echo "runtime in $out: $(du -sh "$out" | cut -f1), libraries: $(echo $libs $libgcc | wc -w)"
