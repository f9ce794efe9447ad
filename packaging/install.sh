#!/bin/sh
# Installs cpts-site in the layout every form of distribution shares (make install, the .deb, the tarball):
#   PREFIX/bin/cpts-site                     the binary, stripped
#   PREFIX/share/cpts-site/themes/default/   the default theme, found by the binary as ../share/cpts-site/themes
#   PREFIX/share/cpts-site/guide.md          the French user guide
#   PREFIX/share/cpts-site/reference.md      the French content reference (every file, key and accepted value)
#   PREFIX/share/cpts-site/site-json.md      the French description of data/site.json, the interchange format
#   PREFIX/share/cpts-site/site.schema.json  its JSON Schema (draft 2020-12)
#   PREFIX/share/man/man1/cpts-site.1.gz     the French man page
# Usage: packaging/install.sh BINARY ROOT   (ROOT = $(DESTDIR)$(PREFIX))
#        packaging/install.sh --uninstall ROOT
set -eu
cd "$(dirname "$0")/.."

if [ "$1" = "--uninstall" ]; then
    root=$2
    rm -f "$root/bin/cpts-site" "$root/share/man/man1/cpts-site.1.gz"
    rm -rf "$root/share/cpts-site"
    exit 0
fi

binary=$1 root=$2
version=$(tr -d ' \n' < VERSION)
install -d "$root/bin" "$root/share/cpts-site/themes" "$root/share/man/man1"
install -m 0755 "$binary" "$root/bin/cpts-site"
# What dh_strip does to an executable: no symbol table, no debug sections (Swift needs neither to run).
strip --remove-section=.comment --remove-section=.note "$root/bin/cpts-site"
rm -rf "$root/share/cpts-site/themes/default"
cp -R themes/default "$root/share/cpts-site/themes/default"
find "$root/share/cpts-site/themes/default" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
install -m 0644 docs/guide.md "$root/share/cpts-site/guide.md"
install -m 0644 docs/reference.md "$root/share/cpts-site/reference.md"
install -m 0644 docs/site-json.md "$root/share/cpts-site/site-json.md"
install -m 0644 docs/site.schema.json "$root/share/cpts-site/site.schema.json"
# The page's date: when VERSION last changed (today outside a git checkout).
date=$(git log -1 --format=%cs -- VERSION 2>/dev/null || true)
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/${date:-$(date +%F)}/" packaging/cpts-site.1 | gzip -9n > "$root/share/man/man1/cpts-site.1.gz"
chmod 0644 "$root/share/man/man1/cpts-site.1.gz"
