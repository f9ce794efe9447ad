#!/bin/sh
# Checks what `make dist` made, in a few seconds: the .deb's control fields and files, that its Depends name exactly
# the Debian packages of the libraries the binary links, and that the tarball runs where it is unpacked (version,
# and a new site built without a themes/ folder of its own, from the theme inside the tarball).
# Usage: packaging/check-dist.sh   (exit 1 at the first problem; nothing to check if dist/ holds no package)
set -eu
cd "$(dirname "$0")/.."
version=$(tr -d ' \n' < VERSION)
deb=dist/cpts-site_${version}_amd64.deb
tarball=dist/cpts-site-$version-linux-x86_64.tar.gz
fail() { echo "check-dist: $*" >&2; exit 1; }

[ -f "$deb" ] && [ -f "$tarball" ] || fail "no $deb and $tarball: run 'make dist'"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Control fields.
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = cpts-site ] || fail "Package is not cpts-site"
[ "$(field Version)" = "$version" ] || fail "Version $(field Version) is not VERSION's $version"
[ "$(field Architecture)" = amd64 ] || fail "Architecture is not amd64"
for f in Maintainer Section Priority Installed-Size Depends Description; do
    [ -n "$(field $f)" ] || fail "no $f field"
done
[ "$(dpkg-deb --field "$deb" Description | wc -l)" -ge 3 ] || fail "Description has no long part"
[ "$(field Recommends)" = "rsync, openssh-client" ] || fail "Recommends is '$(field Recommends)', not 'rsync, openssh-client' (deploy)"
[ "$(field Suggests)" = "chromium" ] || fail "Suggests is '$(field Suggests)', not 'chromium' (pdf)"

# Files.
dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./||' > "$work/files"
for f in usr/bin/cpts-site usr/share/cpts-site/themes/default/templates/base.mustache \
         usr/share/cpts-site/themes/default/assets/style.css usr/share/cpts-site/guide.md usr/share/cpts-site/reference.md \
         usr/share/cpts-site/site-json.md usr/share/cpts-site/site.schema.json \
         usr/share/man/man1/cpts-site.1.gz usr/share/doc/cpts-site/copyright usr/share/doc/cpts-site/changelog.gz \
         usr/share/doc/cpts-site/changelog.Debian.gz; do
    grep -qx "$f" "$work/files" || fail "$deb lacks /$f"
done
dpkg-deb --contents "$deb" | awk '$2 != "root/root" {print; bad=1} END {exit bad}' || fail "files not owned by root"

# Depends = the packages holding the libraries in the binary's NEEDED entries, no more, no less.
dpkg-deb --extract "$deb" "$work/root"
readelf -d "$work/root/usr/bin/cpts-site" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' > "$work/needed"
: > "$work/from-needed"
while read -r lib; do
    path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')
    [ -n "$path" ] || fail "$lib (NEEDED) is not installed here"
    owner=$(dpkg -S "$(realpath "$path")" 2>/dev/null || dpkg -S "$path") || fail "no Debian package holds $path"
    echo "$owner" | head -1 | cut -d: -f1 >> "$work/from-needed"
done < "$work/needed"
sort -u "$work/from-needed" -o "$work/from-needed"
field Depends | tr ',' '\n' | sed 's/^ *//; s/ .*//' | sort -u > "$work/depends"
diff -u "$work/from-needed" "$work/depends" >&2 || fail "Depends differ from the packages of the NEEDED libraries (- NEEDED, + Depends)"
grep -Eiq 'swift|foundation|dispatch' "$work/needed" && fail "the binary links a Swift toolchain library"

# The documents that tell tarball users which libraries to install name every dependency beyond the C and C++ runtimes.
for doc in README.md docs/guide.md packaging/README.tarball; do
    for package in $(grep -vxE 'libc6|libgcc-s1|libstdc\+\+6' "$work/depends"); do
        grep -q "apt install.*$package" "$doc" || fail "$doc does not tell tarball users to install $package"
    done
done

# The man page renders without a groff warning.
zcat "$work/root/usr/share/man/man1/cpts-site.1.gz" | LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -z 2>"$work/groff" || true
[ ! -s "$work/groff" ] || { cat "$work/groff" >&2; fail "the man page has groff warnings"; }

# The tarball: its layout, then it runs from where it is unpacked.
name=cpts-site-$version-linux-x86_64
tar -xzf "$tarball" -C "$work"
for f in bin/cpts-site share/cpts-site/themes/default/templates/base.mustache share/cpts-site/guide.md share/cpts-site/reference.md \
         share/cpts-site/site-json.md share/cpts-site/site.schema.json \
         share/man/man1/cpts-site.1.gz LICENSE CHANGELOG.md; do
    [ -e "$work/$name/$f" ] || fail "$tarball lacks $name/$f"
done
cmp -s "$work/$name/bin/cpts-site" "$work/root/usr/bin/cpts-site" || fail "the tarball's binary differs from the package's"
[ "$("$work/$name/bin/cpts-site" --version | head -1)" = "cpts-site $version" ] || fail "bin/cpts-site --version is not $version"
(cd "$work" && env -u CPTS_SITE_THEMES "$work/$name/bin/cpts-site" new site essai >/dev/null) || fail "new site failed"
rm -rf "$work/essai/themes"
(cd "$work/essai" && env -u CPTS_SITE_THEMES "$work/$name/bin/cpts-site" build >/dev/null) || fail "building a site without themes/ failed"
[ -f "$work/essai/public/index.html" ] || fail "the tarball's cpts-site wrote no index.html"
echo "check-dist: $deb and $tarball are well-formed ($(wc -l < "$work/depends") dependencies: $(tr '\n' ' ' < "$work/depends"))"
