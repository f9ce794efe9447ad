#!/bin/sh
# Makes dist/cpts-site_<version>_amd64.deb and dist/cpts-site-<version>-linux-x86_64.tar.gz from a release binary
# built with --static-swift-stdlib (see `make dist`). The package depends on exactly the Debian libraries the binary
# links: dpkg-shlibdeps reads its NEEDED entries and maps each library to its package (with the minimum version).
# Usage: packaging/make-dist.sh BINARY
set -eu
cd "$(dirname "$0")/.."
binary=$(realpath "$1")
version=$(tr -d ' \n' < VERSION)
maintainer=${DEB_MAINTAINER:-"cpts-site contributors <maintainers@users.noreply.h-seed-cd4fff8a.example>"}
stage=dist/stage
rm -rf "$stage" dist/*.deb dist/*.tar.gz
mkdir -p "$stage"

# Fail early if the binary needs anything from the Swift toolchain.
if readelf -d "$binary" | grep NEEDED | grep -Ei 'swift|Foundation|dispatch|BlocksRuntime'; then
    echo "make-dist: $binary links a Swift toolchain library: build it with --static-swift-stdlib" >&2
    exit 1
fi

# --- Debian package ---
deb=$stage/deb
packaging/install.sh "$binary" "$deb/usr"
doc=$deb/usr/share/doc/cpts-site
install -d "$doc"
install -m 0644 packaging/copyright "$doc/copyright"
gzip -9nc CHANGELOG.md > "$doc/changelog.gz"
# The packaging's own history, in Debian's format (lintian wants one).
date=$(date -R -d "$(git log -1 --format=%cI -- VERSION 2>/dev/null || date -Iseconds)")
cat > "$stage/changelog.Debian" <<CHANGELOG
cpts-site ($version) unstable; urgency=medium

  * Paquet de cpts-site $version : voir changelog.gz pour les changements.

 -- $maintainer  $date
CHANGELOG
gzip -9nc "$stage/changelog.Debian" > "$doc/changelog.Debian.gz"
chmod 0644 "$doc"/*

# Recommends: what `cpts-site deploy` runs (rsync, and ssh for a server); Suggests: Chromium, which `pdf` and
# `build --pdf` print with. Neither is linked, so neither is a dependency.
# Depends: dpkg-shlibdeps wants a debian/control to read; give it a minimal one.
mkdir -p "$stage/shlibs/debian"
printf 'Source: cpts-site\n\nPackage: cpts-site\nArchitecture: amd64\n' > "$stage/shlibs/debian/control"
depends=$(cd "$stage/shlibs" && dpkg-shlibdeps -O "$OLDPWD/$deb/usr/bin/cpts-site" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "make-dist: dpkg-shlibdeps found no dependency" >&2; exit 1; }

install -d -m 0755 "$deb/DEBIAN"
cat > "$deb/DEBIAN/control" <<CONTROL
Package: cpts-site
Version: $version
Architecture: amd64
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$deb" | cut -f1)
Depends: $depends
Recommends: rsync, openssh-client
Suggests: chromium
Section: web
Priority: optional
Description: générateur du site de suivi des CPTS d'une région
 cpts-site construit le site web statique de suivi des CPTS (communautés
 professionnelles territoriales de santé) d'une région française à partir de
 fichiers Markdown et YAML.
 .
 Il vérifie le contenu selon les règles de l'accord conventionnel
 interprofessionnel (ACI) CPTS et signale chaque problème avec son fichier, sa
 ligne et sa colonne, calcule les financements et la couverture du territoire,
 et écrit un site accessible, prêt à publier sur n'importe quel hébergement.
 .
 Le paquet fournit la commande cpts-site, son thème par défaut, un guide, la
 référence du format du contenu et une page de manuel en français.
CONTROL
(cd "$deb" && find usr -type f -exec md5sum {} + | sort -k2) > "$deb/DEBIAN/md5sums"
chmod 0644 "$deb/DEBIAN/control" "$deb/DEBIAN/md5sums"
find "$deb" -type d -exec chmod 0755 {} +
dpkg-deb --root-owner-group -Zxz --build "$deb" "dist/cpts-site_${version}_amd64.deb" >/dev/null

# --- Tarball: the same files under one folder, runnable where it is unpacked ---
name=cpts-site-$version-linux-x86_64
tree=$stage/$name
packaging/install.sh "$binary" "$tree"
install -m 0644 LICENSE CHANGELOG.md "$tree/"
install -m 0644 packaging/README.tarball "$tree/LISEZMOI"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$(git log -1 --format=%ct 2>/dev/null || date +%s)" \
    -C "$stage" -czf "dist/$name.tar.gz" "$name"

rm -rf "$stage"
ls -l dist/
