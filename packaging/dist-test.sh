#!/usr/bin/env bash
# Installs the .deb made by `make dist` in a clean Debian 12 root, as a webmaster would, and uses it there:
# --version, `new site`, a build (with the site's theme, then with the installed one), `deploy` to a folder and twice
# to user@host:path (the second changing nothing), then `apt-get purge`.
# The root has no Swift toolchain and no compiler, which the test asserts.
#   .build-dist/bookworm-minbase/  a pristine `debootstrap --variant=minbase bookworm` root, made once (network)
#   .build-dist/apt-archives/      downloaded .debs, kept between runs
# Each run works on a fresh copy of the pristine root, removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
version=$(tr -d ' \n' < VERSION)
deb=dist/cpts-site_${version}_amd64.deb
[ -f "$deb" ] || { echo "dist-test: no $deb: run 'make dist'" >&2; exit 1; }
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
pristine=.build-dist/bookworm-minbase
archives=$PWD/.build-dist/apt-archives
root=$PWD/.build-dist/dist-test-root

if [ ! -f "$pristine/.complete" ]; then
    rm -rf "$pristine"
    echo "dist-test: debootstrap --variant=minbase bookworm (once, kept in $pristine)"
    debootstrap --variant=minbase bookworm "$pristine" "$mirror" >/dev/null
    touch "$pristine/.complete"
fi
echo "dist-test: root ready after $((SECONDS - start)) s"

mounted=()
cleanup() {
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}"; done
    rm -rf "$root"
}
trap cleanup EXIT
rm -rf "$root"
cp -a "$pristine" "$root"
mkdir -p "$archives/partial"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
mount --bind "$archives" "$root/var/cache/apt/archives" && mounted+=("$root/var/cache/apt/archives")
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
# apt: no pseudo-terminal for dpkg's log (no /dev/pts in the root), no apt-utils for debconf.
apt_opts=(-o Dpkg::Use-Pty=0 -o Debconf::Frontend=noninteractive)
fail() { echo "dist-test: FAILED: $*" >&2; exit 1; }

# Nothing from a Swift toolchain or a compiler in the root, before or after the install.
no_toolchain() {
    [ ! -e "$root/opt/swift" ] || fail "/opt/swift exists in the root ($1)"
    for tool in swift swiftc cc gcc clang ld; do
        if in_root sh -c "command -v $tool" >/dev/null; then fail "$tool is installed in the root ($1)"; fi
    done
    if find "$root/usr" "$root/opt" -name 'libswiftCore*' -o -name 'libFoundation*.so*' | grep -q .; then
        fail "a Swift runtime library is in the root ($1)"
    fi
}
no_toolchain "before the install"

cp "$deb" "$root/tmp/"
in_root apt-get update -qq
# As a webmaster installs it: with the recommended packages (rsync and ssh, for `cpts-site deploy`).
in_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq "/tmp/$(basename "$deb")" >/dev/null
echo "dist-test: installed after $((SECONDS - start)) s"
no_toolchain "after the install"
in_root sh -c 'command -v rsync && command -v ssh' >/dev/null || fail "rsync and ssh (Recommends) were not installed"
if in_root sh -c 'command -v chromium' >/dev/null; then fail "chromium (only Suggests) was installed"; fi

shown=$(in_root cpts-site --version)
echo "$shown"
[ "$(echo "$shown" | head -1)" = "cpts-site $version" ] || fail "--version shows '$(echo "$shown" | head -1)'"
in_root sh -c 'cd /tmp && cpts-site new site essai' >/dev/null
# The site gets the installed French guide and content reference, which its comments name.
for doc in guide reference; do
    [ -f "$root/usr/share/cpts-site/$doc.md" ] || fail "no /usr/share/cpts-site/$doc.md"
done
cmp -s "$root/usr/share/cpts-site/reference.md" "$root/tmp/essai/REFERENCE.md" || fail "new site did not copy the installed reference"
cmp -s "$root/usr/share/cpts-site/guide.md" "$root/tmp/essai/GUIDE.md" || fail "new site did not copy the installed guide"
# The address `new site` writes is a placeholder: check --strict refuses it until the webmaster sets the real one.
if in_root sh -c 'cd /tmp/essai && cpts-site check --strict' 2>/dev/null; then fail "check --strict accepts baseURL https://example.org/"; fi
sed -i 's|^baseURL: https://example.org/|baseURL: https://cpts.region.test/|' "$root/tmp/essai/content/site.yaml"
in_root sh -c 'cd /tmp/essai && cpts-site check --strict && cpts-site build' || fail "the new site does not build"
[ -f "$root/tmp/essai/public/index.html" ] || fail "no public/index.html"

# Publishing: to a folder, then to a server. The "server" is reached through a stand-in for ssh that runs rsync's
# command here (RSYNC_RSH), so that the user@host:path form goes through rsync's remote protocol without sshd.
in_root sh -c 'cd /tmp/essai && cpts-site deploy /tmp/www-dossier/' >/dev/null || fail "deploy to a folder failed"
[ -f "$root/tmp/www-dossier/index.html" ] || fail "deploy to a folder wrote no index.html"
printf '#!/bin/sh\n# ssh stand-in: drops -l user and the host, runs the command here\nwhile [ "$1" = -l ]; do shift 2; done\nshift\nexec sh -c "$*"\n' \
    > "$root/usr/local/bin/ssh-ici"
chmod 0755 "$root/usr/local/bin/ssh-ici"
deploy_remote() { in_root env RSYNC_RSH=/usr/local/bin/ssh-ici sh -c 'cd /tmp/essai && cpts-site deploy webmestre@serveur:/tmp/www-serveur/'; }
first=$(deploy_remote) || fail "deploy to user@host:path failed"
echo "$first" | grep -Eq '^  ajouté +index\.html$' || fail "the first deploy did not list index.html as added: $first"
[ -f "$root/tmp/www-serveur/index.html" ] || fail "deploy to user@host:path wrote no index.html"
second=$(deploy_remote) || fail "the second deploy failed"
echo "$second" | tail -1 | grep -q '^rien à changer' || fail "the second deploy was not a no-op: $second"
if echo "$second" | grep -Eq '^  (ajouté|modifié|supprimé|dossier ajouté) '; then fail "the second deploy changed files: $second"; fi
echo "dist-test: deployed to a folder and twice to user@host:path (the second changed nothing)"
# Without a themes/ folder of its own, the site uses the installed theme, /usr/share/cpts-site/themes.
rm -rf "$root/tmp/essai/themes" "$root/tmp/essai/public"
in_root sh -c 'cd /tmp/essai && cpts-site build' || fail "the site without themes/ does not build"
[ -f "$root/tmp/essai/public/index.html" ] || fail "no public/index.html from the installed theme"
[ -f "$root/usr/share/man/man1/cpts-site.1.gz" ] || fail "no man page"

in_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" purge -y -qq cpts-site >/dev/null
[ ! -e "$root/usr/bin/cpts-site" ] && [ ! -e "$root/usr/share/cpts-site" ] || fail "apt-get purge left files behind"
echo "dist-test: passed in $((SECONDS - start)) s"
